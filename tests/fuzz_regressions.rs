#![cfg(not(target_arch = "wasm32"))]
//! Replays every input that ever crashed or broke an invariant (fuzz/regressions/), through the
//! same checks as the fuzz targets.

use lifetime_guard::{parse, Unit};

#[test]
fn regressions_stay_fixed() {
    let dir = std::path::Path::new("fuzz/regressions/parse");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).expect("fuzz/regressions/parse") {
        let bytes = std::fs::read(entry.expect("entry").path()).expect("read");
        let text = String::from_utf8_lossy(&bytes);
        for unit in [Unit::Seconds, Unit::Minutes] {
            if let Err(e) = parse(&text, unit) {
                assert!(e.start <= e.end && e.end <= text.len(), "{text:?}");
                assert!(
                    text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
                    "{text:?}"
                );
                if let Some(s) = e.suggestion() {
                    assert!(parse(&s, unit).is_ok(), "{text:?}: {s:?}");
                }
            }
        }
        count += 1;
    }
    assert!(count > 0, "the regression corpus is not empty");
}

/// Decodes a `check` fuzz input as the target does: field, other field, flags, then
/// input␟sibling␟audience␟policy-limit.
#[test]
fn check_regressions_stay_fixed() {
    use lifetime_guard::catalog::FIELDS;
    use lifetime_guard::verdict::{check_field, Context};
    let dir = std::path::Path::new("fuzz/regressions/check");
    for entry in std::fs::read_dir(dir).expect("fuzz/regressions/check") {
        let data = std::fs::read(entry.expect("entry").path()).expect("read");
        let field = &FIELDS[usize::from(data[0]) % FIELDS.len()];
        let other = &FIELDS[usize::from(data[1]) % FIELDS.len()];
        let text = String::from_utf8_lossy(&data[3..]);
        let mut parts = text.splitn(4, '\u{1f}');
        let input = parts.next().unwrap_or("");
        let mut ctx = Context::default();
        ctx.siblings
            .insert(other.id.to_string(), parts.next().unwrap_or("").to_string());
        ctx.api_identifier = parts.next().map(str::to_string);
        if data[2] & 1 == 1 {
            ctx.disabled.push(field.id.to_string());
        }
        let v = check_field(field, input, &ctx);
        let switched_off = data[2] & 1 == 1 && !field.toggle_labels.is_empty();
        if let (Some(value), Some(max), false) = (v.value, field.max, switched_off) {
            assert!(
                value <= max.value || v.blocks_save,
                "{input:?} above the maximum must block"
            );
        }
    }
}

/// The file names the lint fuzz target picks from.
const NAMES: &[&str] = &[
    "tenant.yaml",
    "resource-servers/api.json",
    "clients/app.json",
    "tenant.json",
    "main.tf",
    "plan.json",
    "terraform.tfstate",
    "export.json",
];

/// Replays the lint target's inputs: the first byte picks the file name, its top bit keywords.
#[test]
fn lint_regressions_stay_fixed() {
    use lifetime_guard::lint::{run, Keywords, Options};
    let mut count = 0;
    for dir in ["fuzz/regressions/lint", "fuzz/corpus/lint"] {
        for entry in std::fs::read_dir(dir).expect(dir) {
            let data = std::fs::read(entry.expect("entry").path()).expect("read");
            let Some((&first, rest)) = data.split_first() else {
                continue;
            };
            let Ok(text) = std::str::from_utf8(rest) else {
                continue;
            };
            let keywords = (first & 0x80 != 0).then(|| {
                Keywords::from_json(r#"{"A": 86400, "B": "7200", "C": "x\ny", "D": null}"#)
                    .expect("k")
            });
            let name = NAMES[usize::from(first & 0x7f) % NAMES.len()];
            for name in [name, "main.tf.json"] {
                let file = run::lint_text(
                    std::path::Path::new(name),
                    text,
                    keywords.as_ref(),
                    &Options::default(),
                );
                let read = file.text.as_str();
                for v in &file.values {
                    assert!(
                        v.span.end <= read.len()
                            && read.is_char_boundary(v.span.start)
                            && read.is_char_boundary(v.span.end)
                    );
                }
            }
            count += 1;
        }
    }
    assert!(count > 5, "the lint corpus is not empty");
}

/// Nesting far past every reader's limit, in every format `lint` reads: a clean refusal of the
/// file (`error[unreadable]`), never a stack overflow. 200,000 `[` in JSON killed `lint` with
/// exit 134 and no message; the playground's lint module reads the same code.
#[test]
fn deep_nesting_is_refused_in_every_format() {
    use lifetime_guard::lint::{run, Options};
    let deep = 200_000;
    let json = [
        format!("{}{}", "[".repeat(deep), "]".repeat(deep)),
        format!("{}1{}", "{\"a\":".repeat(deep), "}".repeat(deep)),
        "[".repeat(deep),
    ];
    let yaml = [format!("a: {}{}", "[".repeat(deep), "]".repeat(deep))];
    let hcl = [
        format!("x = {}{}", "[".repeat(deep), "]".repeat(deep)),
        format!(
            "resource \"auth0_client\" \"a\" {{\n  x = {}\n}}",
            "{a = ".repeat(deep)
        ),
    ];
    let mut names = NAMES.to_vec();
    names.push("main.tf.json");
    for name in names {
        let own: &[String] = if name.ends_with(".tf") {
            &hcl
        } else if name.ends_with(".yaml") {
            &yaml
        } else {
            &json
        };
        // Every text in every file (what is not nested in a format's syntax may be, say, a YAML
        // string): none may crash; those nested in the file's own syntax are refused.
        for text in json.iter().chain(&yaml).chain(&hcl) {
            let file = run::lint_text(std::path::Path::new(name), text, None, &Options::default());
            assert!(
                file.error.is_some() || !own.contains(text),
                "{name}, {}…: read without a refusal",
                &text[..12]
            );
        }
    }
}
