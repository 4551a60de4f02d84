//! Native parse (with a refusal's explanation), value (the number only) and parse + check against
//! jiff and humantime on one shared corpus (benches/corpus.json).
//! Each iteration parses the whole corpus (group `parse_corpus`), or the inputs of one form
//! (group `parse_forms`: bare number, unit compound, ISO 8601, clock, refusal); `cargo xtask
//! bench` divides by the number of inputs and also counts each library's right answers.

use criterion::{criterion_group, criterion_main, Criterion};
use lifetime_guard::catalog;
use lifetime_guard::verdict::{check_field, Context};
use std::hint::black_box;

/// The corpus as (input, form) pairs.
fn corpus() -> Vec<(String, String)> {
    let text = std::fs::read_to_string("benches/corpus.json").expect("benches/corpus.json");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    v.as_array()
        .expect("array")
        .iter()
        .filter_map(|c| {
            Some((
                c["input"].as_str()?.to_string(),
                c["form"].as_str()?.to_string(),
            ))
        })
        .collect()
}

/// The forms of the corpus, in the order the bench table shows them.
const FORMS: &[&str] = &["bare", "compound", "iso", "clock", "refusal"];

fn jiff_seconds(s: &str) -> Option<i64> {
    let span: jiff::Span = s.parse().ok()?;
    span.to_duration(jiff::SpanRelativeTo::days_are_24_hours())
        .ok()
        .map(|d| d.as_secs())
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let inputs: Vec<String> = corpus.iter().map(|(i, _)| i.clone()).collect();
    let field = catalog::field("token_lifetime").expect("field");
    let ctx = Context::default();
    let mut group = c.benchmark_group("parse_corpus");
    group.bench_function("lifetime_guard_parse_check", |b| {
        b.iter(|| {
            for s in &inputs {
                black_box(check_field(field, black_box(s), &ctx));
            }
        })
    });
    group.bench_function("lifetime_guard_parse", |b| {
        b.iter(|| {
            for s in &inputs {
                let _ = black_box(lifetime_guard::parse(
                    black_box(s),
                    lifetime_guard::Unit::Seconds,
                ));
            }
        })
    });
    // The number only (what the popup and the playground ask first); a refusal's explanation is
    // `parse`'s.
    group.bench_function("lifetime_guard_value", |b| {
        b.iter(|| {
            for s in &inputs {
                black_box(lifetime_guard::parse::value(
                    black_box(s),
                    lifetime_guard::Unit::Seconds,
                ));
            }
        })
    });
    group.bench_function("jiff", |b| {
        b.iter(|| {
            for s in &inputs {
                black_box(jiff_seconds(black_box(s)));
            }
        })
    });
    group.bench_function("humantime", |b| {
        b.iter(|| {
            for s in &inputs {
                let _ = black_box(humantime::parse_duration(black_box(s)));
            }
        })
    });
    group.finish();
    let mut forms = c.benchmark_group("parse_forms");
    for form in FORMS {
        let inputs: Vec<&str> = corpus
            .iter()
            .filter(|(_, f)| f == form)
            .map(|(i, _)| i.as_str())
            .collect();
        forms.bench_function(format!("{form}/lifetime_guard"), |b| {
            b.iter(|| {
                for s in &inputs {
                    let _ = black_box(lifetime_guard::parse(
                        black_box(s),
                        lifetime_guard::Unit::Seconds,
                    ));
                }
            })
        });
        forms.bench_function(format!("{form}/lifetime_guard_value"), |b| {
            b.iter(|| {
                for s in &inputs {
                    black_box(lifetime_guard::parse::value(
                        black_box(s),
                        lifetime_guard::Unit::Seconds,
                    ));
                }
            })
        });
        forms.bench_function(format!("{form}/jiff"), |b| {
            b.iter(|| {
                for s in &inputs {
                    black_box(jiff_seconds(black_box(s)));
                }
            })
        });
        forms.bench_function(format!("{form}/humantime"), |b| {
            b.iter(|| {
                for s in &inputs {
                    let _ = black_box(humantime::parse_duration(black_box(s)));
                }
            })
        });
    }
    forms.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = bench
}
criterion_main!(benches);
