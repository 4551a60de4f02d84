//! Terraform's native syntax (`.tf`): the Auth0 provider's resources, read with their module's
//! scope (`hcl.rs`, `terraform_eval.rs`).

use crate::lint::entities::{Entity, Format, Read};
use crate::lint::hcl::{self, Scope};
use crate::lint::kinds;

/// The entities of a parsed `.tf` file, with the module's scope for `local.*` and `var.*`.
pub(in crate::lint) fn read(file: &hcl::HclFile, scope: &Scope) -> Read {
    let entities: Vec<Entity> = file
        .resources(scope)
        .into_iter()
        .filter_map(|r| {
            kinds::of_terraform_type(&r.kind).map(|kind| Entity {
                kind,
                name: format!("{}.{}", r.kind, r.name),
                node: r.node,
            })
        })
        .collect();
    Read {
        format: Some(Format::Terraform),
        entities,
        duplicates: Vec::new(),
    }
}
