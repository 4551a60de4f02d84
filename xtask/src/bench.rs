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

/// `cargo xtask bench --sizes`: the package, its sizes and the content module's breakdown.
pub fn sizes_only() -> Result<(), String> {
    crate::setup::for_build()?;
    dist::dist()?;
    let r = json!({ "sizes": sizes()?, "content_breakdown": crate::breakdown::content()? });
    println!("{}", size_table(&r));
    Ok(())
}

/// The size rows and the content module's breakdown.
fn size_table(r: &Value) -> String {
    let mut t = String::from("| artifact | bytes | gzip |\n|---|---|---|\n");
    for row in r["sizes"].as_array().into_iter().flatten() {
        t += &format!(
            "| {} (`{}`) | {} | {} |\n",
            row["artifact"].as_str().unwrap_or(""),
            row["file"].as_str().unwrap_or(""),
            row["bytes"],
            row["gzip"]
        );
    }
    t += "\nWhere the content module's bytes go (wasm-opt output with names kept, before gzip):\n\n| group | bytes | share |\n|---|---|---|\n";
    for row in r["content_breakdown"]
        .as_array()
        .into_iter()
        .flatten()
        .take(16)
    {
        t += &format!(
            "| {} | {} | {} % |\n",
            row["group"].as_str().unwrap_or(""),
            row["bytes"],
            row["share"]
        );
    }
    t
}

/// Criterion's estimate for one benchmark, per input, in nanoseconds: mean, and the bounds of
/// its 95 % confidence interval.
fn criterion_ns(group: &str, name: &str, per: f64) -> Result<Value, String> {
    let path = root()
        .join("target/criterion")
        .join(group)
        .join(name)
        .join("new/estimates.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let at = |k: &str| {
        v["mean"][k]
            .as_f64()
            .or_else(|| v["mean"]["confidence_interval"][k].as_f64())
            .map(|x| (x / per * 10.0).round() / 10.0)
            .ok_or("no mean in criterion's estimates")
    };
    Ok(
        json!({ "mean": at("point_estimate")?, "low": at("lower_bound")?, "high": at("upper_bound")? }),
    )
}

/// Runs a Node bench script and returns the JSON object on its last line.
fn node_json(script: &str, env: Option<(&str, std::path::PathBuf)>) -> Result<Value, String> {
    let mut cmd = Cmd::new("node").arg(root().join(script)).cwd(&root());
    if let Some((k, v)) = env {
        cmd = cmd.env(k, v);
    }
    serde_json::from_str(capture(cmd)?.lines().last().unwrap_or("{}"))
        .map_err(|e| format!("{script} output: {e}"))
}

/// One value per numeric leaf of `runs` (objects of the same shape): the median, and the lowest
/// and highest as `{leaf}_spread: [low, high]` beside it when the runs differ.
fn merge(runs: &[Value]) -> Value {
    match runs.first() {
        Some(Value::Object(first)) => {
            let mut out = serde_json::Map::new();
            for key in first.keys() {
                let column: Vec<Value> = runs.iter().map(|r| r[key].clone()).collect();
                let mut numbers: Vec<f64> = column.iter().filter_map(Value::as_f64).collect();
                if numbers.len() == runs.len() && runs.len() > 1 {
                    numbers.sort_by(f64::total_cmp);
                    // Counts and byte sizes stay integers.
                    let whole = column.iter().all(|v| v.is_i64() || v.is_u64());
                    let num = |x: f64| if whole { json!(x as i64) } else { json!(x) };
                    let (low, high) = (numbers[0], numbers[numbers.len() - 1]);
                    out.insert(key.clone(), num(numbers[numbers.len() / 2]));
                    if low != high {
                        out.insert(format!("{key}_spread"), json!([num(low), num(high)]));
                    }
                } else {
                    out.insert(key.clone(), merge(&column));
                }
            }
            Value::Object(out)
        }
        Some(other) => other.clone(),
        None => Value::Null,
    }
}

