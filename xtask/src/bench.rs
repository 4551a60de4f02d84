//! `cargo xtask bench`: one command, one run. Sizes of every shipped artifact, native parse and
//! check against jiff and humantime (criterion), the browser figures (tests/bench/browser.mjs) and
//! lint throughput against js-yaml (tests/bench/lint.mjs) in one table, also written as JSON to
//! target/bench/bench.json.

use crate::dist;
use crate::util::{capture, root, run, Cmd};
use serde_json::{json, Value};
use std::path::Path;

fn gzip_len(path: &Path) -> Result<u64, String> {
    let out = std::process::Command::new("gzip")
        .arg("-9c")
        .arg(path)
        .output()
        .map_err(|e| e.to_string())?;
    Ok(out.stdout.len() as u64)
}

fn sizes() -> Result<Value, String> {
    let d = root().join("dist/chrome");
    let mut rows = Vec::new();
    for (what, file) in [
        // Built, not shipped as such: it travels as base64 in content-wasm.js.
        (
            "content module (wasm)",
            "target/lg/core/lifetime_guard_bg.wasm",
        ),
        (
            "content module as shipped (base64 content script)",
            "core/content-wasm.js",
        ),
        (
            "content module as JavaScript (wasm2js, strict-CSP fallback)",
            "core/asm.js",
        ),
        ("content glue + loader bundle", "core/content-core.js"),
        ("content script", "content.js"),
        ("fallback loader (Chromium)", "fallback.js"),
        (
            "tools module (wasm: popup, options, playground)",
            "core/tools_bg.wasm",
        ),
        ("tools glue", "core/tools_bg.js"),
        ("pages loader", "engine.js"),
        ("module instantiation (pages)", "instantiate.js"),
        ("settings (options page)", "settings.js"),
        ("popup script", "popup.js"),
        ("options script", "options.js"),
        (
            "lint module (wasm: playground only)",
            "target/lg/core/lint_bg.wasm",
        ),
    ] {
        let path = if file.starts_with("target/") {
            root().join(file)
        } else {
            d.join(file)
        };
        let raw = std::fs::metadata(&path)
            .map_err(|e| format!("{file}: {e}"))?
            .len();
        rows.push(
            json!({ "artifact": what, "file": file, "bytes": raw, "gzip": gzip_len(&path)? }),
        );
    }
    Ok(Value::Array(rows))
}

