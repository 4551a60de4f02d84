#![cfg(not(target_arch = "wasm32"))]
//! The data-driven corpora: `tests/corpus/parse.jsonl` (input → value or error kind) and
//! `tests/corpus/check.jsonl` (field + input + context → verdict).

use lifetime_guard::{check, parse, Context, Unit};
use serde_json::Value;

fn lines(path: &str) -> Vec<(usize, Value)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            (
                i + 1,
                serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}:{}: {e}", i + 1)),
            )
        })
        .collect()
}

#[test]
fn parse_corpus() {
    let cases = lines("tests/corpus/parse.jsonl");
    assert!(
        cases.len() >= 150,
        "the corpus must keep at least 150 cases, has {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for (line, case) in &cases {
        let input = case["input"].as_str().expect("input");
        let unit = Unit::from_name(case["unit"].as_str().expect("unit")).expect("unit name");
        let got = parse(input, unit);
        let ok = match (&got, case.get("value"), case.get("error")) {
            (Ok(v), Some(want), None) => want.as_u64() == Some(*v),
            (Err(e), None, Some(kind)) => {
                kind.as_str() == Some(e.kind.code())
                    && case
                        .get("suggestion")
                        .is_none_or(|s| s.as_str() == e.suggestion().as_deref())
                    && e.start <= e.end
                    && e.end <= input.len()
                    && input.is_char_boundary(e.start)
                    && input.is_char_boundary(e.end)
                    && !e.message().is_empty()
            }
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "line {line}: {input:?} ({unit:?}) → {got:?}, want {case}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn check_corpus() {
    let mut failures = Vec::new();
    for (line, case) in lines("tests/corpus/check.jsonl") {
        let field = case["field"].as_str().expect("field");
        let input = case["input"].as_str().expect("input");
        let ctx: Context = serde_json::from_value(case["context"].clone()).expect("context");
        let v = check(field, input, &ctx).unwrap_or_else(|e| panic!("line {line}: {e}"));
        let json = serde_json::to_value(&v).expect("verdict serialises");
        let expect = &case["expect"];
        for key in ["level", "blocks_save", "value", "seconds"] {
            if let Some(want) = expect.get(key) {
                if &json[key] != want {
                    failures.push(format!(
                        "line {line}: {field} {input:?}: {key} = {}, want {want}",
                        json[key]
                    ));
                }
            }
        }
        if let Some(codes) = expect.get("codes").and_then(Value::as_array) {
            for code in codes {
                if !v
                    .messages
                    .iter()
                    .any(|m| Some(m.code.name()) == code.as_str())
                {
                    failures.push(format!(
                        "line {line}: {field} {input:?}: no message {code}; got {:?}",
                        v.messages
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