pub fn bench(runs: usize) -> Result<(), String> {
    let runs = runs.max(1);
    let root = root();
    crate::setup::for_tests()?;
    dist::dist()?;
    let corpus: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("benches/corpus.json")).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    let cases = corpus.as_array().cloned().unwrap_or_default();
    let n = cases.len().max(1) as f64;
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
    let mut forms = serde_json::Map::new();
    for form in ["bare", "compound", "iso", "clock", "refusal"] {
        let count = cases.iter().filter(|c| c["form"] == form).count().max(1);
        let mut row = serde_json::Map::new();
        row.insert("inputs".into(), json!(count));
        for lib in [
            "lifetime_guard",
            "lifetime_guard_value",
            "jiff",
            "humantime",
        ] {
            row.insert(
                lib.into(),
                criterion_ns("parse_forms", &format!("{form}_{lib}"), count as f64)?,
            );
        }
        forms.insert(form.into(), Value::Object(row));
    }
    let native = json!({
        "lifetime_guard_parse_ns": criterion_ns("parse_corpus", "lifetime_guard_parse", n)?,
        "lifetime_guard_value_ns": criterion_ns("parse_corpus", "lifetime_guard_value", n)?,
        "lifetime_guard_parse_check_ns": criterion_ns("parse_corpus", "lifetime_guard_parse_check", n)?,
        "jiff_ns": criterion_ns("parse_corpus", "jiff", n)?,
        "humantime_ns": criterion_ns("parse_corpus", "humantime", n)?,
        "forms": forms,
        "right_answers": accuracy,
    });
    run(Cmd::new("cargo")
        .args(["build", "--release", "--bin", "lifetime-guard"])
        .cwd(&root))?;
    // The browser and lint figures, `runs` times: the table shows medians and their spread.
    let mut browser_runs = Vec::new();
    let mut lint_runs = Vec::new();
    for i in 0..runs {
        eprintln!("bench: run {} of {runs}", i + 1);
        browser_runs.push(node_json(
            "tests/bench/browser.mjs",
            Some((
                "LG_CHROME_EXTENSION",
                dist::test_build_dir(dist::Browser::Chrome),
            )),
        )?);
        lint_runs.push(node_json("tests/bench/lint.mjs", None)?);
    }
    let report = json!({
        "runs": runs,
        "sizes": sizes()?,
        "content_breakdown": crate::breakdown::content()?,
        "native": native,
        "browser": merge(&browser_runs),
        "lint": merge(&lint_runs),
        "browser_runs": browser_runs,
        "lint_runs": lint_runs,
    });
    let dir = root.join("target/bench");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::write(
        dir.join("bench.json"),
        serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    println!("{}\n\n{}", table(&report), size_table(&report));
    eprintln!("written to {}", dir.join("bench.json").display());
    Ok(())
}

/// `v[key]` as the table shows it: the median, and the spread of the runs when they differ.
fn cell(v: &Value, key: &str) -> String {
    match (&v[key], v[format!("{key}_spread")].as_array()) {
        (x, Some(s)) if s.len() == 2 => format!("{x} ({}–{})", s[0], s[1]),
        (x, _) => x.to_string(),
    }
}

fn ms(v: &Value) -> String {
    format!("{} / {}", cell(v, "p50"), cell(v, "p95"))
}

/// A criterion estimate: its mean per input and its 95 % confidence interval.
fn ns(v: &Value) -> String {
    format!("{} ns ({}–{})", v["mean"], v["low"], v["high"])
}

