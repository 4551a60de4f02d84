//! Writes the notes' stylesheet without the spaces CSS does not need (`$OUT_DIR/style.css`), as
//! esbuild minifies the JavaScript that ships; `src/web/style.css` stays the readable source. No
//! build of the crate computes differently from another: every module runs the tested code.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/web/style.css");
    let css = std::fs::read_to_string("src/web/style.css").expect("src/web/style.css");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("style.css"), minify_css(&css)).expect("writing style.css");
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
