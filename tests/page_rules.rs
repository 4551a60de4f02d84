#![cfg(not(target_arch = "wasm32"))]
//! Properties of the page rules (`lifetime_guard::page`): a locked field never blocks, a page of
//! valid values never blocks, and an invalid value a Save sends always stops it.

use lifetime_guard::catalog::{Field, FIELDS};
use lifetime_guard::page::{evaluate, first_blocking, Outcome, PageField};
use lifetime_guard::Context;
use proptest::prelude::*;

/// A page: some catalog fields, each once, in any order, with an arbitrary text and lock.
fn page() -> impl Strategy<Value = Vec<(&'static Field, String, bool)>> {
    let text = prop_oneof![
        (0u64..=200_000_000).prop_map(|v| v.to_string()),
        "[0-9dhmsw ,.:PTa-z\\-]{0,12}",
    ];
    proptest::sample::subsequence(FIELDS.iter().collect::<Vec<_>>(), 0..=FIELDS.len())
        .prop_flat_map(move |fields| {
            let n = fields.len();
            (
                Just(fields).prop_shuffle(),
                proptest::collection::vec((text.clone(), any::<bool>()), n),
            )
        })
        .prop_map(|(fields, values)| {
            fields
                .into_iter()
                .zip(values)
                .map(|(f, (v, locked))| (f, v, locked))
                .collect()
        })
}

fn as_page<'a>(p: &'a [(&'static Field, String, bool)]) -> Vec<PageField<'a>> {
    p.iter()
        .map(|(field, value, locked)| PageField {
            field,
            value,
            locked: *locked,
        })
        .collect()
}

/// A valid value for `f`: within its hard limits, and no larger than the fields it must not
/// exceed (their own valid values, or their defaults when the page does not show them).
fn valid_page(picks: &[(usize, u64)]) -> Vec<(&'static Field, String, bool)> {
    let mut chosen: Vec<(&'static Field, u64)> = Vec::new();
    for &(i, pick) in picks {
        let f = &FIELDS[i % FIELDS.len()];
        if chosen.iter().any(|(c, _)| c.id == f.id) {
            continue;
        }
        let hi = f
            .max
            .map_or(f.default.map_or(0, |d| d.value).max(f.min.value), |m| {
                m.value
            });
        let lo = f.min.value;
        chosen.push((f, lo + pick % (hi - lo + 1)));
    }
    // Blocking relations hold: a value is at most its limit field's (shown or default).
    for _ in 0..FIELDS.len() {
        for k in 0..chosen.len() {
            let (f, v) = chosen[k];
            for r in f.relations.iter().filter(|r| r.blocks) {
                let limit = chosen
                    .iter()
                    .find(|(o, _)| o.id == r.at_most)
                    .map(|&(_, ov)| ov)
                    .or_else(|| {
                        FIELDS
                            .iter()
                            .find(|o| o.id == r.at_most)
                            .and_then(|o| o.default)
                            .map(|d| d.value)
                    });
                if let Some(limit) = limit {
                    chosen[k].1 = v.min(limit).max(f.min.value);
                }
            }
        }
    }
    chosen
        .into_iter()
        .map(|(f, v)| (f, v.to_string(), false))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn a_locked_field_never_blocks(p in page()) {
        let out = evaluate(&as_page(&p), &[], &mut Context::default());
        for (o, (f, v, locked)) in out.iter().zip(&p) {
            prop_assert!(!(*locked && o.blocks()), "{} = {:?} locked, yet it blocks", f.id, v);
        }
    }

    #[test]
    fn a_page_of_valid_values_never_blocks(picks in proptest::collection::vec((0usize..100, any::<u64>()), 0..12)) {
        let p = valid_page(&picks);
        let out = evaluate(&as_page(&p), &[], &mut Context::default());
        prop_assert_eq!(first_blocking(out.iter().map(Outcome::blocks), |_| true), None, "{:?}", p.iter().map(|(f, v, _)| (f.id, v)).collect::<Vec<_>>());
    }

    #[test]
    fn an_invalid_sent_value_always_blocks(p in page(), at in any::<prop::sample::Index>(), junk in "[a-z]{1,3}[!?@#]") {
        prop_assume!(!p.is_empty());
        let mut p = p;
        let i = at.index(p.len());
        p[i].1 = junk;
        p[i].2 = false;
        let out = evaluate(&as_page(&p), &[], &mut Context::default());
        prop_assert!(out[i].blocks(), "{} = {:?} does not block", p[i].0.id, p[i].1);
        prop_assert!(first_blocking(out.iter().map(Outcome::blocks), |k| k == i) == Some(i));
    }
}
