//! Sets `cfg(content_module)` when building the content module (wasm32 without the `tools` or
//! `lint` features), so that code only the popup, the playground and the CLI need can be left out
//! of the module every Dashboard page loads by `#[cfg]`, not only by constant folding.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(content_module)");
    println!("cargo::rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let tools = std::env::var_os("CARGO_FEATURE_TOOLS").is_some();
    let lint = std::env::var_os("CARGO_FEATURE_LINT").is_some();
    if wasm && !tools && !lint {
        println!("cargo::rustc-cfg=content_module");
    }
}
