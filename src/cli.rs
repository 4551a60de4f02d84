//! The `lifetime-guard` command line: convert and check Auth0 lifetimes (native only).
//!
//! Exit status: 0 when the input is valid (warnings included), 1 when it is invalid or would
//! block a save, 2 for usage errors.

use crate::catalog::{self, FIELDS};
use crate::policy::Policy;
use crate::verdict::{check_field, Context, Level, Verdict};
use crate::{format, parse, ParseError, Unit};
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::json;
use std::process::ExitCode;

/// `println!` for output a reader may stop reading early (`… | head -1`): what cannot be written
/// is dropped and the command ends with its own status, as `lint` does, instead of a panic.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

#[derive(Parser)]
#[command(
    name = "lifetime-guard",
    version,
    about = "Convert, check and explain Auth0 token and session lifetimes"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum UnitArg {
    Milliseconds,
    Seconds,
    Minutes,
    Days,
}

#[derive(Clone, Copy, ValueEnum)]
enum PlanArg {
    SelfService,
    Enterprise,
}

#[derive(Clone, Copy, ValueEnum)]
enum ApiJsonArg {
    Response,
    Request,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
}

/// The arguments of `lint`.
#[derive(clap::Args)]
struct LintArgs {
    /// Files or directories (walked for .yaml, .yml, .json, .tf, .tf.json, .tfstate); `-` is
    /// standard input, read as the file `--stdin-name` names.
    #[arg(required = true)]
    paths: Vec<std::path::PathBuf>,
    /// The Deploy CLI's config.json (AUTH0_KEYWORD_REPLACE_MAPPINGS) or a JSON map of keyword
    /// values: @@KEY@@ and ##KEY## are replaced before reading, as the Deploy CLI does.
    #[arg(long, value_name = "FILE")]
    keywords: Option<std::path::PathBuf>,
    /// An organisation policy as JSON, as for `check`.
    #[arg(long, value_name = "FILE")]
    policy: Option<std::path::PathBuf>,
    /// Which plan's session limits warn [default: self-service].
    #[arg(long, value_enum)]
    plan: Option<PlanArg>,
    /// Output: compiler-style diagnostics, one JSON object, SARIF 2.1.0, GitHub Actions
    /// annotations, or a GitLab Code Quality report.
    #[arg(long, value_enum, default_value = "human")]
    format: FormatArg,
    /// A Terraform variable definitions file, as `terraform plan -var-file` takes it (after
    /// the module's terraform.tfvars and *.auto.tfvars, which are always read).
    #[arg(long = "var-file", value_name = "FILE")]
    var_files: Vec<std::path::PathBuf>,
    /// A Terraform variable, as `terraform plan -var` takes it (wins over every file).
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = var_arg)]
    vars: Vec<(String, String)>,
    /// What fails the run (exit 1): errors, or warnings too ("not checked" is a warning)
    /// [default: error].
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// What Management API JSON files hold: what the API answers (decimal session hours are
    /// normal there), or request bodies (the API refuses decimal hours) [default: response].
    #[arg(long = "api-json", value_enum)]
    api_json: Option<ApiJsonArg>,
    /// The settings file [default: the nearest .lifetime-guard.json at or above the first path].
    #[arg(long, value_name = "FILE")]
    config: Option<std::path::PathBuf>,
    /// The file name standard input stands for (`-`), which gives its format: tenant.yaml,
    /// main.tf, plan.json, …
    #[arg(long, value_name = "NAME")]
    stdin_name: Option<std::path::PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
    Sarif,
    /// GitHub Actions workflow commands: an annotation at each finding's line.
    Github,
    /// A GitLab Code Quality report (JSON), for `artifacts:reports:codequality`.
    Gitlab,
}

