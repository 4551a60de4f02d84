// Measures jsonc-parser's Scanner (byte-offset tokens, as dprint and Deno use it) against
// lifetime-guard's own JSON event reader on the same files: time per pass and what each accepts.
use jsonc_parser::{Scanner, ScannerOptions};
use lifetime_guard::lint::json_events::JsonEvents;
use std::time::Instant;

fn strict() -> ScannerOptions {
    ScannerOptions {
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

fn scan(text: &str) -> Result<usize, String> {
    let mut s = Scanner::new(text, &strict());
    let mut n = 0;
    loop {
        match s.scan() {
            Ok(Some(t)) => {
                if matches!(t, jsonc_parser::tokens::Token::CommentLine(_) | jsonc_parser::tokens::Token::CommentBlock(_) | jsonc_parser::tokens::Token::Word(_)) {
                    return Err(format!("not JSON: {t:?} at {}", s.token_start()));
                }
                n += 1
            }
            Ok(None) => return Ok(n),
            Err(e) => return Err(e.to_string()),
        }
    }
}

fn events(text: &str) -> Result<usize, String> {
    let mut n = 0;
    for e in JsonEvents::new(text) {
        e.map_err(|e| e.to_string())?;
        n += 1;
    }
    Ok(n)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("read");
        for (name, f) in [("jsonc-parser Scanner", scan as fn(&str) -> Result<usize, String>), ("JsonEvents", events)] {
            let mut times = Vec::new();
            let mut count = Ok(0);
            for _ in 0..7 {
                let t = Instant::now();
                count = f(&text);
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            println!("{path}: {name}: {:.1} ms, {count:?}", median(times));
        }
    }
    for bad in ["01", "[1,]", "{\"a\" 1}", "\"\\x\"", "[tru]", "// c\n1", "'a'", "+1", ".5", "NaN", "\"a\u{1}\"", "1 2", "{\"a\":1,}"] {
        println!("{bad:?}: scanner {:?} / events {:?}", scan(bad).is_ok(), events(bad).is_ok());
    }
}
