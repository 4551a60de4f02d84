//! Walks the paths given, reads each file in its format (with keyword substitution), and checks
//! what it holds.

use super::check::{check_entity, Found, Options};
use super::config::{glob_match, FailOn};
use super::entities::{self, Format, Read};
use super::hcl::{self, Scope};
use super::keywords::{placeholders, substitute, Keywords, Substituted};
use super::syntax::{self, Syntax};
use crate::codes::Code;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One file looked at.
#[derive(Debug)]
pub struct FileReport {
    pub path: PathBuf,
    /// The file as written (positions refer to it).
    pub text: String,
    pub format: Option<Format>,
    /// Why it could not be read as its format, with the byte offset of the problem.
    pub error: Option<(String, usize)>,
    /// Why it was not read at all (it could not be opened, or holds binary data), and whether it
    /// was named on the command line (then it fails the run) or met while walking a directory
    /// (then it is only reported: an editor's lock file or a dangling link is no configuration).
    pub skipped: Option<Skipped>,
    /// What the file says twice or that is otherwise worth a warning: a key set twice in a
    /// mapping (the last value is the one checked).
    pub warnings: Vec<FileProblem>,
    /// The lifetimes in it, with spans in `text`.
    pub values: Vec<Found>,
}

/// A finding about a file itself rather than one of its values, at a byte offset of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub code: Code,
    pub message: String,
    pub at: usize,
}

/// A file that was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub why: String,
    /// Named on the command line, not met while walking a directory.
    pub named: bool,
}

/// Everything `lint` found.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<FileReport>,
}

impl Report {
    /// True when a file could not be read as its format, or a path named on the command line
    /// could not be read at all: nothing in it was checked, which a gate must not take for a
    /// finding.
    pub fn has_unreadable(&self) -> bool {
        self.files
            .iter()
            .any(|f| f.error.is_some() || f.skipped.as_ref().is_some_and(|s| s.named))
    }

    /// True when something reaches `fail_on`: an error, or with [`FailOn::Warning`] a warning
    /// too (a value not checked, a file skipped while walking, a key set twice).
    pub fn fails(&self, fail_on: FailOn) -> bool {
        let threshold = match fail_on {
            FailOn::Error => crate::verdict::Level::Error,
            FailOn::Warning => crate::verdict::Level::Warning,
        };
        self.has_errors()
            || (fail_on == FailOn::Warning
                && self
                    .files
                    .iter()
                    .any(|f| f.skipped.is_some() || !f.warnings.is_empty()))
            || self
                .files
                .iter()
                .any(|f| f.values.iter().any(|v| v.level >= threshold))
    }

    /// The command line's exit status: 2 when something could not be read (the caller's to fix,
    /// as a usage error is; the files that were read still get their findings), 1 when
    /// something reaches `fail_on`, else 0.
    pub fn exit_status(&self, fail_on: FailOn) -> u8 {
        if self.has_unreadable() {
            2
        } else if self.fails(fail_on) {
            1
        } else {
            0
        }
    }

    /// True when a value or a file is in error.
    pub fn has_errors(&self) -> bool {
        self.files.iter().any(|f| {
            f.error.is_some()
                || f.values
                    .iter()
                    .any(|v| v.level == crate::verdict::Level::Error)
        })
    }
}

const SKIP_DIRS: &[&str] = &[".git", "node_modules", ".terraform", "target"];

/// The files under `paths`, in a stable order, each with whether it was named (rather than met
/// while walking a directory); and the paths that could not be walked, with why. A directory is
/// walked; a file named is always read, whatever its extension. Nothing stops the walk.
pub fn collect(paths: &[PathBuf], ignored: &dyn Fn(&Path) -> bool) -> Walk {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let skipped = |why: String, named: bool| Skipped { why, named };
    for p in paths {
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                problems.push((p.clone(), skipped(io_why(&e), true)));
                continue;
            }
        };
        if !meta.is_dir() {
            match module_of_var_file(p) {
                // A variable file changes what its module computes: the module is linted (and
                // reads the file, as Terraform does) — what a pre-commit hook passes on a change.
                Some(module) => out.extend(module.into_iter().map(|f| (f, true))),
                None => out.push((p.clone(), true)),
            }
            continue;
        }
        let mut stack = vec![p.clone()];
        while let Some(dir) = stack.pop() {
            let entries = match std::fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) => {
                    problems.push((dir.clone(), skipped(io_why(&e), &dir == p)));
                    continue;
                }
            };
            for e in entries {
                let Ok(e) = e else { continue };
                let path = e.path();
                // The entry's own type: no second look at the file system per file.
                let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
                if is_dir {
                    let name = e.file_name();
                    if !SKIP_DIRS.iter().any(|s| name == *s) {
                        stack.push(path);
                    }
                } else if syntax::walked(&path) && !ignored(&path) {
                    out.push((path, false));
                }
            }
        }
    }
    // By the path's text: comparing paths component by component cost more than the walk.
    out.sort_unstable_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
    // A file named and also met in a directory named: once, as named.
    out.dedup_by(|b, a| {
        let same = a.0 == b.0;
        if same {
            a.1 |= b.1;
        }
        same
    });
    Walk {
        files: out,
        problems,
    }
}

