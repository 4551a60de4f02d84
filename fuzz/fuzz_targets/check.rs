//! Verdicts never panic, whatever the field, input, siblings, audience or policy, and a save is
//! blocked exactly when the verdict is an error.
#![no_main]
use libfuzzer_sys::fuzz_target;
use lifetime_guard::catalog::FIELDS;
use lifetime_guard::policy::{FieldPolicy, Policy, PolicyValue};
use lifetime_guard::verdict::{check_field, Context, Level};

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let field = &FIELDS[usize::from(data[0]) % FIELDS.len()];
    let other = &FIELDS[usize::from(data[1]) % FIELDS.len()];
    let Ok(text) = std::str::from_utf8(&data[3..]) else { return };
    let mut parts = text.splitn(4, '\u{1f}');
    let input = parts.next().unwrap_or("");
    let sibling = parts.next().unwrap_or("");
    let audience = parts.next();
    let limit = parts.next();
    let mut ctx = Context { api_identifier: audience.map(str::to_string), ..Context::default() };
    ctx.siblings.insert(other.id.to_string(), sibling.to_string());
    if data[2] & 1 == 1 {
        ctx.disabled.push(field.id.to_string());
    }
    if let Some(l) = limit {
        let mut policy = Policy::default();
        let value = Some(PolicyValue::Text(l.to_string()));
        let fp = match data[2] >> 1 & 3 {
            0 => FieldPolicy { max: value, ..FieldPolicy::default() },
            1 => FieldPolicy { min: value, ..FieldPolicy::default() },
            2 => FieldPolicy { warn_above: value, ..FieldPolicy::default() },
            _ => FieldPolicy { warn_below: value, ..FieldPolicy::default() },
        };
        policy.fields.insert(field.id.to_string(), fp);
        ctx.policy = Some(policy);
    }
    let v = check_field(field, input, &ctx);
    assert_eq!(v.blocks_save, v.level == Level::Error, "{input:?}");
    assert_eq!(v.value.is_some(), v.error.is_none());
    let switched_off = data[2] & 1 == 1 && !field.toggle_labels.is_empty();
    if let (Some(value), Some(max), false) = (v.value, field.max, switched_off) {
        if value > max.value {
            assert!(v.blocks_save, "{input:?} is above the hard maximum but does not block");
        }
    }
});