/// Criterion's mean for one benchmark of the corpus group, per input, in nanoseconds.
fn criterion_ns(name: &str, per: f64) -> Result<f64, String> {
    let path = root()
        .join("target/criterion/parse_corpus")
        .join(name)
        .join("new/estimates.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let mean = v["mean"]["point_estimate"]
        .as_f64()
        .ok_or("no mean in criterion's estimates")?;
    Ok(mean / per)
}

pub fn bench() -> Result<(), String> {
    let root = root();
    crate::setup::for_tests()?;
    dist::dist()?;
    let corpus: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("benches/corpus.json")).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    let n = corpus.as_array().map_or(1, Vec::len) as f64;
    run(Cmd::new("cargo")
        .args(["bench", "--bench", "parse"])
        .cwd(&root))?;
    let accuracy: Value = serde_json::from_str(
        capture(
            Cmd::new("cargo")
                .args(["bench", "--quiet", "--bench", "accuracy"])
                .cwd(&root),
        )?
        .trim(),
    )
    .map_err(|e| e.to_string())?;
    let native = json!({
        "lifetime_guard_parse_ns": criterion_ns("lifetime_guard_parse", n)?,
        "lifetime_guard_parse_check_ns": criterion_ns("lifetime_guard_parse_check", n)?,
        "jiff_ns": criterion_ns("jiff", n)?,
        "humantime_ns": criterion_ns("humantime", n)?,
        "right_answers": accuracy,
    });
    let browser: Value = serde_json::from_str(
        capture(
            Cmd::new("node")
                .arg(root.join("tests/bench/browser.mjs"))
                .env(
                    "LG_CHROME_EXTENSION",
                    dist::test_build_dir(dist::Browser::Chrome),
                )
                .cwd(&root),
        )?
        .lines()
        .last()
        .unwrap_or("{}"),
    )
    .map_err(|e| format!("browser bench output: {e}"))?;
    // Lint throughput: the release binary on a generated 10,000-application export.
    run(Cmd::new("cargo")
        .args(["build", "--release", "--bin", "lifetime-guard"])
        .cwd(&root))?;
    let lint: Value = serde_json::from_str(
        capture(
            Cmd::new("node")
                .arg(root.join("tests/bench/lint.mjs"))
                .cwd(&root),
        )?
        .lines()
        .last()
        .unwrap_or("{}"),
    )
    .map_err(|e| format!("lint bench output: {e}"))?;
    let report = json!({ "sizes": sizes()?, "native": native, "browser": browser, "lint": lint });
    let dir = root.join("target/bench");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::write(
        dir.join("bench.json"),
        serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    println!("{}", table(&report));
    eprintln!("written to {}", dir.join("bench.json").display());
    Ok(())
}

fn ms(v: &Value) -> String {
    format!("{} / {}", v["p50"], v["p95"])
}

/// The Markdown table the README shows.
fn table(r: &Value) -> String {
    let b = &r["browser"];
    let nat = &r["native"];
    let acc = &nat["right_answers"];
    let mut t = String::from("| measure | result | target |\n|---|---|---|\n");
    for row in r["sizes"].as_array().into_iter().flatten() {
        t += &format!(
            "| size: {} (`{}`) | {} B, {} B gzip | |\n",
            row["artifact"].as_str().unwrap_or(""),
            row["file"].as_str().unwrap_or(""),
            row["bytes"],
            row["gzip"]
        );
    }
    t += &format!(
        "| cold start, injected → first scan, p50 / p95 ms (wasm) | {} | ≤ 20 ms p95 |\n",
        ms(&b["cold_start_ms"]["wasm"])
    );
    t += &format!(
        "| cold start under a strict CSP (JavaScript core) | {} | |\n",
        ms(&b["cold_start_ms"]["js_under_strict_csp"])
    );
    for n in ["1000", "10000", "50000"] {
        t += &format!(
            "| scan (cold start) on a {n}-node page | {} | |\n",
            ms(&b["scan_ms_by_page_size"][n])
        );
    }
    t += &format!(
        "| keystroke → note updated, p50 / p95 ms | {} | ≤ 1 ms p95 |\n",
        ms(&b["keystroke_to_note_ms"])
    );
    t += &format!(
        "| field inserted → note shown (same task), p50 / p95 ms | {} | within one frame |\n",
        ms(&b["field_inserted_to_note_ms"])
    );
    for n in ["1000", "10000", "50000"] {
        t += &format!(
            "| unrelated mutation handled, {n}-node page | {} | |\n",
            ms(&b["mutation_handling_ms_by_page_size"][n])
        );
    }
    t += &format!(
        "| mutation handling, 50k ÷ 1k nodes (p50) | {}× | ≤ 2× |\n",
        b["mutation_50k_over_1k_p50"]
    );
    let mem = &b["memory_after_navigations"];
    let later = mem
        .as_object()
        .and_then(|m| {
            m.keys()
                .find(|k| k.starts_with("after_") && *k != "after_10")
        })
        .cloned()
        .unwrap_or_default();
    t += &format!(
        "| JS heap + wasm memory after 10 / {} navigations | {} + {} B / {} + {} B (growth {} B; the page alone grows {} B) | |\n",
        later.trim_start_matches("after_"),
        mem["after_10"]["js_heap_bytes"], mem["after_10"]["wasm_memory_bytes"], mem[&later]["js_heap_bytes"], mem[&later]["wasm_memory_bytes"], mem["growth_bytes"], mem["page_without_extension_growth_bytes"]
    );
    t += &format!(
        "| the extension's share of that growth | {} B | ≤ 1 MB |\n",
        mem["extension_growth_bytes"]
    );
    t += &format!(
        "| listeners / observers / timers after those navigations | {} / {} / {} | bounded |\n",
        mem[&later]["listeners"], mem[&later]["observers"], mem[&later]["timers"]
    );
    let pl = &b["page_load_ms"];
    t += &format!(
        "| replica API page ready, without / with extension, p50 ms | {} / {} (×{}) | |\n",
        pl["without_extension"]["p50"], pl["with_extension"]["p50"], pl["ratio_p50"]
    );
    t += &format!(
        "| native per input: parse / parse + check (criterion) | {:.0} ns / {:.0} ns | ≤ 100 ns |\n",
        nat["lifetime_guard_parse_ns"].as_f64().unwrap_or(0.0), nat["lifetime_guard_parse_check_ns"].as_f64().unwrap_or(0.0)
    );
    t += &format!(
        "| native per input: jiff / humantime | {:.0} ns / {:.0} ns | |\n",
        nat["jiff_ns"].as_f64().unwrap_or(0.0),
        nat["humantime_ns"].as_f64().unwrap_or(0.0)
    );
    t += &format!("| right answers on the shared corpus: lifetime-guard / jiff / humantime | {} / {} / {} of {} | |\n", acc["lifetime_guard"], acc["jiff"], acc["humantime"], acc["cases"]);
    let p = &b["parsers_in_browser"];
    t += &format!(
        "| in Chromium per input: wasm `value` / wasm `convert` (full result) / npm ms / npm parse-duration | {} ns / {} ns / {} ns / {} ns | `value` ≤ ms |\n",
        p["lifetime_guard_wasm"]["ns_per_call"], p["lifetime_guard_wasm_convert"]["ns_per_call"], p["ms"]["ns_per_call"], p["parse-duration"]["ns_per_call"]
    );
    let l = &r["lint"];
    for (what, key) in [
        ("one Deploy CLI YAML file", "yaml"),
        ("a Deploy CLI directory", "directory"),
    ] {
        let x = &l[key];
        t += &format!(
            "| `lint` of {} apps + {} APIs as {what}: whole run (diagnostics / JSON) vs js-yaml's parse in Node / Node + js-yaml as a process, ms | {} / {} vs {} / {} | no longer than js-yaml |\n",
            l["entities"]["clients"], l["entities"]["apis"], x["lint"]["ms"], x["lint"]["json_ms"], x["js_yaml_ms"], x["node_js_yaml_process_ms"]
        );
    }
    t += &format!(
        "| right answers in Chromium: wasm / ms / parse-duration | {} / {} / {} of {} | |\n",
        p["lifetime_guard_wasm"]["right"],
        p["ms"]["right"],
        p["parse-duration"]["right"],
        p["ms"]["of"]
    );
    t
}