/// The Terraform files of the module a variable definitions file (`*.tfvars`, `*.tfvars.json`)
/// belongs to: the `.tf` and `.tf.json` files beside it. `None` for any other file.
fn module_of_var_file(path: &Path) -> Option<Vec<PathBuf>> {
    if !syntax::is_var_file(path) {
        return None;
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && syntax::is_module_file(p))
        .collect();
    files.sort();
    Some(files)
}

/// What [`collect`] found.
pub struct Walk {
    /// The files to read, each with whether it was named on the command line.
    pub files: Vec<(PathBuf, bool)>,
    /// The paths that could not be walked, with why.
    pub problems: Vec<(PathBuf, Skipped)>,
}

/// Why the file system refused, in words.
fn io_why(e: &std::io::Error) -> String {
    let what = match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory (or a link to nothing)",
        std::io::ErrorKind::PermissionDenied => "permission denied",
        _ => return format!("cannot be read: {e}"),
    };
    format!("cannot be read: {what}")
}

/// The text of a file: without a byte-order mark (Terraform and the Deploy CLI accept one), and
/// invalid UTF-8 replaced. A file with NUL bytes is binary and is not read.
fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.contains(&0) {
        return Err("skipped: binary data, not a configuration file".into());
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

fn read_text(path: &Path, keywords: Option<&Keywords>) -> Result<(String, Substituted), String> {
    let bytes = std::fs::read(path).map_err(|e| io_why(&e))?;
    let text = decode(bytes)?;
    let substituted = substituted(&text, keywords);
    Ok((text, substituted))
}

/// The report of a file that was not read.
fn skipped_file(path: PathBuf, skipped: Skipped) -> FileReport {
    FileReport {
        path,
        text: String::new(),
        format: None,
        error: None,
        skipped: Some(skipped),
        warnings: Vec::new(),
        values: Vec::new(),
    }
}

/// The text with its keywords replaced, or as it is without mappings.
fn substituted(text: &str, keywords: Option<&Keywords>) -> Substituted {
    match keywords {
        Some(k) => substitute(text, k),
        None => Substituted::unchanged(),
    }
}

/// Lints the files under `paths`. Files are read and checked on the machine's cores; the `.tf`
/// files of a directory first, together, since they share a module's locals and variables.
pub fn lint(paths: &[PathBuf], keywords: Option<&Keywords>, options: &Options) -> Report {
    let base = std::fs::canonicalize(&options.ignore_base).ok();
    let ignored = |path: &Path| {
        if options.ignore_paths.is_empty() {
            return false;
        }
        // Relative to the config's folder, whichever way the path was given.
        let full = std::fs::canonicalize(path).ok();
        let relative = base
            .as_deref()
            .zip(full.as_deref())
            .and_then(|(b, f)| f.strip_prefix(b).ok())
            .unwrap_or(path);
        let text = relative.to_string_lossy().replace('\\', "/");
        options.ignore_paths.iter().any(|g| glob_match(g, &text))
    };
    let Walk { files, problems } = collect(paths, &ignored);
    let mut reports: Vec<FileReport> = problems
        .into_iter()
        .map(|(path, why)| skipped_file(path, why))
        .collect();
    let is_tf = |p: &Path| Syntax::of(p) == Syntax::Hcl;
    let modules = read_modules(&files, keywords, options, &mut reports);
    let empty = Scope::default();
    reports.extend(modules.files.into_iter().map(|(path, text, s, parsed)| {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let scope = modules.scopes.get(&dir).unwrap_or(&empty);
        check_file(path, text, &s, Some(parsed), scope, keywords, options)
    }));
    let others: Vec<(PathBuf, bool)> = files.into_iter().filter(|(p, _)| !is_tf(p)).collect();
    reports.extend(par_map(others, |(path, named)| {
        match read_text(&path, keywords) {
            Ok((text, s)) => check_file(path, text, &s, None, &empty, keywords, options),
            Err(why) => skipped_file(path, Skipped { why, named }),
        }
    }));
    if let Some((name, text)) = &options.stdin {
        reports.push(lint_text(name, text, keywords, options));
    }
    reports.sort_by(|a, b| a.path.as_os_str().cmp(b.path.as_os_str()));
    // A `--var-file` that cannot be read is reported once, not once per module.
    reports.dedup_by(|b, a| {
        a.path == b.path && a.values.is_empty() && b.values.is_empty() && a.skipped == b.skipped
    });
    Report { files: reports }
}

/// A `.tf` file read: its path, text, keyword substitutions and parse.
type TfFile = (
    PathBuf,
    String,
    Substituted,
    Result<hcl::HclFile, super::yaml::ReadError>,
);

/// The Terraform modules among the files: each `.tf` file read, and each module's scope.
struct Modules {
    files: Vec<TfFile>,
    scopes: BTreeMap<PathBuf, Scope>,
}

/// Reads the `.tf` files of `files` and gives each module its scope: its locals and variables
/// (those of a named file's siblings too), the values its variables are set to, and the inputs
/// a calling module of the repository gives. Files that cannot be read go to `reports`.
fn read_modules(
    files: &[(PathBuf, bool)],
    keywords: Option<&Keywords>,
    options: &Options,
    reports: &mut Vec<FileReport>,
) -> Modules {
    let is_tf = |p: &Path| Syntax::of(p) == Syntax::Hcl;
    let mut tf: Vec<TfFile> = Vec::new();
    let mut scopes: BTreeMap<PathBuf, Scope> = BTreeMap::new();
    let mut calls: Vec<(PathBuf, hcl::ModuleCall)> = Vec::new();
    for (path, named) in files.iter().filter(|(p, _)| is_tf(p)) {
        let (text, s) = match read_text(path, keywords) {
            Ok(read) => read,
            Err(why) => {
                let why = Skipped { why, named: *named };
                reports.push(skipped_file(path.clone(), why));
                continue;
            }
        };
        let parsed = hcl::parse(s.text(&text));
        if let Ok(f) = &parsed {
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
            f.collect_scope(scopes.entry(dir.clone()).or_default());
            calls.extend(f.module_calls().into_iter().map(|c| (dir.clone(), c)));
        }
        tf.push((path.clone(), text, s, parsed));
    }
    // A `.tf` file named alone is read with its module: the sibling files' locals and variables.
    for (path, _) in files.iter().filter(|(p, named)| *named && is_tf(p)) {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        for sibling in module_files(&dir, "tf") {
            if files.iter().any(|(f, _)| *f == sibling) {
                continue;
            }
            if let Ok((text, s)) = read_text(&sibling, keywords) {
                if let Ok(f) = hcl::parse(s.text(&text)) {
                    f.collect_scope(scopes.entry(dir.clone()).or_default());
                }
            }
        }
    }
    for (dir, scope) in &mut scopes {
        reports.extend(set_variables(dir, scope, options));
    }
    give_module_inputs(&calls, &mut scopes);
    Modules { files: tf, scopes }
}

/// A module of the repository called by one module block gets the inputs that block gives, as
/// its variables (evaluated in the caller's scope, callers nearer the root first: a chain of
/// modules passes values down). A module called by several blocks gets none: each call would be
/// another instance, with other values.
fn give_module_inputs(calls: &[(PathBuf, hcl::ModuleCall)], scopes: &mut BTreeMap<PathBuf, Scope>) {
    let target = |(dir, call): &(PathBuf, hcl::ModuleCall)| lexical(&dir.join(&call.source));
    let mut ordered: Vec<&(PathBuf, hcl::ModuleCall)> = calls.iter().collect();
    ordered.sort_by_key(|(dir, _)| dir.components().count());
    for call in ordered {
        let child = target(call);
        let callers = calls.iter().filter(|c| target(c) == child).count();
        let (dir, module) = call;
        if callers != 1 || child == *dir || !scopes.contains_key(&child) {
            continue;
        }
        let Some(caller) = scopes.get(dir) else {
            continue;
        };
        let inputs = module.inputs(caller);
        let origin = format!("module \"{}\" in {}", module.name, dir.join("").display());
        if let Some(scope) = scopes.get_mut(&child) {
            // An input only apply knows passes its reason down.
            for (name, value) in inputs {
                scope.set_var(&name, value, origin.clone());
            }
        }
    }
}

/// `path` without `.` and with `dir/..` folded, as a module source is written (`./modules/x`).
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// The files of the module directory `dir` whose name ends with `.{ext}`, in name order.
fn module_files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && path_ext(p) == Some(ext))
        .collect();
    out.sort();
    out
}

