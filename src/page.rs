//! The rules of a page of lifetime fields: which fields are enforced, each field's verdict, which
//! fix is offered at which field, and where a Save must stop. Pure: the web layer reads the page
//! into [`PageField`]s, calls [`evaluate`], and renders what comes back.

use crate::catalog::Field;
use crate::verdict::{check_field, Context, Fix, Verdict};

/// One lifetime field as the page shows it now.
#[derive(Debug, Clone, Copy)]
pub struct PageField<'a> {
    pub field: &'static Field,
    /// What its input holds.
    pub value: &'a str,
    /// The input is disabled or read-only (a switch turned it off): the page does not send it.
    pub locked: bool,
}

/// What the rules decide for one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub verdict: Verdict,
    /// The one change that clears a broken, save-blocking relation this field takes part in: it
    /// is offered at both fields of the relation.
    pub fix: Option<Fix>,
}

impl Outcome {
    /// True when a Save that sends this field must be stopped.
    pub fn blocks(&self) -> bool {
        self.verdict.blocks_save
    }
}

/// Checks every field of a page against Auth0's limits, the others and `ctx`'s policy and API
/// identifier. `switched_off` names the fields whose switch is off. `ctx`'s siblings and disabled
/// fields are rebuilt from the page (one context lives as long as the page, so a keystroke does
/// not copy the policy).
///
/// A locked field is not sent, so whatever it holds it never blocks; a field whose switch is off
/// is not enforced by Auth0 (see [`check_field`]).
pub fn evaluate(fields: &[PageField], switched_off: &[&str], ctx: &mut Context) -> Vec<Outcome> {
    ctx.siblings.clear();
    ctx.disabled.clear();
    for f in fields {
        ctx.siblings
            .insert(f.field.id.to_string(), f.value.to_string());
    }
    let off = switched_off
        .iter()
        .copied()
        .chain(fields.iter().filter(|f| f.locked).map(|f| f.field.id));
    for id in off {
        if !ctx.disabled.iter().any(|d| d == id) {
            ctx.disabled.push(id.to_string());
        }
    }
    let verdicts: Vec<Verdict> = fields
        .iter()
        .map(|f| {
            let mut v = check_field(f.field, f.value, ctx);
            if f.locked {
                v.blocks_save = false;
            }
            v
        })
        .collect();
    let fixes: Vec<Option<Fix>> = fields
        .iter()
        .map(|f| fix_for(f.field.id, fields, &verdicts))
        .collect();
    verdicts
        .into_iter()
        .zip(fixes)
        .map(|(verdict, fix)| Outcome { verdict, fix })
        .collect()
}

/// The fix offered at field `id`: one that changes it, or one that changes the other field of a
/// blocking relation it is the limit of.
fn fix_for(id: &str, fields: &[PageField], verdicts: &[Verdict]) -> Option<Fix> {
    fields.iter().zip(verdicts).find_map(|(f, v)| {
        let fix = v.fix?;
        let limit = f.field.relations.iter().find(|r| r.blocks)?.at_most;
        (fix.field == id || limit == id).then_some(fix)
    })
}

/// Where a Save stops: the first field it sends (`sent(i)` for the field at index `i`) that
/// blocks (`blocks`, one per field, in page order), or `None` when the save may go through
/// untouched.
pub fn first_blocking(
    blocks: impl IntoIterator<Item = bool>,
    sent: impl Fn(usize) -> bool,
) -> Option<usize> {
    blocks
        .into_iter()
        .enumerate()
        .position(|(i, b)| b && sent(i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::field;

    fn page<'a>(fields: &[(&str, &'a str, bool)]) -> Vec<PageField<'a>> {
        fields
            .iter()
            .map(|&(id, value, locked)| PageField {
                field: field(id).expect("a catalog field"),
                value,
                locked,
            })
            .collect()
    }

    #[test]
    fn a_locked_field_never_blocks_and_an_open_one_does() {
        let mut ctx = Context::default();
        let fields = page(&[
            ("jwt_configuration.lifetime_in_seconds", "nonsense", true),
            ("token_lifetime", "31 days", false),
        ]);
        let out = evaluate(&fields, &[], &mut ctx);
        assert!(!out[0].blocks(), "locked: not sent");
        assert!(out[1].blocks(), "above 2,592,000 s");
        assert_eq!(
            first_blocking(out.iter().map(Outcome::blocks), |_| true),
            Some(1)
        );
        assert_eq!(
            first_blocking(out.iter().map(Outcome::blocks), |i| i == 0),
            None,
            "a Save that does not send it"
        );
    }

    #[test]
    fn a_switched_off_field_is_not_enforced() {
        let mut ctx = Context::default();
        let fields = page(&[("refresh_token.token_lifetime", "9999999999", false)]);
        assert!(evaluate(&fields, &[], &mut ctx)[0].blocks());
        let out = evaluate(&fields, &["refresh_token.token_lifetime"], &mut ctx);
        assert!(!out[0].blocks());
    }

    #[test]
    fn a_broken_relation_offers_its_fix_at_both_fields() {
        let mut ctx = Context::default();
        let fields = page(&[
            ("token_lifetime", "3600", false),
            ("token_lifetime_for_web", "7200", false),
        ]);
        let out = evaluate(&fields, &[], &mut ctx);
        let fix = Fix {
            field: "token_lifetime_for_web",
            value: 3600,
        };
        assert_eq!((out[0].fix, out[1].fix), (Some(fix), Some(fix)));
        assert!(out[1].blocks());
        let fields = page(&[
            ("token_lifetime", "86400", false),
            ("token_lifetime_for_web", "7200", false),
        ]);
        let out = evaluate(&fields, &[], &mut ctx);
        assert_eq!((out[0].fix, out[1].fix), (None, None));
    }

    #[test]
    fn the_context_is_rebuilt_from_the_page() {
        let mut ctx = Context::default();
        let fields = page(&[
            ("token_lifetime", "3600", false),
            ("token_lifetime_for_web", "7200", false),
        ]);
        evaluate(&fields, &["x"], &mut ctx);
        let fields = page(&[("token_lifetime_for_web", "7200", false)]);
        let out = evaluate(&fields, &[], &mut ctx);
        assert!(!out[0].blocks(), "the sibling of the page before is gone");
        assert!(ctx.disabled.is_empty());
    }
}