#[derive(Subcommand)]
enum Command {
    /// Convert "24h", "1d 12h", "P1D", "86,400"… into a whole number of seconds or minutes.
    Convert {
        /// The value, in quotes if it has spaces: "1 day 12 hours".
        #[arg(allow_hyphen_values = true)]
        input: String,
        /// The unit of the result (and of a bare number).
        #[arg(long, value_enum, default_value = "seconds")]
        unit: UnitArg,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Check a value for a Dashboard field: limits, relations, the flows it governs.
    Check {
        /// Field id (`token_lifetime`, …) or its Dashboard label; see `lifetime-guard fields`.
        field: String,
        /// The value as typed in the Dashboard.
        #[arg(allow_hyphen_values = true)]
        input: String,
        /// The API identifier (audience); `https://{tenant}/mfa/` gets the MFA explanation.
        #[arg(long, value_name = "URL")]
        api_identifier: Option<String>,
        /// Another field's current value, for relations: `--with token_lifetime=24h`.
        #[arg(long = "with", value_name = "FIELD=INPUT")]
        with: Vec<String>,
        /// An organisation policy as JSON: `{"token_lifetime": {"max": "1h"}}`.
        #[arg(long, value_name = "FILE")]
        policy: Option<std::path::PathBuf>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Check the lifetimes in tenant configuration files before they are deployed: Deploy CLI
    /// YAML and directories, Terraform (.tf, plan and state JSON), Management API responses.
    Lint(LintArgs),
    /// List every field the rules engine knows.
    Fields {
        /// Print the catalog as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs the command line with the process's arguments.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Convert { input, unit, json } => convert(&input, unit, json),
        Command::Check {
            field,
            input,
            api_identifier,
            with,
            policy,
            json,
        } => check(
            &field,
            &input,
            api_identifier,
            &with,
            policy.as_deref(),
            json,
        ),
        Command::Lint(args) => lint(args),
        Command::Fields { json } => fields(json),
    }
}

/// `NAME=VALUE` of `--var`.
fn var_arg(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_string(), value.to_string()))
        }
        _ => Err(format!("“{text}” is not NAME=VALUE")),
    }
}

/// Exit status 0 when nothing reaches `--fail-on`, 1 when something does, 2 for usage, a
/// settings file that cannot be used, or a path named that cannot be read.
fn lint(args: LintArgs) -> ExitCode {
    use crate::lint::config::{self, Config, FailOn};
    use crate::lint::{self, output, Keywords, Options, Plan};
    use std::io::Write as _;
    let config_path = args
        .config
        .clone()
        .or_else(|| {
            args.paths
                .iter()
                .find(|p| p.as_os_str() != "-")
                .and_then(|p| config::find(p))
        })
        .or_else(|| config::find(std::path::Path::new(".")));
    let config = match config_path.as_deref().map(Config::load) {
        Some(Err(e)) => return usage_error(&e),
        Some(Ok(c)) => c,
        None => Config::default(),
    };
    // The command line wins over the settings file; the file's paths are relative to it.
    let keywords_path = args
        .keywords
        .clone()
        .or_else(|| config.keywords.as_deref().map(|p| config.resolve(p)));
    let keywords = match keywords_path.as_deref().map(|p| {
        std::fs::read_to_string(p)
            .map_err(|e| format!("cannot read {}: {e}", p.display()))
            .and_then(|t| Keywords::from_json(&t).map_err(|e| format!("{}: {e}", p.display())))
    }) {
        Some(Err(e)) => return usage_error(&e),
        Some(Ok(k)) => Some(k),
        None => None,
    };
    let plan = match (args.plan, config.plan.as_deref()) {
        (Some(PlanArg::Enterprise), _) | (None, Some("enterprise")) => Plan::Enterprise,
        _ => Plan::SelfService,
    };
    let fail_on = match args.fail_on {
        Some(FailOnArg::Warning) => FailOn::Warning,
        Some(FailOnArg::Error) => FailOn::Error,
        None => config.fail_on.unwrap_or_default(),
    };
    let stdin_asked = args.paths.iter().any(|p| p.as_os_str() == "-");
    let stdin = match (stdin_asked, &args.stdin_name) {
        (false, _) => None,
        (true, None) => {
            return usage_error("`-` reads standard input: say which file it stands for with --stdin-name (tenant.yaml, main.tf, …), which gives its format")
        }
        (true, Some(name)) => {
            let mut text = String::new();
            if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text) {
                return usage_error(&format!("cannot read standard input: {e}"));
            }
            Some((name.clone(), text))
        }
    };
    let paths: Vec<std::path::PathBuf> = args
        .paths
        .into_iter()
        .filter(|p| p.as_os_str() != "-")
        .collect();
    let mut options = Options {
        plan,
        var_files: args.var_files,
        vars: args.vars,
        ignore_codes: config.ignore_codes.clone(),
        api_json: match args.api_json {
            Some(ApiJsonArg::Request) => config::ApiJson::Request,
            Some(ApiJsonArg::Response) => config::ApiJson::Response,
            None => config.api_json.unwrap_or_default(),
        },
        ignore_paths: config.ignore_paths.clone(),
        ignore_base: config.dir.clone(),
        stdin,
        ..Options::default()
    };
    let policy_path = args
        .policy
        .clone()
        .or_else(|| config.policy.as_deref().map(|p| config.resolve(p)));
    if let Some(path) = policy_path {
        match load_policy(&path) {
            Ok(p) => options.policy = Some(p),
            Err(e) => return usage_error(&e),
        }
    }
    let format = args.format;
    let report = lint::lint(&paths, keywords.as_ref(), &options);
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = match format {
        FormatArg::Human => output::write_human(&report, &mut out),
        FormatArg::Json => output::write_json(&report, &mut out).and_then(|()| writeln!(out)),
        FormatArg::Sarif => serde_json::to_writer_pretty(
            &mut out,
            &output::sarif(&report, config.sarif_help_uri.as_deref()),
        )
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out)),
        FormatArg::Github => out.write_all(lint::ci::github(&report).as_bytes()),
        FormatArg::Gitlab => out.write_all(lint::ci::gitlab(&report).as_bytes()),
    }
    .and_then(|()| out.flush());
    let status = ExitCode::from(report.exit_status(fail_on));
    // The process ends here: freeing tens of thousands of findings one by one would only delay it.
    std::mem::forget(report);
    match written {
        Ok(()) => status,
        // A reader that stopped reading (`| head`) is not an error of the lint.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => status,
        Err(e) => usage_error(&format!("cannot write the report: {e}")),
    }
}

