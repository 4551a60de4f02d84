//! The linter's output on every fixture, in-process through the library: each case under
//! `tests/lint/` has its human, JSON and SARIF output beside it in `tests/lint_expected/`, compared
//! byte for byte. `UPDATE_EXPECTED=1 cargo test --test lint_snapshots` writes them again (then
//! read the diff). The binary is spawned only where the command line itself is under test
//! (`tests/lint.rs`: exit codes, standard input, the settings file).
#![cfg(not(target_arch = "wasm32"))]

use lifetime_guard::lint::{self, output, Keywords, Options};
use std::path::{Path, PathBuf};

/// A case: what is linted (relative to the crate, as a user would name it), and a keywords file.
struct Case {
    name: &'static str,
    paths: &'static [&'static str],
    keywords: Option<&'static str>,
}

const fn case(name: &'static str, paths: &'static [&'static str]) -> Case {
    Case {
        name,
        paths,
        keywords: None,
    }
}

const CASES: &[Case] = &[
    case("clean", &["tests/lint/clean"]),
    case("deploy-cli-yaml", &["tests/lint/deploy-cli-yaml"]),
    case("deploy-cli-dir", &["tests/lint/deploy-cli-dir"]),
    case("management-api", &["tests/lint/management-api"]),
    case("terraform", &["tests/lint/terraform"]),
    case("terraform-json", &["tests/lint/terraform-json"]),
    case("terraform-eval", &["tests/lint/terraform-eval"]),
    case("terraform-modules", &["tests/lint/terraform-modules"]),
    // Without its settings file: the command line reads that (tests/lint.rs).
    case("gated", &["tests/lint/gated"]),
    case("more-lifetimes", &["tests/lint/more-lifetimes"]),
    Case {
        name: "keywords",
        paths: &["tests/lint/keywords/tenant.yaml"],
        keywords: Some("tests/lint/keywords/config.json"),
    },
    case("rules", &["tests/lint/rules"]),
];

/// Human, JSON and SARIF output of one case, as the command line writes them.
fn outputs(case: &Case) -> [(String, String); 3] {
    let keywords = case.keywords.map(|p| {
        let text = std::fs::read_to_string(p).expect("keywords file");
        Keywords::from_json(&text).expect("keywords")
    });
    let paths: Vec<PathBuf> = case.paths.iter().map(PathBuf::from).collect();
    let report = lint::lint(&paths, keywords.as_ref(), &Options::default());
    let sarif = serde_json::to_string_pretty(&output::sarif(&report, None)).expect("sarif") + "\n";
    [
        (String::from("txt"), output::human(&report)),
        (String::from("json"), output::json(&report) + "\n"),
        (String::from("sarif"), sarif),
    ]
}

#[test]
fn every_fixture_gives_its_expected_output() {
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let dir = Path::new("tests/lint_expected");
    let mut differ = Vec::new();
    for case in CASES {
        for (ext, text) in outputs(case) {
            let file = dir.join(format!("{}.{ext}", case.name));
            if update {
                std::fs::create_dir_all(dir).expect("expected folder");
                std::fs::write(&file, &text).expect("write expected output");
                continue;
            }
            let expected = std::fs::read_to_string(&file).unwrap_or_default();
            if expected != text {
                differ.push(format!(
                    "{}: differs (UPDATE_EXPECTED=1 writes it again)\n--- got ---\n{}",
                    file.display(),
                    text.lines().take(40).collect::<Vec<_>>().join("\n")
                ));
            }
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n\n"));
}

#[test]
fn every_expected_output_has_its_case() {
    let mut names: Vec<String> = std::fs::read_dir("tests/lint_expected")
        .expect("expected folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    let mut wanted: Vec<String> = CASES
        .iter()
        .flat_map(|c| ["json", "sarif", "txt"].map(|ext| format!("{}.{ext}", c.name)))
        .collect();
    wanted.sort();
    assert_eq!(
        names, wanted,
        "an expected output without its case, or the reverse"
    );
}
