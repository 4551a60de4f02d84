//! Sets `cfg(content_module)` when building the content module (wasm32 without the `tools` or
//! `lint` features), so that code only the popup, the playground and the CLI need can be left out
//! of the module every Dashboard page loads by `#[cfg]`, not only by constant folding. Writes the
//! notes' stylesheet without the spaces CSS does not need (`$OUT_DIR/style.css`), as esbuild
//! minifies the JavaScript that ships; `src/web/style.css` stays the readable source.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(content_module)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/web/style.css");
    let css = std::fs::read_to_string("src/web/style.css").expect("src/web/style.css");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("style.css"), minify_css(&css)).expect("writing style.css");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let tools = std::env::var_os("CARGO_FEATURE_TOOLS").is_some();
    let lint = std::env::var_os("CARGO_FEATURE_LINT").is_some();
    if wasm && !tools && !lint {
        println!("cargo::rustc-cfg=content_module");
    }
}

/// `css` without the whitespace it does not need: none around `{`, `}`, `;` and `,`,
/// none after `:`, and no `;` before `}`. A space before `:` is kept (`a :hover` is not
/// `a:hover`), as is everything inside quotes. The stylesheet has no comments.
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let (mut space, mut quote) = (false, None);
    for c in css.chars() {
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let after_punctuation = out.ends_with(['{', '}', ';', ':', ',']);
        if space && !out.is_empty() && !after_punctuation && !matches!(c, '{' | '}' | ';' | ',') {
            out.push(' ');
        }
        space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        out.push(c);
    }
    out
}
