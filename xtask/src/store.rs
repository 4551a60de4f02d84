//! The store listings: what the Chrome Web Store, Edge Add-ons and addons.mozilla.org ask for,
//! written into `dist/store/` by `cargo xtask dist` from `extension/store/listing.json` and the
//! built manifests. A permission a manifest gains without a justification in the listing stops
//! the build; so does a text past a store's limit. The screenshots and the promo tile are taken
//! by the end-to-end run from the built extension on the replica (tests/e2e/store.test.mjs), so
//! they show what ships.

use crate::dist::{self, Browser, VERSION};
use crate::util::{root, sha256_hex};
use serde_json::{json, Value};
use std::fmt::Write as _;
use std::path::Path;

pub fn listing() -> Result<Value, String> {
    let path = root().join("extension/store/listing.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn text_of(v: &Value) -> String {
    match v {
        Value::Array(lines) => lines
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        Value::String(s) => s.clone(),
        _ => String::new(),
    }
}

/// Every permission of `manifest` the listing does not justify, as `key: name`.
pub fn unjustified(manifest: &Value, listing: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (key, listed) in [
        ("permissions", "permissions"),
        ("optional_permissions", "permissions"),
        ("host_permissions", "host_permissions"),
        ("optional_host_permissions", "optional_host_permissions"),
    ] {
        for p in manifest[key].as_array().into_iter().flatten() {
            let name = p.as_str().unwrap_or_default();
            let why = listing[listed][name].as_str().unwrap_or_default();
            if why.trim().len() < 40 {
                out.push(format!("{key}: {name}"));
            }
        }
    }
    // Content scripts run where host permissions allow; a match outside them needs its own word.
    for cs in manifest["content_scripts"].as_array().into_iter().flatten() {
        for m in cs["matches"].as_array().into_iter().flatten() {
            let m = m.as_str().unwrap_or_default();
            if listing["host_permissions"][m].as_str().is_none() {
                out.push(format!("content_scripts.matches: {m}"));
            }
        }
    }
    out
}

/// What breaks a store's limits, in words.
pub fn over_limits(listing: &Value, manifest: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let name = listing["name"].as_str().unwrap_or_default();
    let summary = manifest["description"].as_str().unwrap_or_default();
    let description = text_of(&listing["description"]);
    let chars = |s: &str| s.chars().count();
    if manifest["name"].as_str() != Some(name) {
        out.push("the listing's name is not the manifest's".into());
    }
    for store in ["chrome", "edge", "amo"] {
        let l = &listing["limits"][store];
        let check = |what: &str, len: usize, limit: &Value, out: &mut Vec<String>| {
            if let Some(max) = limit.as_u64() {
                if len as u64 > max {
                    out.push(format!(
                        "{store}: the {what} has {len} characters, over {max}"
                    ));
                }
            }
        };
        check("name", chars(name), &l["name"], &mut out);
        check("summary", chars(summary), &l["summary"], &mut out);
        check(
            "description",
            chars(&description),
            &l["description_max"],
            &mut out,
        );
        if let Some(min) = l["description_min"].as_u64() {
            if (chars(&description) as u64) < min {
                out.push(format!(
                    "{store}: the description is shorter than {min} characters"
                ));
            }
        }
    }
    if chars(listing["single_purpose"].as_str().unwrap_or_default()) < 40 {
        out.push("no single purpose".into());
    }
    out
}

fn permissions_table(manifest: &Value, listing: &Value) -> String {
    let mut out = String::from("| permission | why |\n|---|---|\n");
    for (key, listed, note) in [
        ("permissions", "permissions", ""),
        ("host_permissions", "host_permissions", " (host)"),
        (
            "optional_host_permissions",
            "optional_host_permissions",
            " (optional host, asked at use)",
        ),
    ] {
        for p in manifest[key].as_array().into_iter().flatten() {
            let name = p.as_str().unwrap_or_default();
            let why = listing[listed][name].as_str().unwrap_or_default();
            let _ = writeln!(out, "| `{name}`{note} | {why} |");
        }
    }
    out
}

fn store_page(store: &str, title: &str, manifest: &Value, listing: &Value, extra: &str) -> String {
    let l = &listing["limits"][store];
    let sizes: Vec<String> = l["screenshots"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| format!("{}×{}", s[0], s[1]))
        .collect();
    let mut out = format!("# {title}: Lifetime Guard for Auth0 {VERSION}\n\n");
    let _ = writeln!(
        out,
        "**Name:** {}\n",
        listing["name"].as_str().unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "**Summary** ({} of {} characters): {}\n",
        manifest["description"]
            .as_str()
            .unwrap_or_default()
            .chars()
            .count(),
        l["summary"],
        manifest["description"].as_str().unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "**Category:** {}\n",
        listing["category"][store].as_str().unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "**Description:**\n\n{}\n",
        text_of(&listing["description"])
    );
    let _ = writeln!(
        out,
        "**Single purpose:** {}\n",
        listing["single_purpose"].as_str().unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "## Permissions\n\n{}",
        permissions_table(manifest, listing)
    );
    let _ = writeln!(
        out,
        "## Data\n\n{}\n\nRemote code: none. Privacy policy: `privacy-policy.html` (also published with the playground as `privacy.html`).\n",
        listing["data_disclosure"]["statement"].as_str().unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "## Images\n\nScreenshots ({}, at most {}), in `screenshots/`:\n",
        sizes.join(" or "),
        l["screenshots_max"]
    );
    for s in listing["screenshots"].as_array().into_iter().flatten() {
        let _ = writeln!(
            out,
            "- `{}`: {}",
            s["file"].as_str().unwrap_or_default(),
            s["caption"].as_str().unwrap_or_default()
        );
    }
    if let Some(tile) = l["promo_tile"].as_array() {
        let _ = writeln!(
            out,
            "\nSmall promo tile ({}×{}): `promo-tile.jpg`.",
            tile[0], tile[1]
        );
    }
    out.push_str(extra);
    out
}

fn reviewer_notes(firefox_zip: &Path, chrome_zip: &Path) -> Result<String, String> {
    let toolchain = std::fs::read_to_string(root().join("rust-toolchain.toml"))
        .map_err(|e| format!("rust-toolchain.toml: {e}"))?;
    let channel = toolchain
        .lines()
        .find_map(|l| l.trim().strip_prefix("channel = "))
        .unwrap_or("(see rust-toolchain.toml)")
        .trim_matches('"')
        .to_string();
    Ok(format!(
        "# Notes for reviewers: Lifetime Guard for Auth0 {VERSION}\n\n\
The packages hold generated code: `core/content-wasm.js` carries the WebAssembly of the Rust rules \
engine as base64, `core/*.js` is the glue wasm-bindgen writes for it, and (Chrome only) `core/asm.js` \
is the same module translated to JavaScript by binaryen's wasm2js, for pages whose CSP refuses \
WebAssembly in content scripts. Every other file is hand-written and unminified. No file is loaded \
from the network; there is no eval.\n\n\
## Rebuilding the packages byte for byte\n\n\
From `lifetime-guard-{VERSION}-source.tar.gz` (a release asset, the `git archive` of the tagged commit), \
on Debian or Ubuntu with rustup and Node.js 20:\n\n\
```sh\ntar -xzf lifetime-guard-{VERSION}-source.tar.gz\ncd lifetime-guard-{VERSION}\n\
cargo xtask dist     # installs the pinned toolchain ({channel}, rust-toolchain.toml), wasm-bindgen-cli and the npm packages of package-lock.json\n\
sha256sum dist/lifetime-guard-chrome.zip dist/lifetime-guard-firefox.zip\n```\n\n\
The zips are written reproducibly (entries sorted, fixed times and modes), so the checksums are \
these:\n\n\
```\n{}  lifetime-guard-chrome.zip\n{}  lifetime-guard-firefox.zip\n```\n\n\
Source of the engine: `src/` (the rules, the parser, the field catalog with the source of every \
limit); the extension's own scripts: `extension/`; the build: `xtask/src/`.\n\n\
## Trying it\n\n\
No Auth0 account is needed: `cargo xtask demo` serves an offline replica of the Dashboard on \
http://127.0.0.1:8080/dashboard/us/acme/apis built from the same components as the real one; load \
`target/lg/test-chrome/` (the test build, which also matches 127.0.0.1). Type `31 days` into \
*Maximum Access Token Lifetime* and press Save: the save is stopped, and the note says why.\n",
        sha256_hex(chrome_zip)?,
        sha256_hex(firefox_zip)?,
    ))
}

/// Writes `dist/store/`: a page per store, the reviewer notes, the privacy policy and
/// `listing.json` (the data with the built manifests' summary and permissions).
pub fn write(dist_dir: &Path) -> Result<(), String> {
    let listing = listing()?;
    let out = dist_dir.join("store");
    std::fs::create_dir_all(out.join("screenshots")).map_err(|e| e.to_string())?;
    let mut problems = Vec::new();
    let mut manifests = Vec::new();
    for browser in [Browser::Chrome, Browser::Firefox] {
        let m = dist::manifest(browser, false)?;
        problems.extend(unjustified(&m, &listing));
        problems.extend(over_limits(&listing, &m));
        manifests.push(m);
    }
    if !problems.is_empty() {
        problems.dedup();
        return Err(format!(
            "extension/store/listing.json: {}",
            problems.join("; ")
        ));
    }
    let (chrome, firefox) = (&manifests[0], &manifests[1]);
    let amo_extra = format!(
        "\n\n## Data collection (manifest)\n\n`browser_specific_settings.gecko.data_collection_permissions.required`: {}.\n\nAMO asks for the source of generated code: upload `lifetime-guard-{VERSION}-source.tar.gz` with `reviewer-notes.md`.\n",
        firefox["browser_specific_settings"]["gecko"]["data_collection_permissions"]["required"]
    );
    for (file, store, title, manifest, extra) in [
        (
            "chrome-web-store.md",
            "chrome",
            "Chrome Web Store",
            chrome,
            String::new(),
        ),
        (
            "edge-add-ons.md",
            "edge",
            "Microsoft Edge Add-ons",
            chrome,
            String::new(),
        ),
        (
            "addons-mozilla-org.md",
            "amo",
            "addons.mozilla.org",
            firefox,
            amo_extra,
        ),
    ] {
        let page = store_page(store, title, manifest, &listing, &extra);
        std::fs::write(out.join(file), page).map_err(|e| format!("{file}: {e}"))?;
    }
    let notes = reviewer_notes(
        &dist_dir.join("lifetime-guard-firefox.zip"),
        &dist_dir.join("lifetime-guard-chrome.zip"),
    )?;
    std::fs::write(out.join("reviewer-notes.md"), notes).map_err(|e| e.to_string())?;
    std::fs::copy(
        root().join("www/privacy.html"),
        out.join("privacy-policy.html"),
    )
    .map_err(|e| format!("www/privacy.html: {e}"))?;
    let data = json!({
        "version": VERSION,
        "listing": listing,
        "summary": chrome["description"],
        "manifests": { "chrome": chrome, "firefox": firefox },
    });
    std::fs::write(
        out.join("listing.json"),
        serde_json::to_string_pretty(&data).map_err(|e| e.to_string())? + "\n",
    )
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every permission and host of both release manifests is justified in the listing, and a
    /// manifest that gains one without a word fails.
    #[test]
    fn every_permission_is_justified() {
        let listing = listing().expect("listing");
        for browser in [Browser::Chrome, Browser::Firefox] {
            let m = dist::manifest(browser, false).expect("manifest");
            assert_eq!(unjustified(&m, &listing), Vec::<String>::new());
            assert_eq!(over_limits(&listing, &m), Vec::<String>::new());
            let mut more = m.clone();
            more["permissions"]
                .as_array_mut()
                .expect("permissions")
                .push(json!("tabs"));
            more["host_permissions"]
                .as_array_mut()
                .expect("hosts")
                .push(json!("<all_urls>"));
            assert_eq!(
                unjustified(&more, &listing),
                ["permissions: tabs", "host_permissions: <all_urls>"]
            );
        }
    }

    #[test]
    fn limits_are_checked() {
        let mut listing = listing().expect("listing");
        let m = dist::manifest(Browser::Chrome, false).expect("manifest");
        let mut long = m.clone();
        long["description"] = json!("x".repeat(133));
        assert!(over_limits(&listing, &long)
            .iter()
            .any(|p| p.starts_with("chrome: the summary has 133")));
        listing["description"] = json!(["too short"]);
        assert!(over_limits(&listing, &m)
            .iter()
            .any(|p| p.starts_with("edge: the description is shorter")));
    }
}
