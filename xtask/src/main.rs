//! `cargo xtask` — the project's automation.
//!
//! - `setup [--browsers]`  install what is missing (wasm target, wasm-bindgen-cli, npm, browsers)
//! - `build`               build the core (wasm + its JavaScript translation) into target/lg/core
//! - `dist`                installable packages in dist/ (the README's first quick-start command)
//! - `test`                every check and test (the README's second quick-start command)
//! - `demo [--csp] [--port N]`  the replica Dashboard on 127.0.0.1 with the test build
//! - `fuzz [--seconds N]`   cargo-fuzz on the parser and the verdicts, N seconds per target
//! - `bench [--runs N] [--sizes]`  the benchmark table (see README); `--sizes`: sizes only
//! - `release [cli [--target T] | assemble | notes | version]`  a release's files in dist/release/
mod bench;
mod breakdown;
mod dist;
mod fuzz;
mod minify;
mod release;
mod setup;
mod store;
mod test;
mod util;
mod wasm;
mod www;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let result = match args.first().map(String::as_str) {
        Some("setup") if flag("--browsers") => setup::for_tests(),
        Some("setup") => setup::for_build(),
        Some("build") => setup::for_build().and_then(|()| wasm::build()),
        Some("dist") => setup::for_build().and_then(|()| dist::dist()),
        Some("test") => test::all(flag("--quick")),
        Some("bench") if flag("--sizes") => bench::sizes_only(),
        Some("bench") => bench::bench(value("--runs").and_then(|s| s.parse().ok()).unwrap_or(3)),
        Some("release") => release::main(&args),
        Some("fuzz") => fuzz::run_all(value("--seconds").and_then(|s| s.parse().ok()).unwrap_or(60)),
        Some("demo") => demo(flag("--csp"), value("--port").unwrap_or_else(|| "8080".into())),
        _ => Err("usage: cargo xtask <setup [--browsers] | build | dist | test [--quick] | fuzz [--seconds N] | demo [--csp] [--port N] | bench [--runs N] [--sizes] | release [cli [--target T] | assemble | notes | version]>".into()),
    };
    if let Err(e) = result {
        eprintln!("xtask: {e}");
        std::process::exit(1);
    }
}

fn demo(csp: bool, port: String) -> Result<(), String> {
    setup::for_build()?;
    dist::dist()?;
    eprintln!(
        "Load the test build {} in Chromium (chrome://extensions → Developer mode → Load unpacked), then open the URL below.",
        dist::test_build_dir(dist::Browser::Chrome).display()
    );
    let mut cmd = util::Cmd::new("node")
        .arg(util::root().join("www/server.mjs"))
        .args(["--port", &port]);
    if csp {
        cmd = cmd.arg("--csp");
    }
    util::run(cmd)
}
