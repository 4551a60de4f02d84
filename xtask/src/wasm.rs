//! The wasm pipeline: cargo → strip `target_features` → wasm-bindgen → wasm-opt → wasm2js.

use crate::util::{npm_bin, root, run, Cmd};
use std::path::{Path, PathBuf};

/// Where the built core lands: `lifetime_guard_bg.js` (glue), `lifetime_guard_bg.wasm`,
/// `lifetime_guard_wasm2js.js` (the same module as JavaScript).
pub fn core_dir() -> PathBuf {
    root().join("target/lg/core")
}

/// Removes the `target_features` custom section. Rust records the features its standard
/// library was built with there; wasm-bindgen then emits reference types, which wasm2js cannot
/// translate. wasm-opt is told the features instead ([`WASM_OPT_FEATURES`]). Sections are read by
/// wasmparser and written back unchanged by wasm-encoder.
pub fn strip_target_features(input: &Path, output: &Path) -> Result<(), String> {
    let data = std::fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let mut module = wasm_encoder::Module::new();
    for payload in wasmparser::Parser::new(0).parse_all(&data) {
        let payload = payload.map_err(|e| format!("{}: {e}", input.display()))?;
        if let wasmparser::Payload::CustomSection(c) = &payload {
            if c.name() == "target_features" {
                continue;
            }
        }
        if let Some((id, range)) = payload.as_section() {
            module.section(&wasm_encoder::RawSection {
                id,
                data: &data[range],
            });
        }
    }
    std::fs::write(output, module.finish()).map_err(|e| format!("{}: {e}", output.display()))
}

/// What wasm2js emits to grow memory: a new buffer, the old one copied and left attached.
const WASM2JS_GROW: &str = "var newBuffer = new ArrayBuffer(newPages << 16);\n   var newHEAP8 = new Int8Array(newBuffer);\n   newHEAP8.set(HEAP8);";
/// The same growth, detaching the old buffer. wasm-bindgen's glue caches a `Uint8Array` over
/// memory and renews it only once its buffer is detached (as real WebAssembly memory's is on
/// growth); with wasm2js's attached old buffer, strings went to stale memory after a growth.
const DETACHING_GROW: &str = "var newBuffer = buffer.transfer ? buffer.transfer(newPages << 16) : (function (old) { var b = new ArrayBuffer(newPages << 16); new Int8Array(b).set(new Int8Array(old)); structuredClone(old, { transfer: [old] }); return b; })(buffer);";

/// Patches wasm2js's memory growth to detach the old buffer; fails if the output changed shape.
fn detach_on_grow(path: &Path) -> Result<(), String> {
    let js = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if js.matches(WASM2JS_GROW).count() != 1 {
        return Err(
            "wasm2js's memory growth no longer has the expected shape; review detach_on_grow"
                .into(),
        );
    }
    std::fs::write(path, js.replace(WASM2JS_GROW, DETACHING_GROW)).map_err(|e| e.to_string())
}

/// The post-MVP features the modules are built with (rustc's `-C target-feature`) and wasm-opt
/// keeps: bulk memory (`memory.copy`/`memory.fill` instead of compiler_builtins' loops), sign
/// extension and non-trapping float-to-int conversions. Every browser the extension supports has
/// had them for years; they make the content module 0.7 KB gzip smaller. Reference types and
/// multi-value stay off: wasm-bindgen would emit an externref table, which wasm2js cannot translate.
pub const RUST_FEATURES: &str = "+bulk-memory,+sign-ext,+nontrapping-fptoint,+mutable-globals";

/// wasm-opt's flags for those features (the `target_features` section that would tell it is
/// stripped before wasm-bindgen, see [`strip_target_features`]).
pub const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
];

/// wasm-opt's lowering of those features to the MVP, for the copy of the content module that
/// binaryen's wasm2js translates into JavaScript (the strict-CSP fallback) only.
pub const WASM_OPT_LOWERING: &[&str] = &[
    "--llvm-memory-copy-fill-lowering",
    "--llvm-nontrapping-fptoint-lowering",
    "--signext-lowering",
];

/// wasm-opt's flags for the modules built for size (content and lint): `-Oz`, with a function
/// that has one caller inlined only while it is tiny. Kept apart, such functions leave the code
/// more repetitive for gzip: the content module is 2.0 KB gzip smaller (1.4 KB larger before gzip).
pub const WASM_OPT_SIZE: &[&str] = &["-Oz", "--one-caller-inline-max-function-size=10"];