/// The Markdown table the README shows.
fn table(r: &Value) -> String {
    let b = &r["browser"];
    let nat = &r["native"];
    let acc = &nat["right_answers"];
    let mut t = String::from("| measure | result | target |\n|---|---|---|\n");
    let size = |file: &str| {
        r["sizes"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|row| row["file"] == file)
            .map_or(String::new(), |row| {
                format!("{} B gzip ({} B)", row["gzip"], row["bytes"])
            })
    };
    t += &format!(
        "| size: content module, wasm (`lifetime_guard_bg.wasm`) | {} | ≤ 72 KB gzip |\n",
        size("target/lg/core/lifetime_guard_bg.wasm")
    );
    t += &format!(
        "| size: content module as shipped (base64 in `core/content-wasm.js`) / as JavaScript (wasm2js fallback, `core/asm.js`) | {} / {} | |\n",
        size("core/content-wasm.js"),
        size("core/asm.js")
    );
    let first = &b["first_page_of_session_ms"];
    t += &format!(
        "| first page of a browser session (new profile), injected → guard ready, p50 / p95 ms: wasm / JavaScript core under a strict CSP | {} / {} | ≤ 50 ms p95 |\n",
        ms(&first["wasm"]["injected_to_ready"]),
        ms(&first["js_under_strict_csp"]["injected_to_ready"])
    );
    t += &format!(
        "| first page of a browser session, navigation start → guard ready, p50 / p95 ms: wasm / JavaScript core | {} / {} | |\n",
        ms(&first["wasm"]["navigation_to_ready"]),
        ms(&first["js_under_strict_csp"]["navigation_to_ready"])
    );
    t += &format!(
        "| next pages (warm), injected → first scan, p50 / p95 ms (wasm) | {} | ≤ 20 ms p95 |\n",
        ms(&b["cold_start_ms"]["wasm"])
    );
    t += &format!(
        "| next pages (warm) under a strict CSP (JavaScript core) | {} | |\n",
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
        cell(b, "mutation_50k_over_1k_p50")
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
        "| JS heap + wasm memory after 10 / {} navigations, B | {} + {} / {} + {} (growth {}; the page alone grows {}) | |\n",
        later.trim_start_matches("after_"),
        cell(&mem["after_10"], "js_heap_bytes"),
        cell(&mem["after_10"], "wasm_memory_bytes"),
        cell(&mem[&later], "js_heap_bytes"),
        cell(&mem[&later], "wasm_memory_bytes"),
        cell(mem, "growth_bytes"),
        cell(mem, "page_without_extension_growth_bytes")
    );
    t += &format!(
        "| the extension's share of that growth, B | {} | ≤ 1 MB |\n",
        cell(mem, "extension_growth_bytes")
    );
    t += &format!(
        "| listeners / observers / timers after those navigations | {} / {} / {} | bounded |\n",
        cell(&mem[&later], "listeners"),
        cell(&mem[&later], "observers"),
        cell(&mem[&later], "timers")
    );
    t += &format!(
        "| selection made → popover shown, p50 / p95 ms | {} | within one frame |\n",
        ms(&b["selection_to_popover_ms"])
    );
    let cb = &b["code_blocks_page_ms"];
    t += &format!(
        "| a page rendering 400 code blocks (40 JWTs) in 20 batches, without / with extension, p50 ms | {} / {} (×{}) | no slowdown |\n",
        cell(&cb["without_extension"], "p50"),
        cell(&cb["with_extension"], "p50"),
        cell(cb, "ratio_p50")
    );
    let pl = &b["page_load_ms"];
    t += &format!(
        "| replica API page ready, without / with extension, p50 ms | {} / {} (×{}) | |\n",
        cell(&pl["without_extension"], "p50"),
        cell(&pl["with_extension"], "p50"),
        cell(pl, "ratio_p50")
    );
    t += &format!(
        "| native per input, whole corpus: `parse` (a refusal explained) / `parse::value` (the number only) / parse + check | {} / {} / {} | parse ≤ humantime |\n",
        ns(&nat["lifetime_guard_parse_ns"]),
        ns(&nat["lifetime_guard_value_ns"]),
        ns(&nat["lifetime_guard_parse_check_ns"])
    );
    t += &format!(
        "| native per input, whole corpus: jiff / humantime | {} / {} | |\n",
        ns(&nat["jiff_ns"]),
        ns(&nat["humantime_ns"])
    );
    for form in ["bare", "compound", "iso", "clock", "refusal"] {
        let f = &nat["forms"][form];
        t += &format!(
            "| native per input, {form} ({} inputs): lifetime-guard `parse` / `value` / jiff / humantime | {} / {} / {} / {} | |\n",
            f["inputs"],
            ns(&f["lifetime_guard"]),
            ns(&f["lifetime_guard_value"]),
            ns(&f["jiff"]),
            ns(&f["humantime"])
        );
    }
    t += &format!("| right answers on the shared corpus: lifetime-guard / jiff / humantime | {} / {} / {} of {} | |\n", acc["lifetime_guard"], acc["jiff"], acc["humantime"], acc["cases"]);
    let p = &b["parsers_in_browser"];
    t += &format!(
        "| in Chromium per input, ns: wasm `value` / wasm `convert` (full result) / npm ms / npm parse-duration | {} / {} / {} / {} | `value` ≤ ms |\n",
        cell(&p["lifetime_guard_wasm"], "ns_per_call"),
        cell(&p["lifetime_guard_wasm_convert"], "ns_per_call"),
        cell(&p["ms"], "ns_per_call"),
        cell(&p["parse-duration"], "ns_per_call")
    );
    t += &format!(
        "| right answers in Chromium: wasm / ms / parse-duration | {} / {} / {} of {} | |\n",
        p["lifetime_guard_wasm"]["right"],
        p["ms"]["right"],
        p["parse-duration"]["right"],
        p["ms"]["of"]
    );
    let l = &r["lint"];
    for (what, key) in [
        ("one Deploy CLI YAML file", "yaml"),
        ("a Deploy CLI directory", "directory"),
    ] {
        let x = &l[key];
        t += &format!(
            "| `lint` of {} apps + {} APIs as {what}: whole run (diagnostics / JSON) vs js-yaml's parse in Node / Node + js-yaml as a process, ms | {} / {} vs {} / {} | no longer than js-yaml |\n",
            l["entities"]["clients"], l["entities"]["apis"], cell(&x["lint"], "ms"), cell(&x["lint"], "json_ms"), cell(x, "js_yaml_ms"), cell(x, "node_js_yaml_process_ms")
        );
    }
    let a = &l["api_json"];
    if a.is_object() {
        t += &format!(
            "| `lint` of {} apps as one minified `GET /clients` answer ({} bytes): whole run (diagnostics / JSON) vs `JSON.parse` in Node, ms; peak memory (diagnostics / JSON), MB | {} / {} vs {}; {} / {} | memory grows with the findings, not with the line |\n",
            l["entities"]["clients"], a["bytes"], cell(&a["lint"], "ms"), cell(&a["lint"], "json_ms"), cell(a, "json_parse_ms"), cell(a, "peak_rss_mb"), cell(a, "peak_rss_json_mb")
        );
    }
    let u = &l["api_json_non_ascii"];
    if u.is_object() {
        t += &format!(
            "| the same answer with accented and Japanese names and descriptions ({} bytes): peak memory (diagnostics / JSON), MB | {} / {} | within 1.2× the ASCII answer's |\n",
            u["bytes"], cell(u, "peak_rss_mb"), cell(u, "peak_rss_json_mb")
        );
    }
    t
}
