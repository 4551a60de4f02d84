//! Every kind of entity `lint` reads, one row each: how a Management API object of that kind is
//! recognised, where a Deploy CLI export keeps it (a YAML key, a directory's folder and files),
//! which Terraform resource types hold it, and what an unnamed one is called. A new kind is a new
//! row (and the catalog rows of its lifetimes); the readers only walk this table.

use crate::catalog::Owner;

/// How a Deploy CLI YAML export holds a kind: its key, whether it holds a list of entities or
/// one, and what an entity without a `name` is called.
pub struct YamlKey {
    pub key: &'static str,
    pub list: bool,
    pub unnamed: &'static str,
}

/// Where a Deploy CLI directory export keeps a kind: a folder (`*` after a prefix: any folder
/// that starts so; empty: any folder) and its files (empty: every `.json` file but those
/// `except` names).
pub struct DeployCliFiles {
    pub folder: &'static str,
    pub files: &'static [&'static str],
    pub except: &'static [&'static str],
}

impl DeployCliFiles {
    pub fn holds(&self, parent: &str, file: &str) -> bool {
        let folder = match self.folder.strip_suffix('*') {
            Some(prefix) => parent.starts_with(prefix),
            None => self.folder.is_empty() || parent == self.folder,
        };
        let named = if self.files.is_empty() {
            file.ends_with(".json") && !self.except.contains(&file)
        } else {
            self.files.contains(&file)
        };
        folder && named
    }
}

/// The properties a Management API object of a kind has: all of `all`, and one of `any` at
/// least (when `any` is not empty).
pub struct ApiShape {
    pub all: &'static [&'static str],
    pub any: &'static [&'static str],
}

/// One kind of entity.
pub struct Kind {
    pub owner: Owner,
    pub api: ApiShape,
    pub yaml: &'static [YamlKey],
    pub directory: &'static [DeployCliFiles],
    pub terraform: &'static [&'static str],
    /// What a Management API object of the kind is called when it has no `name`.
    pub unnamed: &'static str,
}

const NONE: &[&str] = &[];

