//! Running commands and finding things.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The SHA-256 of a file, in lowercase hex (as `sha256sum` prints it).
pub fn sha256_hex(path: &Path) -> Result<String, String> {
    use sha2::{Digest, Sha256};
    use std::fmt::Write as _;
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Sha256::digest(&bytes)
        .iter()
        .fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        }))
}

/// A tool installed by npm into `node_modules/.bin`.
pub fn npm_bin(name: &str) -> PathBuf {
    root().join("node_modules/.bin").join(name)
}

/// A command with a printable description.
pub struct Cmd {
    inner: Command,
    shown: String,
}

impl Cmd {
    pub fn new(program: impl AsRef<OsStr>) -> Cmd {
        let shown = program.as_ref().to_string_lossy().into_owned();
        let shown = shown.rsplit('/').next().unwrap_or(&shown).to_string();
        Cmd {
            inner: Command::new(program),
            shown,
        }
    }
    pub fn arg(mut self, a: impl AsRef<OsStr>) -> Cmd {
        let s = a.as_ref().to_string_lossy().into_owned();
        self.shown.push(' ');
        self.shown.push_str(&s);
        self.inner.arg(a);
        self
    }
    pub fn args<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(mut self, args: I) -> Cmd {
        for a in args {
            self = self.arg(a);
        }
        self
    }
    pub fn cwd(mut self, dir: &Path) -> Cmd {
        self.inner.current_dir(dir);
        self
    }
    pub fn env(mut self, k: &str, v: impl AsRef<OsStr>) -> Cmd {
        self.inner.env(k, v);
        self
    }
}

/// Runs a command, failing with its description when it fails.
pub fn run(mut cmd: Cmd) -> Result<(), String> {
    eprintln!("\x1b[2m$ {}\x1b[0m", cmd.shown);
    let status = cmd
        .inner
        .status()
        .map_err(|e| format!("{}: {e}", cmd.shown))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", cmd.shown))
    }
}

/// Runs a command and returns its standard output, failing with its description.
pub fn capture(mut cmd: Cmd) -> Result<String, String> {
    let out = cmd
        .inner
        .output()
        .map_err(|e| format!("{}: {e}", cmd.shown))?;
    if !out.status.success() {
        return Err(format!(
            "`{}` failed: {}",
            cmd.shown,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| e.to_string())
}

/// Runs a command and returns its standard output, or `None` when it cannot run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// True when `program` is on PATH.
pub fn have(program: &str) -> bool {
    output("sh", &["-c", &format!("command -v {program}")]).is_some()
}

/// Copies a directory tree.
pub fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        let dest = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &dest)?;
        } else {
            std::fs::copy(&path, &dest).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}
