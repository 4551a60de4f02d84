//! The lint readers never panic, whatever the text and whichever format its name picks, and
//! every position they report is inside the text, on a character boundary.
#![no_main]
use libfuzzer_sys::fuzz_target;
use lifetime_guard::lint::{output, run, Keywords, Options, Report};
use std::path::Path;

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

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let name = NAMES[usize::from(first & 0x7f) % NAMES.len()];
    let keywords = (first & 0x80 != 0).then(|| {
        Keywords::from_json(r#"{"A": 86400, "B": "7200", "C": "x\ny", "D": null}"#).expect("keywords")
    });
    // Every text also as Terraform's JSON syntax, which came after the names above were fixed.
    for name in [name, "main.tf.json"] {
        let file = run::lint_text(Path::new(name), text, keywords.as_ref(), &Options::default());
        // Positions refer to the text as the report holds it (a byte-order mark is not part of it).
        let read = file.text.as_str();
        let inside = |at: usize| at <= read.len() && read.is_char_boundary(at);
        for v in &file.values {
            assert!(v.span.start <= v.span.end && inside(v.span.start) && inside(v.span.end), "{name}: {:?}", v.span);
        }
        if let Some((_, at)) = &file.error {
            assert!(inside(*at), "{name}: error at {at}");
        }
        for w in &file.warnings {
            assert!(inside(w.at), "{name}: warning at {}", w.at);
        }
        let report = Report { files: vec![file] };
        let _ = output::human(&report);
        let _ = output::json(&report);
        let _ = output::sarif(&report, None);
        let _ = lifetime_guard::lint::ci::github(&report);
        let _ = lifetime_guard::lint::ci::gitlab(&report);
    }
});
