//! Installs what a new machine lacks: the wasm target, clippy and rustfmt, wasm-bindgen-cli at
//! the exact version in Cargo.lock, the npm tooling, and (for tests) Debian's browsers.

use crate::util::{have, output, root, run, Cmd};

/// The `wasm-bindgen` version Cargo.lock pins; the CLI must match it to the patch.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

fn rust() -> Result<(), String> {
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        run(Cmd::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let components = output("rustup", &["component", "list", "--installed"]).unwrap_or_default();
    // rust-src: the shipped modules rebuild the standard library for size (see wasm.rs).
    for c in ["clippy", "rustfmt", "rust-src"] {
        if !components.lines().any(|l| l.starts_with(c)) {
            run(Cmd::new("rustup").args(["component", "add", c]))?;
        }
    }
    let want = wasm_bindgen_version()?;
    let have_version = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if !have_version.split_whitespace().any(|w| w == want) {
        // `--locked` fails here: a locked dependency of the CLI is missing from the registry mirror.
        run(Cmd::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &want]))?;
    }
    Ok(())
}

fn npm() -> Result<(), String> {
    let root = root();
    let lock = root.join("package-lock.json");
    let installed = root.join("node_modules/.package-lock.json");
    let fresh = match (
        std::fs::metadata(&lock).and_then(|m| m.modified()),
        std::fs::metadata(&installed).and_then(|m| m.modified()),
    ) {
        (Ok(l), Ok(i)) => i >= l,
        _ => false,
    };
    if !fresh {
        run(Cmd::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .cwd(&root))?;
    }
    Ok(())
}

fn browsers() -> Result<(), String> {
    apt_install(&[
        ("chromium", "chromium"),
        ("chromedriver", "chromium-driver"),
        ("firefox-esr", "firefox-esr"),
        // The release's install script and the action's scripts are checked by it.
        ("shellcheck", "shellcheck"),
    ])
}

/// A static Linux build of the command line: the musl target and Debian's musl-gcc (mimalloc is
/// C). The release workflow's Linux machines run the same.
pub fn musl(target: &str) -> Result<(), String> {
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t.trim() == target) {
        run(Cmd::new("rustup").args(["target", "add", target]))?;
    }
    apt_install(&[("musl-gcc", "musl-tools")])
}

/// Installs the Debian packages of the programs missing from PATH (`(program, package)`).
fn apt_install(wanted: &[(&str, &str)]) -> Result<(), String> {
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(bin, _)| !have(bin))
        .map(|&(_, pkg)| pkg)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let sudo = if output("id", &["-u"]).is_some_and(|u| u.trim() == "0") {
        vec![]
    } else {
        vec!["sudo"]
    };
    let apt = |args: &[&str]| {
        let mut all: Vec<&str> = sudo.clone();
        all.push("apt-get");
        all.extend_from_slice(args);
        Cmd::new(all[0])
            .args(&all[1..])
            .env("DEBIAN_FRONTEND", "noninteractive")
    };
    run(apt(&["update", "-qq"]))?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend(missing);
    run(apt(&args))
}

/// Everything `dist` needs.
pub fn for_build() -> Result<(), String> {
    rust()?;
    npm()
}

/// Everything `test` needs.
pub fn for_tests() -> Result<(), String> {
    for_build()?;
    browsers()
}