/// The kinds, in the order a Management API object is recognised: the first whose shape it has.
/// Request bodies with a `ttl_sec` come first (tickets and invitations also name a client), a
/// SCIM token (scopes and a lifetime, no identifier) after APIs.
pub const KINDS: &[Kind] = &[
    Kind {
        owner: Owner::Invitation,
        api: ApiShape {
            all: &["inviter", "invitee"],
            any: NONE,
        },
        yaml: &[],
        directory: &[],
        terraform: NONE,
        unnamed: "(unnamed)",
    },
    Kind {
        owner: Owner::SsoTicket,
        api: ApiShape {
            all: &["ttl_sec"],
            any: &[
                "connection_config",
                "enabled_clients",
                "enabled_organizations",
            ],
        },
        yaml: &[],
        directory: &[],
        terraform: NONE,
        unnamed: "(unnamed)",
    },
    Kind {
        owner: Owner::Ticket,
        api: ApiShape {
            all: &["ttl_sec"],
            any: &["user_id", "result_url", "email", "connection_id"],
        },
        yaml: &[],
        directory: &[],
        terraform: NONE,
        unnamed: "(unnamed)",
    },
    Kind {
        owner: Owner::EmailTemplate,
        api: ApiShape {
            all: &["template"],
            any: &["urlLifetimeInSeconds", "body", "syntax", "resultUrl"],
        },
        yaml: &[YamlKey {
            key: "emailTemplates",
            list: true,
            unnamed: "(unnamed template)",
        }],
        directory: &[DeployCliFiles {
            folder: "emails",
            files: NONE,
            except: &["provider.json"],
        }],
        terraform: &["auth0_email_template"],
        unnamed: "(unnamed)",
    },
    Kind {
        owner: Owner::Connection,
        api: ApiShape {
            all: &["strategy"],
            any: &["options", "enabled_clients", "name"],
        },
        yaml: &[YamlKey {
            key: "connections",
            list: true,
            unnamed: "(unnamed connection)",
        }],
        directory: &[DeployCliFiles {
            folder: "connections",
            files: NONE,
            except: NONE,
        }],
        terraform: &["auth0_connection"],
        unnamed: "(unnamed)",
    },
    Kind {
        owner: Owner::AttackProtection,
        api: ApiShape {
            all: &["stage"],
            any: &["shields", "allowlist", "enabled"],
        },
        yaml: &[YamlKey {
            key: "attackProtection",
            list: false,
            unnamed: "attack protection",
        }],
        directory: &[DeployCliFiles {
            folder: "attack-protection",
            files: &["suspicious-ip-throttling.json"],
            except: NONE,
        }],
        terraform: &["auth0_attack_protection"],
        unnamed: "(unnamed)",
    },
    Kind {
        owner: Owner::NewDevice,
        api: ApiShape {
            all: NONE,
            any: &["remember_for", "new_device"],
        },
        // `riskAssessment` holds `new_device` since the Deploy CLI merged the two.
        yaml: &[
            YamlKey {
                key: "riskAssessment",
                list: false,
                unnamed: "risk assessment",
            },
            YamlKey {
                key: "riskAssessmentsNewDevice",
                list: false,
                unnamed: "new device",
            },
        ],
        // `risk-assessments/new-device.json` before the Deploy CLI merged it into
        // `settings.json` (its folder's name is not pinned here: either spelling).
        directory: &[DeployCliFiles {
            folder: "risk-assessment*",
            files: &["new-device.json", "settings.json"],
            except: NONE,
        }],
        terraform: &[
            "auth0_risk_assessments_new_device",
            "auth0_risk_assessments_new_device_settings",
        ],
        unnamed: "(unnamed)",
    },
    Kind {
        owner: Owner::ResourceServer,
        api: ApiShape {
            all: &["identifier"],
            any: &[
                "token_lifetime",
                "signing_alg",
                "scopes",
                "token_lifetime_for_web",
            ],
        },
        yaml: &[YamlKey {
            key: "resourceServers",
            list: true,
            unnamed: "(unnamed API)",
        }],
        directory: &[DeployCliFiles {
            folder: "resource-servers",
            files: NONE,
            except: NONE,
        }],
        terraform: &["auth0_resource_server"],
        unnamed: "(unnamed)",
    },
    Kind {
        owner: Owner::ScimToken,
        api: ApiShape {
            all: &["token_lifetime", "scopes"],
            any: NONE,
        },
        yaml: &[],
        directory: &[],
        terraform: NONE,
        unnamed: "(unnamed)",
    },
    Kind {
        owner: Owner::Client,
        api: ApiShape {
            all: NONE,
            any: &[
                "client_id",
                "jwt_configuration",
                "refresh_token",
                "app_type",
            ],
        },
        yaml: &[YamlKey {
            key: "clients",
            list: true,
            unnamed: "(unnamed application)",
        }],
        directory: &[DeployCliFiles {
            folder: "clients",
            files: NONE,
            except: NONE,
        }],
        terraform: &["auth0_client"],
        unnamed: "(unnamed)",
    },
    Kind {
        owner: Owner::Tenant,
        api: ApiShape {
            all: NONE,
            any: &[
                "session_lifetime",
                "idle_session_lifetime",
                "ephemeral_session_lifetime",
                "idle_ephemeral_session_lifetime",
                "session_lifetime_in_minutes",
                "idle_session_lifetime_in_minutes",
                "friendly_name",
                "enabled_locales",
                "flags",
            ],
        },
        yaml: &[YamlKey {
            key: "tenant",
            list: false,
            unnamed: "tenant",
        }],
        directory: &[DeployCliFiles {
            folder: "",
            files: &["tenant.json"],
            except: NONE,
        }],
        terraform: &["auth0_tenant"],
        unnamed: "tenant",
    },
];

/// The kind of a Management API object, from the properties it has.
pub fn of_api_object(has: impl Fn(&str) -> bool) -> Option<&'static Kind> {
    KINDS.iter().find(|k| {
        k.api.all.iter().all(|p| has(p))
            && (k.api.any.is_empty() || k.api.any.iter().any(|p| has(p)))
    })
}

/// The kind a Terraform resource type holds.
pub fn of_terraform_type(resource_type: &str) -> Option<Owner> {
    KINDS
        .iter()
        .find(|k| k.terraform.contains(&resource_type))
        .map(|k| k.owner)
}

/// The kind a file of a Deploy CLI directory export holds, from its folder and name.
pub fn of_directory_file(parent: &str, file: &str) -> Option<Owner> {
    KINDS
        .iter()
        .find(|k| k.directory.iter().any(|d| d.holds(parent, file)))
        .map(|k| k.owner)
}

/// Every folder and file pattern of a Deploy CLI directory export.
pub fn directory_files() -> impl Iterator<Item = &'static DeployCliFiles> {
    KINDS.iter().flat_map(|k| k.directory.iter())
}

/// Every key of a Deploy CLI YAML export, with its kind.
pub fn yaml_keys() -> impl Iterator<Item = (Owner, &'static YamlKey)> {
    KINDS
        .iter()
        .flat_map(|k| k.yaml.iter().map(move |y| (k.owner, y)))
}
