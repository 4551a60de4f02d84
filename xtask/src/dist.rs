//! Packaging: `dist/chrome/`, `dist/firefox/` (unpacked, loadable), a zip of each, and the
//! test-only builds that also match the replica on 127.0.0.1.

use crate::util::{copy_dir, root};
use crate::wasm;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const FILES: &[&str] = &[
    "content.js",
    "engine.js",
    "instantiate.js",
    "settings.js",
    "popup.html",
    "popup.js",
    "options.html",
    "options.js",
    "hosts.js",
    "ui.css",
    "managed-schema.json",
];

/// The version of everything released: Cargo.toml's `[workspace.package] version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Which browser a package is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Browser {
    Chrome,
    Firefox,
}

/// Added to the test builds only, for the replica.
pub const TEST_MATCH: &str = "http://127.0.0.1/*";
/// A host test builds may run on only through the registration of private-cloud Dashboards
/// (granted, but in no static content script).
pub const TEST_REGISTERED_MATCH: &str = "http://localhost/*";

pub fn manifest(browser: Browser, test: bool) -> Result<Value, String> {
    let path = root().join("extension/manifest.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut m: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    // The version is Cargo.toml's (the workspace's), never a second copy in the manifest.
    if let Some(obj) = m.as_object_mut() {
        obj.insert("version".into(), json!(VERSION));
    }
    if test {
        for pointer in [
            "/host_permissions",
            "/content_scripts/0/matches",
            "/web_accessible_resources/0/matches",
        ] {
            if let Some(a) = m.pointer_mut(pointer).and_then(Value::as_array_mut) {
                a.push(json!(TEST_MATCH));
                if !pointer.starts_with("/content_scripts") {
                    a.push(json!(TEST_REGISTERED_MATCH));
                }
            }
        }
    }
    if browser == Browser::Firefox {
        // Firefox compiles content-script WebAssembly whatever the page's CSP: no fallback.
        if let Some(js) = m
            .pointer_mut("/content_scripts/0/js")
            .and_then(Value::as_array_mut)
        {
            js.retain(|f| f != "fallback.js");
        }
        if let Some(obj) = m.as_object_mut() {
            // The JavaScript translation was the only web-accessible file.
            obj.remove("web_accessible_resources");
            // Firefox reads managed storage from policies.json / native manifests, not this key.
            obj.remove("storage");
            obj.insert(
                "browser_specific_settings".into(),
                json!({ "gecko": {
                    "id": "lifetime-guard@lifetime-guard.dev",
                    "strict_min_version": "140.0",
                    "data_collection_permissions": { "required": ["none"] }
                }, "gecko_android": { "strict_min_version": "142.0" } }),
            );
        }
    }
    Ok(m)
}

/// Writes one unpacked extension into `out`.
pub fn package(browser: Browser, test: bool, out: &Path) -> Result<(), String> {
    let src = root().join("extension");
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(out).map_err(|e| e.to_string())?;
    for f in FILES {
        std::fs::copy(src.join(f), out.join(f)).map_err(|e| format!("{f}: {e}"))?;
    }
    if browser == Browser::Chrome {
        std::fs::copy(src.join("fallback.js"), out.join("fallback.js"))
            .map_err(|e| format!("fallback.js: {e}"))?;
    }
    copy_dir(&src.join("icons"), &out.join("icons"))?;
    copy_dir(&wasm::core_dir(), &out.join("core"))?;
    // The content module ships inside core/content-wasm.js.
    // The content module travels as base64 (core/content-wasm.js); the lint module is the
    // playground's.
    for f in [
        "core/lifetime_guard_bg.wasm",
        "core/lint_bg.wasm",
        "core/lint_bg.js",
    ] {
        std::fs::remove_file(out.join(f)).map_err(|e| format!("{f}: {e}"))?;
    }
    if browser == Browser::Firefox {
        // Only Chromium needs the JavaScript translation (see fallback.js).
        std::fs::remove_file(out.join("core/asm.js")).map_err(|e| format!("core/asm.js: {e}"))?;
    }
    let text =
        serde_json::to_string_pretty(&manifest(browser, test)?).map_err(|e| e.to_string())?;
    std::fs::write(out.join("manifest.json"), text + "\n").map_err(|e| e.to_string())
}

/// Zips `dir` reproducibly: entries in path order, each with the same time (1980-01-01, the
/// format's first) and mode, so two builds of the same files give the same bytes wherever and
/// whenever they run.
pub fn zip(dir: &Path, to: &Path) -> Result<(), String> {
    zip_under(dir, "", to)
}

/// [`zip`], with every entry under `prefix` (`name/` or empty).
pub fn zip_under(dir: &Path, prefix: &str, to: &Path) -> Result<(), String> {
    use std::io::Write as _;
    use zip::write::SimpleFileOptions;
    let file = std::fs::File::create(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let mut z = zip::ZipWriter::new(file);
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for rel in files_under(dir)? {
        let bytes = std::fs::read(dir.join(&rel)).map_err(|e| format!("{rel}: {e}"))?;
        z.start_file(format!("{prefix}{rel}"), options)
            .map_err(|e| format!("{rel}: {e}"))?;
        z.write_all(&bytes).map_err(|e| format!("{rel}: {e}"))?;
    }
    z.finish().map_err(|e| format!("{}: {e}", to.display()))?;
    Ok(())
}

/// The files under `dir`, as `/`-separated paths relative to it, sorted.
pub fn files_under(dir: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                let parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.push(parts.join("/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Where the test-only builds go (never into `dist/`).
pub fn test_build_dir(browser: Browser) -> PathBuf {
    root().join(match browser {
        Browser::Chrome => "target/lg/test-chrome",
        Browser::Firefox => "target/lg/test-firefox",
    })
}

/// Builds the core and writes every package.
pub fn dist() -> Result<(), String> {
    wasm::build()?;
    let dist = root().join("dist");
    std::fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    for (browser, name) in [(Browser::Chrome, "chrome"), (Browser::Firefox, "firefox")] {
        let dir = dist.join(name);
        package(browser, false, &dir)?;
        let zip_path = dist.join(format!("lifetime-guard-{name}.zip"));
        let _ = std::fs::remove_file(&zip_path);
        zip(&dir, &zip_path)?;
        package(browser, true, &test_build_dir(browser))?;
    }
    crate::www::build(&dist.join("www"))?;
    crate::store::write(&dist)?;
    eprintln!("packages written to {}", dist.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Writes `files` into `dir`, each modified `age` ago.
    fn write(dir: &Path, files: &[(&str, &str)], age: std::time::Duration) {
        let when = std::time::SystemTime::now() - age;
        for (name, text) in files {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
            std::fs::write(&path, text).expect("write");
            let file = std::fs::File::options()
                .write(true)
                .open(&path)
                .expect("open");
            file.set_modified(when).expect("set the time");
        }
    }

    /// Two packages of the same files, made in different folders a day apart (files written in
    /// another order, so that their times and the directory order differ), are the same bytes.
    #[test]
    fn zips_are_reproducible() {
        let base = std::env::temp_dir().join(format!("lg-zip-test-{}", std::process::id()));
        let (a, b) = (base.join("one/chrome"), base.join("elsewhere/two/chrome"));
        let files = [
            ("manifest.json", "{}"),
            ("core/a.js", "a"),
            ("icons/x.png", "png"),
            ("b.js", "b"),
        ];
        write(&a, &files, std::time::Duration::from_secs(86_400));
        let mut reversed = files;
        reversed.reverse();
        write(&b, &reversed, std::time::Duration::ZERO);
        super::zip(&a, &base.join("a.zip")).expect("zip a");
        super::zip(&b, &base.join("b.zip")).expect("zip b");
        let (za, zb) = (
            std::fs::read(base.join("a.zip")).expect("a.zip"),
            std::fs::read(base.join("b.zip")).expect("b.zip"),
        );
        let _ = std::fs::remove_dir_all(&base);
        assert!(!za.is_empty());
        assert!(za == zb, "the two zips differ");
    }
}
