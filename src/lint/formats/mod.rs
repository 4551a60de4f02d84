//! One module per format's extraction: each turns what a reader read into the entities it holds
//! (`entities::read_data` decides which, once). A new format is a new module here.

pub mod deploy_cli;
pub mod management_api;
pub mod plan_state;
pub mod terraform;
pub mod terraform_json;
