//! The OAuth flows a lifetime can govern, with the sentence an admin needs about each.

use serde::Serialize;

/// An OAuth 2.0 / OIDC flow that issues tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flow {
    AuthorizationCode,
    AuthorizationCodePkce,
    ClientCredentials,
    RefreshToken,
    ResourceOwnerPassword,
    DeviceCode,
    Implicit,
    Hybrid,
}

impl Flow {
    /// The flow's name as admins know it.
    pub const fn name(self) -> &'static str {
        match self {
            Flow::AuthorizationCode => "Authorization Code",
            Flow::AuthorizationCodePkce => "Authorization Code with PKCE (including browser SDKs such as auth0-spa-js and auth0-react)",
            Flow::ClientCredentials => "Client Credentials",
            Flow::RefreshToken => "Refresh Token",
            Flow::ResourceOwnerPassword => "Resource Owner Password",
            Flow::DeviceCode => "Device Authorization",
            Flow::Implicit => "Implicit",
            Flow::Hybrid => "Hybrid",
        }
    }

    /// A short name for compact lists.
    pub const fn short_name(self) -> &'static str {
        match self {
            Flow::AuthorizationCode => "Authorization Code",
            Flow::AuthorizationCodePkce => "Authorization Code + PKCE (browser SDKs too)",
            Flow::ClientCredentials => "Client Credentials",
            Flow::RefreshToken => "Refresh Token",
            Flow::ResourceOwnerPassword => "Password",
            Flow::DeviceCode => "Device Code",
            Flow::Implicit => "Implicit",
            Flow::Hybrid => "Hybrid",
        }
    }

    /// The stable snake_case identifier.
    pub const fn code(self) -> &'static str {
        match self {
            Flow::AuthorizationCode => "authorization_code",
            Flow::AuthorizationCodePkce => "authorization_code_pkce",
            Flow::ClientCredentials => "client_credentials",
            Flow::RefreshToken => "refresh_token",
            Flow::ResourceOwnerPassword => "resource_owner_password",
            Flow::DeviceCode => "device_code",
            Flow::Implicit => "implicit",
            Flow::Hybrid => "hybrid",
        }
    }
}

/// Flows whose access tokens come from the `/oauth/token` endpoint.
pub const TOKEN_ENDPOINT_FLOWS: &[Flow] = &[
    Flow::AuthorizationCode,
    Flow::AuthorizationCodePkce,
    Flow::ClientCredentials,
    Flow::RefreshToken,
    Flow::ResourceOwnerPassword,
    Flow::DeviceCode,
];

/// Flows whose access tokens come straight from `/authorize`.
pub const AUTHORIZE_ENDPOINT_FLOWS: &[Flow] = &[Flow::Implicit, Flow::Hybrid];

/// Flows that issue refresh tokens (docs, “Configure Refresh Token Expiration”).
pub const REFRESH_TOKEN_FLOWS: &[Flow] = &[
    Flow::AuthorizationCode,
    Flow::AuthorizationCodePkce,
    Flow::DeviceCode,
    Flow::ResourceOwnerPassword,
];