/// Gives the module in `dir` its variables' values as Terraform does, later sources winning:
/// `TF_VAR_name` from the environment, `terraform.tfvars`, `*.auto.tfvars` in name order, then
/// the command line's `--var-file`s and `--var`s. A variables file that cannot be read or
/// parsed is reported like any file.
fn set_variables(dir: &Path, scope: &mut Scope, options: &Options) -> Vec<FileReport> {
    let mut problems = Vec::new();
    for (key, value) in std::env::vars() {
        if let Some(name) = key.strip_prefix("TF_VAR_") {
            scope.set_var(
                name,
                hcl::cli_value(&value),
                format!("the environment's {key}"),
            );
        }
    }
    let mut files: Vec<(PathBuf, bool)> = Vec::new();
    let tfvars = dir.join("terraform.tfvars");
    if tfvars.is_file() {
        files.push((tfvars, false));
    }
    files.extend(
        module_files(dir, "tfvars")
            .into_iter()
            .filter(|p| p.to_string_lossy().ends_with(".auto.tfvars"))
            .map(|p| (p, false)),
    );
    files.extend(options.var_files.iter().map(|p| (p.clone(), true)));
    for (path, named) in files {
        let shown = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let text = match std::fs::read(&path)
            .map_err(|e| io_why(&e))
            .and_then(decode)
        {
            Ok(text) => text,
            Err(why) => {
                problems.push(skipped_file(path, Skipped { why, named }));
                continue;
            }
        };
        if let Err(e) = scope.set_vars_from(&shown, &text) {
            let at = crate::text::floor_boundary(&text, e.at);
            problems.push(FileReport {
                path,
                format: None,
                error: Some((format!("cannot be read: {}", e.message), at)),
                skipped: None,
                warnings: Vec::new(),
                values: Vec::new(),
                text,
            });
        }
    }
    for (name, value) in &options.vars {
        scope.set_var(name, hcl::cli_value(value), format!("--var {name}"));
    }
    problems
}