/// LLVM's inlining threshold for the modules built for size: opt-level `z`'s own inlines more
/// than pays once wasm-opt has run. Measured on the content module, in gzip bytes against the
/// default: 0 +347, 3 and 5 −63, 7 to 10 −229, 12 and 15 +3, 20 +8 (the lint module: 8 +41).
const SIZE_INLINING: &str = " -Cllvm-args=-inline-threshold=8";

/// What a module is optimised for.
#[derive(Clone, Copy)]
enum Goal {
    /// The content module: every Dashboard page downloads and compiles it.
    Size,
    /// The tools module: the popup and the playground convert on every keystroke, and a page
    /// that loads it once can afford a few more kilobytes (measured: `value` four times faster).
    Speed,
}

/// One module: cargo (MVP features; `features` for the tools module), strip, wasm-bindgen with
/// `name`, wasm-opt into [`core_dir`].
/// Leaves the glue `{name}_bg.js` in `work`.
fn module(
    root: &Path,
    work: &Path,
    name: &str,
    features: Option<&str>,
    goal: Goal,
) -> Result<(), String> {
    // The MVP plus the few features wasm-opt can lower again ([`RUST_FEATURES`]), so that
    // binaryen's wasm2js can translate the very same module into JavaScript (the fallback under a
    // CSP that forbids WebAssembly). A target dir per module keeps these flags and features from
    // rebuilding the other builds and back.
    let target_dir = root
        .join("target/wasm-")
        .with_file_name(format!("wasm-{name}"));
    //
    // The standard library is rebuilt for size (`optimize_for_size`) and with panics that trap
    // at once (`immediate-abort`): no panic message is ever shown in a page, yet the formatting
    // machinery behind them was a tenth of the content module. Nor is a panic's place, so no
    // source path is written into the modules (`location-detail=none`, 247 B gzip). These are
    // unstable options of the pinned stable toolchain, enabled for this build only
    // (RUSTC_BOOTSTRAP); the native CLI and every test build as usual.
    let mut cargo = Cmd::new("cargo")
        .args([
            "build",
            "--lib",
            "--profile",
            "wasm",
            "--target",
            "wasm32-unknown-unknown",
            "-Zbuild-std=std,panic_abort",
            "-Zbuild-std-features=optimize_for_size",
            "--target-dir",
        ])
        .arg(&target_dir)
        .env("RUSTC_BOOTSTRAP", "1")
        .env(
            "CARGO_PROFILE_WASM_OPT_LEVEL",
            match goal {
                Goal::Size => "z",
                Goal::Speed => "3",
            },
        )
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            format!(
                "-C target-cpu=mvp -C target-feature={RUST_FEATURES} -Zunstable-options \
                 -Cpanic=immediate-abort -Zlocation-detail=none{}",
                match goal {
                    Goal::Size => SIZE_INLINING,
                    Goal::Speed => "",
                }
            ),
        )
        .cwd(root);
    if let Some(f) = features {
        cargo = cargo.args(["--features", f]);
    }
    run(cargo)?;
    let raw = target_dir.join("wasm32-unknown-unknown/wasm/lifetime_guard.wasm");
    let stripped = work.join(format!("{name}.wasm"));
    strip_target_features(&raw, &stripped)?;
    run(Cmd::new("wasm-bindgen")
        .args(["--target", "bundler", "--out-name", name, "--out-dir"])
        .arg(work)
        .arg(&stripped))?;
    run(Cmd::new(npm_bin("wasm-opt"))
        .args(WASM_OPT_FEATURES.iter().copied())
        .args(["--strip-debug", "--strip-producers"])
        .args(match goal {
            Goal::Size => WASM_OPT_SIZE,
            Goal::Speed => &["-O3"],
        })
        .arg("--converge")
        .arg(work.join(format!("{name}_bg.wasm")))
        .arg("-o")
        .arg(core_dir().join(format!("{name}_bg.wasm"))))
}

