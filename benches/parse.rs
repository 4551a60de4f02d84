//! Native parse + check against jiff and humantime on one shared corpus (benches/corpus.json).
//! Each iteration parses the whole corpus; `cargo xtask bench` divides by its length and also
//! counts each library's right answers.

use criterion::{criterion_group, criterion_main, Criterion};
use lifetime_guard::catalog;
use lifetime_guard::verdict::{check_field, Context};
use std::hint::black_box;

fn corpus() -> Vec<String> {
    let text = std::fs::read_to_string("benches/corpus.json").expect("benches/corpus.json");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    v.as_array()
        .expect("array")
        .iter()
        .filter_map(|c| c["input"].as_str().map(str::to_string))
        .collect()
}

fn jiff_seconds(s: &str) -> Option<i64> {
    let span: jiff::Span = s.parse().ok()?;
    span.to_duration(jiff::SpanRelativeTo::days_are_24_hours())
        .ok()
        .map(|d| d.as_secs())
}

fn bench(c: &mut Criterion) {
    let inputs = corpus();
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
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = bench
}
criterion_main!(benches);