/// An organisation policy file, as `check`, `lint` and the extension's managed policy take it.
fn load_policy(path: &std::path::Path) -> Result<Policy, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let policy: Policy = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not a valid policy: {e}", path.display()))?;
    match policy.problems().first() {
        Some(problem) => Err(format!("{}: {problem}", path.display())),
        None => Ok(policy),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

fn error_json(e: &ParseError) -> serde_json::Value {
    json!({
        "kind": e.kind.code(),
        "message": e.message(),
        "start": e.start,
        "end": e.end,
        "suggestion": e.suggestion(),
    })
}

/// Prints the input with a caret line under the offending bytes.
fn print_error(input: &str, e: &ParseError) {
    eprintln!("error: {}", e.message());
    let start = input.get(..e.start).map_or(0, |s| s.chars().count());
    let width = input
        .get(e.start..e.end)
        .map_or(1, |s| s.chars().count().max(1));
    eprintln!("  {}", input.replace(['\n', '\r', '\t'], " "));
    eprintln!("  {}{}", " ".repeat(start), "^".repeat(width));
    if let Some(s) = e.suggestion() {
        eprintln!("did you mean “{s}”?");
    }
}

fn convert(input: &str, unit: UnitArg, as_json: bool) -> ExitCode {
    let unit = match unit {
        UnitArg::Milliseconds => Unit::Milliseconds,
        UnitArg::Seconds => Unit::Seconds,
        UnitArg::Minutes => Unit::Minutes,
        UnitArg::Days => Unit::Days,
    };
    match parse(input, unit) {
        Ok(value) => {
            if as_json {
                out!(
                    "{}",
                    json!({
                        "ok": true,
                        "value": value,
                        "unit": unit.name(),
                        "seconds": unit.to_seconds(value),
                        "human": format::words(value, unit),
                    })
                );
            } else {
                out!("{value}");
                out!("{}", format::equation(value, unit));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            if as_json {
                out!("{}", json!({ "ok": false, "error": error_json(&e) }));
            } else {
                print_error(input, &e);
            }
            ExitCode::from(1)
        }
    }
}

fn check(
    field_name: &str,
    input: &str,
    api_identifier: Option<String>,
    with: &[String],
    policy: Option<&std::path::Path>,
    as_json: bool,
) -> ExitCode {
    let Some(field) = catalog::field(field_name) else {
        return usage_error(&format!(
            "unknown field “{field_name}”; `lifetime-guard fields` lists them"
        ));
    };
    let mut ctx = Context {
        api_identifier,
        ..Context::default()
    };
    for pair in with {
        let Some((name, value)) = pair.split_once('=') else {
            return usage_error(&format!("--with takes FIELD=INPUT, got “{pair}”"));
        };
        let Some(other) = catalog::field(name.trim()) else {
            return usage_error(&format!("unknown field “{name}” in --with"));
        };
        ctx.siblings.insert(other.id.to_string(), value.to_string());
    }
    if let Some(path) = policy {
        match load_policy(path) {
            Ok(p) => ctx.policy = Some(p),
            Err(e) => return usage_error(&e),
        }
    }
    let verdict = check_field(field, input, &ctx);
    if as_json {
        out!("{}", verdict_json(&verdict));
    } else {
        print_verdict(input, &verdict);
    }
    if verdict.blocks_save {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn verdict_json(v: &Verdict) -> serde_json::Value {
    json!({
        "field": v.field,
        "level": v.level,
        "blocks_save": v.blocks_save,
        "value": v.value,
        "unit": v.unit.name(),
        "seconds": v.seconds,
        "human": v.human(),
        "messages": v.messages.iter().map(|m| json!({"code": m.code, "level": m.level, "text": m.text})).collect::<Vec<_>>(),
        "flows": v.flows.iter().map(|f| json!({"code": f.code(), "name": f.name()})).collect::<Vec<_>>(),
        "explanation": v.explanation,
        "error": v.error.as_ref().map(error_json),
    })
}

fn print_verdict(input: &str, v: &Verdict) {
    let status = match (v.level, v.blocks_save) {
        (_, true) => "BLOCKS SAVE",
        (Level::Warning, _) => "warning",
        _ => "ok",
    };
    match &v.equation() {
        Some(eq) => out!("{}: {eq} — {status}", v.field),
        None => out!("{}: {status}", v.field),
    }
    if let Some(e) = &v.error {
        print_error(input, e);
    }
    for m in v
        .messages
        .iter()
        .filter(|m| m.level != Level::Error || v.error.is_none())
    {
        let tag = match m.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info | Level::Ok => "note",
        };
        out!("  {tag} [{}]: {}", m.code, m.text);
    }
    out!("  {}", v.explanation);
    if !v.flows.is_empty() {
        out!(
            "  flows: {}",
            v.flows
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
}

fn fields(as_json: bool) -> ExitCode {
    if as_json {
        // The settable fields, where each page is, and the lifetimes nobody can change.
        let pages: serde_json::Map<String, serde_json::Value> = catalog::Page::ALL
            .iter()
            .map(|p| (p.code().to_string(), p.location().into()))
            .collect();
        let catalog =
            serde_json::json!({ "fields": FIELDS, "pages": pages, "fixed": catalog::FIXED });
        match serde_json::to_string_pretty(&catalog) {
            Ok(s) => out!("{s}"),
            Err(e) => return usage_error(&e.to_string()),
        }
        return ExitCode::SUCCESS;
    }
    for f in FIELDS {
        let max = f.max.map_or("none".to_string(), |m| {
            format!("{} ({})", format::group(m.value), m.kind.code())
        });
        out!(
            "{:<40} {:<12} default {:>10}  min {:>3} ({})  max {:>24}  labels: {}  — {}",
            f.id,
            f.unit.name(),
            f.default
                .map_or("none".to_string(), |d| format::group(d.value)),
            f.min.value,
            f.min.kind.code(),
            max,
            f.labels.join(" | "),
            f.page.location()
        );
    }
    out!("\nFixed by Auth0 (no setting changes them):");
    for f in catalog::FIXED {
        let words = crate::format::words(f.seconds, crate::unit::Unit::Seconds);
        let note = if f.note.is_empty() {
            String::new()
        } else {
            format!(", {}", f.note)
        };
        out!(
            "  {:<58} {:>9} s ({words}{note}) — {}: {}",
            f.name,
            format::group(f.seconds),
            f.kind.label(),
            f.source
        );
    }
    ExitCode::SUCCESS
}