/// Builds the modules into [`core_dir`]: the content module every Dashboard page loads
/// (`lifetime_guard_bg.wasm`, its JavaScript translation `asm.js`, and `content-core.js`), the
/// tools module for the popup, options and playground (`tools_bg.wasm`, `tools_bg.js`), and the
/// lint module for the playground (`lint_bg.wasm`, `lint_bg.js`).
pub fn build() -> Result<(), String> {
    let root = root();
    let work = root.join("target/lg/work");
    let out = core_dir();
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    module(&root, &work, "lifetime_guard", None, Goal::Size)?;
    crate::minify::minify_names(
        &out.join("lifetime_guard_bg.wasm"),
        &work.join("lifetime_guard_bg.js"),
    )?;
    module(&root, &work, "tools", Some("tools"), Goal::Speed)?;
    module(&root, &work, "lint", Some("lint"), Goal::Size)?;
    // wasm2js translates the MVP: the same module with its features lowered.
    run(Cmd::new(npm_bin("wasm-opt"))
        .args(WASM_OPT_FEATURES.iter().copied())
        .args(WASM_OPT_LOWERING.iter().copied())
        .arg("-Oz")
        .arg(out.join("lifetime_guard_bg.wasm"))
        .arg("-o")
        .arg(work.join("lifetime_guard_mvp.wasm")))?;
    run(Cmd::new(npm_bin("wasm2js"))
        .arg("-Oz")
        .arg(work.join("lifetime_guard_mvp.wasm"))
        .arg("-o")
        .arg(work.join("lifetime_guard_wasm2js.js")))?;
    detach_on_grow(&work.join("lifetime_guard_wasm2js.js"))?;
    crate::minify::import_glue_from(
        &work.join("lifetime_guard_wasm2js.js"),
        "./lifetime_guard_bg.js",
    )?;
    let alias = |name: &str, file: &str| format!("--alias:{name}={}", work.join(file).display());
    let esbuild = |entry: &str, format: &str, output: &str| {
        Cmd::new(npm_bin("esbuild"))
            .arg(root.join(entry))
            .args([
                "--bundle",
                "--minify",
                "--log-level=warning",
                "--legal-comments=none",
            ])
            .arg(format!("--format={format}"))
            .arg(alias("lg-glue", "lifetime_guard_bg.js"))
            .arg(alias("lg-tools-glue", "tools_bg.js"))
            .arg(alias("lg-lint-glue", "lint_bg.js"))
            .arg(alias("lg-asm", "lifetime_guard_wasm2js.js"))
            .arg(format!("--outfile={}", out.join(output).display()))
            .cwd(&root)
    };
    // The catalog for the options page and the playground, from the same Rust catalog.
    let catalog = crate::util::capture(
        Cmd::new("cargo")
            .args([
                "run",
                "--quiet",
                "--bin",
                "lifetime-guard",
                "--",
                "fields",
                "--json",
            ])
            .cwd(&root),
    )?;
    std::fs::write(out.join("fields.json"), catalog).map_err(|e| e.to_string())?;
    // The tools module's glue as a module, for extension pages and the playground.
    run(esbuild("extension/bundle/tools.js", "esm", "tools_bg.js"))?;
    // The lint module's glue, for the playground only.
    run(esbuild("www/bundle/lint.js", "esm", "lint_bg.js"))?;
    // Glue + instantiation + settings as one classic script for the content script.
    run(esbuild(
        "extension/bundle/content-core.js",
        "iife",
        "content-core.js",
    ))?;
    // The JavaScript translation with its own glue, loaded only where WebAssembly is refused.
    run(esbuild("extension/bundle/asm.js", "esm", "asm.js"))?;
    embed_content_module(&out)
}

/// Writes `content-wasm.js`: the content module's bytes as base64 in a content script. Fetching
/// the module as an extension file from a content script took about 25 ms of a 40 ms cold start
/// (a round trip through the browser process, then the body); a content script arrives with
/// the page. The `.wasm` stays in the build for measurement and wasm2js, not in the packages.
fn embed_content_module(out: &Path) -> Result<(), String> {
    let wasm = out.join("lifetime_guard_bg.wasm");
    let bytes = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    // The first content script to run marks the injection, for `cargo xtask bench`.
    let script = format!(
        "// The content module (core/lifetime_guard_bg.wasm) as base64, written by `cargo xtask build`.\n\
         performance.mark('lifetime-guard:injected');\n\
         globalThis.LifetimeGuardWasm = \"{}\";\n",
        base64(&bytes)
    );
    std::fs::write(out.join("content-wasm.js"), script).map_err(|e| e.to_string())
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize])
            } else {
                '='
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_the_standard() {
        for (raw, encoded) in [
            (&b""[..], ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg=="),
            (b"\0asm\x01\0\0\0", "AGFzbQEAAAA="),
        ] {
            assert_eq!(super::base64(raw), encoded);
        }
    }
}
