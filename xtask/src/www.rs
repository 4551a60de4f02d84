//! The static pages: the playground (`dist/www/`) and the replica Dashboard (`target/replica/`).

use crate::util::{copy_dir, root, run, Cmd};
use crate::wasm;
use std::path::Path;

/// Writes the playground into `out`: static files that work offline and can be published as is.
pub fn build(out: &Path) -> Result<(), String> {
    let root = root();
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(out).map_err(|e| e.to_string())?;
    for (from, to) in [
        ("www/index.html", "index.html"),
        ("www/playground.js", "playground.js"),
        ("www/map.js", "map.js"),
        ("www/playground.css", "playground.css"),
        ("www/privacy.html", "privacy.html"),
        ("extension/engine.js", "engine.js"),
        ("extension/instantiate.js", "instantiate.js"),
        ("extension/ui.css", "ui.css"),
    ] {
        std::fs::copy(root.join(from), out.join(to)).map_err(|e| format!("{from}: {e}"))?;
    }
    copy_dir(&wasm::core_dir(), &out.join("core"))?;
    replica()?;
    // The replica server also serves the playground, under /playground/.
    copy_dir(out, &root.join("target/replica/playground"))
}

/// Bundles the replica Dashboard into `target/replica/`.
pub fn replica() -> Result<(), String> {
    run(Cmd::new("node").arg(root().join("www/replica/build.mjs")))
}