/// `items.map(f)`, in order, on the machine's cores when there are enough items to be worth
/// it (a directory export of 12,000 files, a file of 12,000 entities); one thread on wasm32.
fn par_map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        // Asked once: on Linux the answer reads cgroup files, four system calls a time.
        static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
        let threads = if items.len() >= 256 {
            *THREADS
                .get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(4)))
        } else {
            1
        };
        if threads > 1 {
            let per = items.len().div_ceil(threads);
            let mut chunks: Vec<Vec<T>> = Vec::with_capacity(threads);
            let mut it = items.into_iter();
            loop {
                let chunk: Vec<T> = it.by_ref().take(per).collect();
                if chunk.is_empty() {
                    break;
                }
                chunks.push(chunk);
            }
            let f = &f;
            return std::thread::scope(|scope| {
                let handles: Vec<_> = chunks
                    .into_iter()
                    .map(|chunk| scope.spawn(move || chunk.into_iter().map(f).collect::<Vec<R>>()))
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            });
        }
    }
    items.into_iter().map(f).collect()
}

/// Lints one text as if it were the file at `path` (no file system: for tests and fuzzing).
/// A `.tf` file gets only its own locals and variables.
pub fn lint_text(
    path: &Path,
    text: &str,
    keywords: Option<&Keywords>,
    options: &Options,
) -> FileReport {
    // A byte-order mark is not part of the text (see `decode`).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let s = substituted(text, keywords);
    let mut scope = Scope::default();
    let parsed = (Syntax::of(path) == Syntax::Hcl).then(|| {
        let parsed = hcl::parse(s.text(text));
        if let Ok(f) = &parsed {
            f.collect_scope(&mut scope);
        }
        parsed
    });
    check_file(
        path.to_path_buf(),
        text.to_string(),
        &s,
        parsed,
        &scope,
        keywords,
        options,
    )
}

