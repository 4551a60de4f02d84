//! What a file is written in, from its name, decided here once: the walk, the module grouping
//! and the readers ask this. What a data file holds (a Deploy CLI export, a plan, an API answer)
//! is decided from its content by the reader (`entities::read_data`).

use std::path::Path;

/// The syntax of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// `.tf`: Terraform's native syntax, read with its module's other `.tf` files.
    Hcl,
    /// `.tf.json`: Terraform's JSON syntax (as CDKTF writes it).
    TerraformJson,
    /// `.json` and `.tfstate`: Management API answers and bodies, Deploy CLI directory files,
    /// `terraform show -json`, states.
    Json,
    /// `.yaml`, `.yml`, and a file named on the command line whatever its name.
    Yaml,
}

fn name(path: &Path) -> &str {
    path.file_name().and_then(|n| n.to_str()).unwrap_or("")
}

impl Syntax {
    pub fn of(path: &Path) -> Syntax {
        let name = name(path);
        if name.ends_with(".tf.json") {
            Syntax::TerraformJson
        } else if name.ends_with(".tf") {
            Syntax::Hcl
        } else if name.ends_with(".json") || name.ends_with(".tfstate") {
            Syntax::Json
        } else {
            Syntax::Yaml
        }
    }
}

/// Read when met while walking a directory (a file named on the command line is always read).
pub fn walked(path: &Path) -> bool {
    let name = name(path);
    [".yaml", ".yml", ".json", ".tf", ".tfstate"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// A Terraform variable definitions file (`.tfvars`, `.tfvars.json`): named alone, its module is
/// linted, reading it as Terraform does.
pub fn is_var_file(path: &Path) -> bool {
    let name = name(path);
    name.ends_with(".tfvars") || name.ends_with(".tfvars.json")
}

/// A file of a Terraform module (what a variable definitions file changes).
pub fn is_module_file(path: &Path) -> bool {
    matches!(Syntax::of(path), Syntax::Hcl | Syntax::TerraformJson)
}
