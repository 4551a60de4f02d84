//! `lifetime-guard`: convert and check Auth0 lifetimes from the command line. See `--help`.

// `lint` builds and drops a tree of small nodes per file: measured faster with mimalloc than
// with the system allocator on a 10,000-client export.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    lifetime_guard::cli::main()
}

// The command line is native only; the wasm build ships the library alone.
#[cfg(target_arch = "wasm32")]
fn main() {}
