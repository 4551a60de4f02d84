//! Prints each native parser's right answers on benches/corpus.json as JSON (for `cargo xtask
//! bench`): right means the expected seconds, or a refusal where a refusal is right.

fn main() {
    let text = std::fs::read_to_string("benches/corpus.json").expect("benches/corpus.json");
    let cases: serde_json::Value = serde_json::from_str(&text).expect("json");
    let cases = cases.as_array().expect("array");
    let mut right = [0usize; 3];
    for c in cases {
        let input = c["input"].as_str().unwrap_or("");
        let want = c["seconds"].as_u64();
        let ours = lifetime_guard::parse(input, lifetime_guard::Unit::Seconds).ok();
        let jiff = input
            .parse::<jiff::Span>()
            .ok()
            .and_then(|s| {
                s.to_duration(jiff::SpanRelativeTo::days_are_24_hours())
                    .ok()
            })
            .and_then(|d| u64::try_from(d.as_secs()).ok());
        let humantime = humantime::parse_duration(input).ok().map(|d| d.as_secs());
        for (i, got) in [ours, jiff, humantime].into_iter().enumerate() {
            if got == want {
                right[i] += 1;
            }
        }
    }
    println!(
        "{}",
        serde_json::json!({"cases": cases.len(), "lifetime_guard": right[0], "jiff": right[1], "humantime": right[2]})
    );
}