/// The file warnings of keys set twice in one mapping.
fn duplicate_warnings(
    duplicates: &[super::yaml::Duplicate],
    path: &Path,
    s: &Substituted,
) -> Vec<FileProblem> {
    let yaml = Syntax::of(path) == Syntax::Yaml;
    duplicates
        .iter()
        .map(|d| {
            let also = if yaml {
                " (js-yaml, the Deploy CLI's reader, refuses a file that does this)"
            } else {
                ""
            };
            FileProblem {
                code: Code::DuplicateKey,
                message: format!("“{}” is set more than once in this mapping: only the last value counts, and it is the one checked{also}.", d.key),
                at: s.original(d.at),
            }
        })
        .collect()
}

/// The findings of a file in line order: those checked while reading (`checked`), and the rest.
fn in_order(mut checked: Vec<Found>, rest: Vec<Vec<Found>>, format: Format) -> Vec<Found> {
    if format == Format::DeployCliYaml {
        // In the file's order: the few entities not handed over while reading (the tenant) go
        // where they stand among those that were.
        for found in rest.into_iter().flatten() {
            let at = checked.partition_point(|f| f.span.start <= found.span.start);
            checked.insert(at, found);
        }
    } else {
        checked.extend(rest.into_iter().flatten());
    }
    // In line order, whichever order the entities and their fields were read in.
    checked.sort_by_key(|f| f.span.start);
    checked
}

/// An entity as the reader gave it, in the file as written: its spans mapped from the text
/// read (keywords substituted) to the text as written, once, and its placeholders marked.
fn as_written(entity: &mut entities::Entity, s: &Substituted, text: &str) {
    entity.node.map_spans(&|span| s.span(span));
    entity
        .node
        .mark_placeholders(text, &super::check::placeholder_in_line);
}

/// Each value's text as the file writes it, placeholder and all.
fn raw_as_written(values: &mut [Found], text: &str) {
    for found in values {
        if let Some(raw) = text.get(found.span.clone()) {
            found.raw = raw.to_string();
        }
    }
}

/// Reads one file (already substituted into `s`; `parsed` for a `.tf`) and checks it.
fn check_file(
    path: PathBuf,
    text: String,
    s: &Substituted,
    parsed: Option<Result<hcl::HclFile, super::yaml::ReadError>>,
    scope: &Scope,
    keywords: Option<&Keywords>,
    options: &Options,
) -> FileReport {
    // The APIs and applications of a Deploy CLI YAML file, and the items of a Management API
    // answer, are checked as the reader completes them, so the file is never held whole as a
    // tree. Natively, room for a value every 64 bytes is reserved rather than grown: growing by
    // doubling would copy and touch twice the memory (the bench export has a value every 98
    // bytes), and room never touched costs nothing. A WebAssembly memory is committed as it
    // grows, so there the list grows as it needs.
    let room = if cfg!(target_arch = "wasm32") {
        0
    } else {
        text.len() / 64
    };
    let mut checked: Vec<Found> = Vec::with_capacity(room);
    let substituted = s.text(&text);
    let read: Result<Read, super::yaml::ReadError> = match parsed {
        Some(Ok(f)) => Ok(super::formats::terraform::read(&f, scope)),
        Some(Err(e)) => Err(e),
        None => entities::read_data(&path, substituted, &mut |mut entity, format| {
            as_written(&mut entity, s, &text);
            checked.extend(check_entity(&entity, format, options))
        }),
    };
    let mut file = FileReport {
        path,
        text: String::new(),
        format: None,
        error: None,
        skipped: None,
        warnings: Vec::new(),
        values: Vec::new(),
    };
    match read {
        Ok(read) => {
            file.format = read.format;
            file.warnings = duplicate_warnings(&read.duplicates, &file.path, s);
            if let Some(format) = read.format {
                let rest = par_map(read.entities, |mut entity| {
                    as_written(&mut entity, s, &text);
                    check_entity(&entity, format, options)
                });
                file.values = in_order(checked, rest, format);
                raw_as_written(&mut file.values, &text);
                suppress(&mut file.values, &text, format, options);
            }
        }
        Err(e) => {
            let at = crate::text::floor_boundary(&text, s.original(e.at));
            file.error = Some((explain_read_error(&text, at, &e.message, keywords), at));
        }
    }
    file.text = text;
    file
}

