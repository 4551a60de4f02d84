//! `lifetime-guard lint`: every lifetime of the catalog in tenant configuration files (Deploy CLI
//! YAML and directories, Terraform HCL, plan and state JSON, Management API responses), checked
//! by the same rules as the Dashboard and `check`, before they are deployed.

pub mod check;
#[cfg(not(target_arch = "wasm32"))]
pub mod ci;
pub mod config;
pub mod entities;
pub mod formats;
pub mod hcl;
pub mod json_events;
pub mod keywords;
pub mod kinds;
pub mod map;
pub mod output;
pub mod run;
pub mod syntax;
pub mod terraform_eval;
pub mod tree;
pub mod yaml;

pub use check::{Options, Plan};
pub use keywords::Keywords;
pub use run::{lint, Report};
