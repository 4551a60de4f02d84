//! `cargo xtask fuzz --seconds N`: cargo-fuzz (libFuzzer) on the parser, the verdicts and the lint
//! readers, with the nightly toolchain it needs. New inputs go to target/fuzz-corpus; the seeds in
//! fuzz/corpus stay as committed. A crash fails the run and leaves the input in fuzz/artifacts:
//! copy it into fuzz/regressions/<target>/ so `cargo test` replays it forever.

use crate::util::{output, root, run, Cmd};

const TARGETS: &[&str] = &["parse", "check", "lint"];

fn tools() -> Result<(), String> {
    let toolchains = output("rustup", &["toolchain", "list"]).unwrap_or_default();
    if !toolchains.lines().any(|l| l.starts_with("nightly")) {
        run(Cmd::new("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))?;
    }
    if output("cargo", &["fuzz", "--version"]).is_none() {
        run(Cmd::new("cargo").args(["install", "cargo-fuzz"]))?;
    }
    Ok(())
}

/// Fuzzes every target for `seconds` each.
pub fn run_all(seconds: u64) -> Result<(), String> {
    tools()?;
    let root = root();
    for target in TARGETS {
        let work = root.join("target/fuzz-corpus").join(target);
        std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
        run(Cmd::new("cargo")
            .args(["+nightly", "fuzz", "run", target])
            .arg(&work)
            .arg(root.join("fuzz/corpus").join(target))
            .args([
                "--",
                &format!("-max_total_time={seconds}"),
                "-timeout=10",
                "-rss_limit_mb=2048",
                "-print_final_stats=1",
            ])
            .cwd(&root))?;
    }
    Ok(())
}
