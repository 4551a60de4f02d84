//! The wasm pipeline: cargo → strip `target_features` → wasm-bindgen → wasm-opt → wasm2js.

use crate::util::{npm_bin, root, run, Cmd};
use std::path::{Path, PathBuf};

/// Where the built core lands: `lifetime_guard_bg.js` (glue), `lifetime_guard_bg.wasm`,
/// `lifetime_guard_wasm2js.js` (the same module as JavaScript).
pub fn core_dir() -> PathBuf {
    root().join("target/lg/core")
}

/// Reads an unsigned LEB128 number.
fn leb(bytes: &[u8], mut i: usize) -> Option<(usize, usize)> {
    let (mut value, mut shift) = (0usize, 0u32);
    loop {
        let b = *bytes.get(i)?;
        i += 1;
        value |= usize::from(b & 0x7f).checked_shl(shift)?;
        shift += 7;
        if b < 0x80 {
            return Some((value, i));
        }
    }
}

/// Removes the `target_features` custom section. Rust records the features its standard
/// library was built with there; wasm-bindgen then emits reference types, which wasm2js cannot
/// translate. The code itself is lowered to the MVP feature set by wasm-opt afterwards.
pub fn strip_target_features(input: &Path, output: &Path) -> Result<(), String> {
    let data = std::fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
    if data.len() < 8 || &data[..4] != b"\0asm" {
        return Err(format!("{} is not a wasm module", input.display()));
    }
    let mut out = data[..8].to_vec();
    let mut i = 8;
    while i < data.len() {
        let id = data[i];
        let (size, body) = leb(&data, i + 1).ok_or("truncated section header")?;
        let end = body + size;
        if end > data.len() {
            return Err("truncated section".into());
        }
        let skip = id == 0
            && leb(&data, body).is_some_and(|(n, name)| data.get(name..name + n) == Some(b"target_features".as_slice()));
        if !skip {
            out.extend_from_slice(&data[i..end]);
        }
        i = end;
    }
    std::fs::write(output, out).map_err(|e| format!("{}: {e}", output.display()))
}

/// Builds the core into [`core_dir`].
pub fn build() -> Result<(), String> {
    let root = root();
    // The MVP feature set, so that binaryen's wasm2js can translate the very same module into
    // JavaScript (the fallback under a CSP that forbids WebAssembly). A target dir of its own
    // keeps these flags from rebuilding the test builds and back.
    run(Cmd::new("cargo")
        .args(["build", "--lib", "--profile", "wasm", "--target", "wasm32-unknown-unknown", "--target-dir"])
        .arg(root.join("target/mvp"))
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", "-C target-cpu=mvp")
        .cwd(&root))?;
    let work = root.join("target/lg/work");
    let out = core_dir();
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let raw = root.join("target/mvp/wasm32-unknown-unknown/wasm/lifetime_guard.wasm");
    let stripped = work.join("lifetime_guard.wasm");
    strip_target_features(&raw, &stripped)?;
    run(Cmd::new("wasm-bindgen")
        .args(["--target", "bundler", "--out-dir"])
        .arg(&work)
        .arg(&stripped))?;
    run(Cmd::new(npm_bin("wasm-opt"))
        .args([
            // The features the standard library uses, accepted on input and lowered to MVP.
            "--enable-bulk-memory", "--enable-bulk-memory-opt", "--enable-nontrapping-float-to-int",
            "--enable-sign-ext", "--llvm-memory-copy-fill-lowering", "--llvm-nontrapping-fptoint-lowering",
            "--signext-lowering", "--strip-debug", "--strip-producers", "-Oz",
        ])
        .arg(work.join("lifetime_guard_bg.wasm"))
        .arg("-o")
        .arg(out.join("lifetime_guard_bg.wasm")))?;
    run(Cmd::new(npm_bin("wasm2js"))
        .arg("-Oz")
        .arg(out.join("lifetime_guard_bg.wasm"))
        .arg("-o")
        .arg(work.join("lifetime_guard_wasm2js.js")))?;
    run(Cmd::new(npm_bin("esbuild"))
        .arg(work.join("lifetime_guard_wasm2js.js"))
        .args(["--minify", "--format=esm", "--log-level=warning"])
        .arg(format!("--outfile={}", out.join("lifetime_guard_wasm2js.js").display())))?;
    run(Cmd::new(npm_bin("esbuild"))
        .arg(work.join("lifetime_guard_bg.js"))
        .args(["--minify-whitespace", "--minify-syntax", "--format=esm", "--log-level=warning"])
        .arg(format!("--outfile={}", out.join("lifetime_guard_bg.js").display())))?;
    Ok(())
}
