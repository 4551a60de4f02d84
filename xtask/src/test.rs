//! `cargo xtask test`: formatting, lints, unit and property tests, the DOM tests in a browser,
//! the packages' lint, and the end-to-end tests with the built extension in real browsers.

use crate::dist::{self, Browser};
use crate::setup;
use crate::util::{npm_bin, root, run, Cmd};

pub fn all(quick: bool) -> Result<(), String> {
    let root = root();
    setup::for_tests()?;
    run(Cmd::new("cargo")
        .args(["fmt", "--all", "--", "--check"])
        .cwd(&root))?;
    // Lints with warnings denied: native, the content module, the tools module, the lint module.
    for args in [
        &["--workspace", "--all-targets"][..],
        &["--lib", "--tests", "--target", "wasm32-unknown-unknown"],
        &[
            "--lib",
            "--tests",
            "--target",
            "wasm32-unknown-unknown",
            "--features",
            "tools",
        ],
        &[
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--features",
            "lint",
        ],
    ] {
        run(Cmd::new("cargo")
            .arg("clippy")
            .args(args)
            .args(["--", "-D", "warnings"])
            .cwd(&root))?;
    }
    run(Cmd::new("cargo").args(["test", "--workspace"]).cwd(&root))?;
    // DOM units in headless Chromium through wasm-bindgen-test-runner and chromedriver: the
    // content module, then the tools module's exports.
    for (test, features) in [("web", None), ("web_tools", Some("tools"))] {
        let mut cmd = Cmd::new("cargo")
            .args(["test", "--target", "wasm32-unknown-unknown", "--test", test])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
            .cwd(&root);
        if let Some(f) = features {
            cmd = cmd.args(["--features", f]);
        }
        run(cmd)?;
    }
    // A short, bounded fuzz run of each target; `cargo xtask fuzz` runs longer.
    crate::fuzz::run_all(if quick { 5 } else { 20 })?;
    dist::dist()?;
    // A release as the release workflow makes it, for the tests of the install script and the
    // action (tests/e2e/release.test.mjs).
    crate::release::for_tests()?;
    crate::breakdown::check_kept_out()?;
    // The Firefox package must lint clean: 0 errors, 0 warnings.
    run(Cmd::new("node")
        .arg(root.join("tests/e2e/lint-firefox.mjs"))
        .arg(root.join("dist/firefox"))
        .arg(npm_bin("web-ext")))?;
    let mut e2e = Cmd::new("node")
        .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
        .env("LG_CHROME_EXTENSION", dist::test_build_dir(Browser::Chrome))
        .env(
            "LG_FIREFOX_EXTENSION",
            dist::test_build_dir(Browser::Firefox),
        )
        .env("LG_DIST", root.join("dist"))
        .cwd(&root);
    if quick {
        e2e = e2e.env("LG_QUICK", "1");
    }
    run(e2e.arg("tests/e2e/"))
}