/// Leaves out the findings the config ignores, and those a comment suppresses: on the value's
/// line or the line above, `# lifetime-guard-ignore: CODE[,CODE] REASON` (`//` in HCL too). A
/// comment without a reason suppresses nothing and says so.
fn suppress(values: &mut [Found], text: &str, format: Format, options: &Options) {
    if !options.ignore_codes.is_empty() {
        for v in values.iter_mut() {
            v.suppress(
                |m| options.ignore_codes.contains(&m.code),
                "ignored by the settings file (ignore_codes)",
                true,
            );
        }
    }
    // JSON has no comments; YAML and HCL do.
    let comments = matches!(format, Format::DeployCliYaml | Format::Terraform)
        && crate::text::find(text, "lifetime-guard-ignore").is_some();
    if !comments {
        return;
    }
    for v in values.iter_mut() {
        let own = line_around(text, v.span.start);
        let above = (own.start > 0).then(|| &text[line_around(text, own.start - 1)]);
        let line = &text[v.span.end.clamp(own.start, own.end)..own.end];
        let Some(directive) = ignore_directive(line).or_else(|| {
            above
                .filter(|l| l.trim_start().starts_with(['#', '/']))
                .and_then(ignore_directive)
        }) else {
            continue;
        };
        match directive {
            Ok((codes, reason)) => {
                v.suppress(
                    |m| codes.iter().any(|c| *c == m.code.name()),
                    &reason,
                    false,
                );
            }
            Err(why) => {
                v.messages.push(super::check::Said {
                    code: Code::SuppressionWithoutReason,
                    level: crate::verdict::Level::Warning,
                    text: why,
                });
                v.settle();
            }
        }
    }
}

/// `lifetime-guard-ignore: CODE[,CODE] REASON` in a comment of `line`: the codes and the reason,
/// or why the directive is refused.
fn ignore_directive(line: &str) -> Option<Result<(Vec<String>, String), String>> {
    let comment = line.find(['#']).or_else(|| crate::text::find(line, "//"))?;
    let rest = line[comment..].trim_start_matches(['#', '/', ' ']);
    let rest = rest.strip_prefix("lifetime-guard-ignore:")?.trim();
    let (codes, reason) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let codes: Vec<String> = codes
        .split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    let reason = reason.trim().to_string();
    Some(if codes.is_empty() || reason.is_empty() {
        Err("a lifetime-guard-ignore comment needs the codes it ignores and a reason (# lifetime-guard-ignore: above_plan_limit we are on Enterprise); nothing is suppressed".into())
    } else {
        Ok((codes, reason))
    })
}

/// The byte range of the line that holds `at` (a character boundary), without its `\n`.
fn line_around(text: &str, at: usize) -> std::ops::Range<usize> {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |p| p + 1);
    let end = text[at..].find('\n').map_or(text.len(), |p| at + p);
    start..end
}

/// A file name's extension, when it is text.
fn path_ext(path: &Path) -> Option<&str> {
    path.extension().and_then(|e| e.to_str())
}

/// A read error, named after the placeholder that causes it when there is one (an unquoted
/// `@@KEY@@` is a YAML syntax error until the Deploy CLI replaces it): with keyword mappings,
/// the first placeholder near the error that has no value in them, else the first in the file.
fn explain_read_error(text: &str, at: usize, message: &str, keywords: Option<&Keywords>) -> String {
    let own = line_around(text, at);
    // The problem may be reported at the start of the next line.
    let prev_start = line_around(text, own.start.saturating_sub(1)).start;
    let line_end = own.end;
    let unset =
        |(_, p): &(usize, String)| keywords.is_none_or(|k| !k.0.contains_key(&p[2..p.len() - 2]));
    let near = placeholders(&text[prev_start..line_end])
        .into_iter()
        .map(|(off, p)| (prev_start + off, p))
        .find(unset);
    let culprit = match (near, keywords) {
        (Some(found), _) => Some(found),
        (None, Some(_)) => placeholders(text).into_iter().find(unset),
        (None, None) => None,
    };
    match culprit {
        Some((off, p)) => {
            let line = text[..off].matches('\n').count() + 1;
            if keywords.is_some() {
                format!("cannot be read: the placeholder {p} on line {line} has no value in the keyword mappings ({message})")
            } else {
                format!("cannot be read before the placeholder {p} on line {line} is replaced: pass --keywords with the Deploy CLI's config.json ({message})")
            }
        }
        None => format!("cannot be read: {message}"),
    }
}
