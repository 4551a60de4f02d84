// What the real Management API accepts and rejects for the settings the replica edits, with
// its error wording: `Payload validation error: '<reason>' on property <prop> (<description>).`
// This is the test double of Auth0's server, not product code: the extension never sees it.

export function initialState() {
  return {
    'resource-servers': {
      '64f0c0ffee1d2a3b4c5d6e7f': { id: '64f0c0ffee1d2a3b4c5d6e7f', name: 'Payments API', identifier: 'https://payments.acme.example/', token_lifetime: 86400, token_lifetime_for_web: 7200, signing_alg: 'RS256' },
      '64f0c0ffee1d2a3b4c5d0mfa': { id: '64f0c0ffee1d2a3b4c5d0mfa', name: 'Auth0 MFA API', identifier: 'https://acme.us.auth0.com/mfa/', token_lifetime: 600, token_lifetime_for_web: 600, signing_alg: 'RS256' },
    },
    clients: {
      'Xq3v9ZtC0aWz1Yb2Nc4Md5Le6Kf7Jg8H': {
        client_id: 'Xq3v9ZtC0aWz1Yb2Nc4Md5Le6Kf7Jg8H', name: 'Acme Web Shop', app_type: 'spa',
        jwt_configuration: { lifetime_in_seconds: 36000, alg: 'RS256' },
        refresh_token: { rotation_type: 'rotating', expiration_type: 'expiring', leeway: 0, token_lifetime: 2592000, infinite_token_lifetime: false, idle_token_lifetime: 1296000, infinite_idle_token_lifetime: false },
      },
    },
    tenant: {
      settings: { idle_session_lifetime: 72, session_lifetime: 168, idle_ephemeral_session_lifetime: 24, ephemeral_session_lifetime: 72 },
    },
  };
}

const DESCRIPTIONS = {
  token_lifetime: 'Expiration value (in seconds) for access tokens issued for this API from the token endpoint.',
  token_lifetime_for_web: 'Expiration value (in seconds) for access tokens issued for this API via Implicit or Hybrid Flows. Cannot be greater than the `token_lifetime` value.',
  'jwt_configuration.lifetime_in_seconds': 'Number of seconds the JWT will be valid for (affects `exp` claim).',
  'refresh_token.token_lifetime': 'Period (in seconds) for which refresh tokens will remain valid',
  'refresh_token.idle_token_lifetime': 'Period (in seconds) for which refresh tokens will remain valid without use',
  'refresh_token.leeway': 'Period in seconds where the previous refresh token can be exchanged without triggering breach detection',
  idle_session_lifetime: 'Number of hours a session will stay valid.',
  session_lifetime: 'Number of hours for which a session will stay valid.',
  idle_ephemeral_session_lifetime: 'Number of hours a non-persistent session will stay valid.',
  ephemeral_session_lifetime: 'Number of hours for which a non-persistent session will stay valid.',
};

const LIMITS = {
  'resource-servers': { token_lifetime: [0, 2592000, 'integer'], token_lifetime_for_web: [0, 2592000, 'integer'] },
  clients: {
    'jwt_configuration.lifetime_in_seconds': [0, null, 'integer'],
    'refresh_token.token_lifetime': [1, 157788000, 'integer'],
    'refresh_token.idle_token_lifetime': [1, 157788000, 'integer'],
    'refresh_token.leeway': [0, null, 'integer'],
  },
  tenant: {
    idle_session_lifetime: [1, null, 'number'], session_lifetime: [1, null, 'number'],
    idle_ephemeral_session_lifetime: [1, null, 'number'], ephemeral_session_lifetime: [1, null, 'number'],
  },
};

const typeOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
const at = (obj, dotted) => dotted.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
const fail = (prop, reason) => `Payload validation error: '${reason}' on property ${prop} (${DESCRIPTIONS[prop] ?? prop}).`;

export function validate(kind, current, body) {
  for (const [prop, [min, max, type]] of Object.entries(LIMITS[kind] ?? {})) {
    const v = at(body, prop);
    if (v === undefined) continue;
    const t = typeOf(v);
    if (!(t === type || (type === 'number' && t === 'integer'))) return fail(prop, `Expected type ${type} but found type ${t}`);
    if (v < min) return fail(prop, `Value ${v} is less than minimum ${min}`);
    if (max !== null && v > max) return fail(prop, `Value ${v} is greater than maximum ${max}`);
  }
  if (kind === 'resource-servers') {
    const life = body.token_lifetime ?? current.token_lifetime;
    const web = body.token_lifetime_for_web ?? current.token_lifetime_for_web;
    if (web > life) return fail('token_lifetime_for_web', 'token_lifetime_for_web must be less than or equal to token_lifetime');
  }
  return null;
}
