//! `.lifetime-guard.json`: a repository's lint settings, found upward from the linted path as
//! tflint finds `.tflint.hcl`, so a team gates every run the same way, in CI and before a commit:
//!
//! ```json
//! {
//!   "fail_on": "warning",
//!   "api_json": "request",
//!   "plan": "enterprise",
//!   "policy": "auth0/policy.json",
//!   "keywords": "auth0/config.json",
//!   "ignore_paths": ["legacy/**", "**/*.example.yaml"],
//!   "ignore_codes": ["is_default"],
//!   "sarif_help_uri": "https://github.example/acme/lifetime-guard/blob/main/docs/linting.md"
//! }
//! ```
//!
//! Paths in it are relative to its folder. Options on the command line win over it.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file's name.
pub const NAME: &str = ".lifetime-guard.json";

/// What fails a run (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailOn {
    /// An error: Auth0 refuses the value, or a file cannot be read as its format.
    #[default]
    Error,
    /// A warning too, a value that was not checked included.
    Warning,
}

/// What a Management API JSON file holds: the API's answers, or bodies that will be sent to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApiJson {
    /// What the API answers (`GET` dumps): decimal session hours are normal there.
    #[default]
    Response,
    /// Bodies for `POST`/`PATCH`: the request schema wants whole session hours.
    Request,
}

/// The settings of `.lifetime-guard.json`; every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub fail_on: Option<FailOn>,
    /// What Management API JSON files are: `response` (what the API answers, the default) or
    /// `request` (bodies to send, where decimal session hours are refused).
    pub api_json: Option<ApiJson>,
    /// `self-service` or `enterprise`.
    pub plan: Option<String>,
    /// An organisation policy file, as `--policy` takes it.
    pub policy: Option<PathBuf>,
    /// The Deploy CLI's keyword mappings, as `--keywords` takes them.
    pub keywords: Option<PathBuf>,
    /// Files not to lint when a directory is walked: `*` matches within a path segment, `**`
    /// across segments, relative to the config's folder.
    #[serde(default)]
    pub ignore_paths: Vec<String>,
    /// Finding codes never reported (`is_default`, `above_plan_limit`, …).
    #[serde(default)]
    pub ignore_codes: Vec<crate::codes::Code>,
    /// Where the team publishes `docs/linting.md` (an absolute URL): SARIF rules link to its
    /// "Finding codes" section (`helpUri`), which code-scanning tools show beside each result.
    pub sarif_help_uri: Option<String>,
    /// The folder the file is in (paths in it are relative to it).
    #[serde(skip)]
    pub dir: PathBuf,
}

impl Config {
    /// Reads the config at `path`.
    pub fn load(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut config: Config =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        if let Some(plan) = &config.plan {
            if !matches!(plan.as_str(), "self-service" | "enterprise") {
                return Err(format!(
                    "{}: plan is \"self-service\" or \"enterprise\", not \"{plan}\"",
                    path.display()
                ));
            }
        }
        if let Some(uri) = &config.sarif_help_uri {
            if !(uri.starts_with("https://") || uri.starts_with("http://")) {
                return Err(format!(
                    "{}: sarif_help_uri must be an absolute http(s) URL, not \"{uri}\"",
                    path.display()
                ));
            }
        }
        config.dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(config)
    }

    /// A path of the config, made relative to the current directory.
    pub fn resolve(&self, path: &Path) -> PathBuf {
        self.dir.join(path)
    }
}

/// The nearest `.lifetime-guard.json` in `start`'s folder or above it.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).ok()?;
    let mut dir = if start.is_dir() {
        Some(start.as_path())
    } else {
        start.parent()
    };
    while let Some(d) = dir {
        let candidate = d.join(NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

/// Whether `path` (with `/` between segments) matches `pattern`: `*` matches within a segment,
/// `**` any number of whole segments.
pub fn glob_match(pattern: &str, path: &str) -> bool {
    let pat: Vec<&str> = pattern
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    let segs: Vec<&str> = path
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    segments_match(&pat, &segs)
}

fn segments_match(pat: &[&str], segs: &[&str]) -> bool {
    match pat.split_first() {
        None => segs.is_empty(),
        Some((&"**", rest)) => (0..=segs.len()).any(|i| segments_match(rest, &segs[i..])),
        Some((first, rest)) => segs.split_first().is_some_and(|(s, more)| {
            segment_match(first.as_bytes(), s.as_bytes()) && segments_match(rest, more)
        }),
    }
}

fn segment_match(pat: &[u8], s: &[u8]) -> bool {
    match pat.split_first() {
        None => s.is_empty(),
        Some((b'*', rest)) => (0..=s.len()).any(|i| segment_match(rest, &s[i..])),
        Some((c, rest)) => s
            .split_first()
            .is_some_and(|(d, more)| c == d && segment_match(rest, more)),
    }
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn globs() {
        assert!(glob_match("legacy/**", "legacy/a/b.yaml"));
        assert!(glob_match("**/*.example.yaml", "x/y/tenant.example.yaml"));
        assert!(glob_match("**/*.example.yaml", "tenant.example.yaml"));
        assert!(glob_match("clients/*.json", "clients/app.json"));
        assert!(!glob_match("clients/*.json", "clients/sub/app.json"));
        assert!(!glob_match("legacy/**", "current/a.yaml"));
        assert!(glob_match("./tenant.yaml", "tenant.yaml"));
    }
}
