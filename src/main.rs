//! `lifetime-guard`: convert and check Auth0 lifetimes from the command line. See `--help`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    lifetime_guard::cli::main()
}

// The command line is native only; the wasm build ships the library alone.
#[cfg(target_arch = "wasm32")]
fn main() {}
