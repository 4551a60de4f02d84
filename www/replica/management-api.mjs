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
    'email-templates': {
      verify_email: { template: 'verify_email', enabled: true, from: 'no-reply@acme.example', subject: 'Verify your email', resultUrl: 'https://acme.example/verified', urlLifetimeInSeconds: 432000, syntax: 'liquid', body: '<p>Verify {{ email }}</p>' },
      reset_email: { template: 'reset_email', enabled: true, from: 'no-reply@acme.example', subject: 'Reset your password', resultUrl: 'https://acme.example/', urlLifetimeInSeconds: 432000, syntax: 'liquid', body: '<p>Reset</p>' },
    },
    connections: {
      con_email: { id: 'con_email', name: 'email', strategy: 'email', options: { email: { from: '{{ application.name }} <root@auth0.com>', subject: 'Welcome to {{ application.name }}', body: '<p>Your code: {{ code }}</p>' }, totp: { time_step: 180, length: 6 }, disable_signup: false } },
      con_sms: { id: 'con_sms', name: 'sms', strategy: 'sms', options: { template: 'Your verification code is: @@password@@', totp: { time_step: 300, length: 6 }, disable_signup: false } },
      con_okta: { id: 'con_okta', name: 'okta-workforce', strategy: 'okta', options: {}, scim_tokens: [] },
    },
    'attack-protection': {
      'suspicious-ip-throttling': { enabled: true, shields: ['block'], allowlist: [], stage: { 'pre-login': { max_attempts: 100, rate: 864000 }, 'pre-user-registration': { max_attempts: 50, rate: 1728000 } } },
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

const MORE_DESCRIPTIONS = {
  urlLifetimeInSeconds: 'Lifetime in seconds that the link within the email will be valid for.',
  'options.totp.time_step': 'Seconds a one-time password is valid for.',
  token_lifetime_scim: 'Lifetime of the token in seconds. Must be greater than 900',
  'stage.pre-login.rate': 'Interval of time, given in milliseconds, at which new attempts are granted.',
  'stage.pre-user-registration.rate': 'Interval of time, given in milliseconds, at which new attempts are granted.',
};
Object.assign(DESCRIPTIONS, MORE_DESCRIPTIONS);

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
  'email-templates': { urlLifetimeInSeconds: [0, null, 'integer'] },
  connections: { 'options.totp.time_step': [60, null, 'integer'], 'options.totp.length': [4, 40, 'integer'] },
  'scim-tokens': { token_lifetime: [900, null, 'integer'] },
  'attack-protection': { 'stage.pre-login.rate': [34560, 86400000, 'integer'], 'stage.pre-user-registration.rate': [1200, 86400000, 'integer'] },
};

const typeOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
const at = (obj, dotted) => dotted.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
const fail = (prop, reason) => `Payload validation error: '${reason}' on property ${prop} (${DESCRIPTIONS[prop] ?? prop}).`;

export function validate(kind, current, body) {
  for (const [prop, [min, max, type]] of Object.entries(LIMITS[kind] ?? {})) {
    const v = at(body, prop);
    // A SCIM token without a lifetime never expires.
    if (v === undefined || (v === null && kind === 'scim-tokens')) continue;
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

/** The tenant's Management API audience: what the API Explorer's test token is for. */
export const MANAGEMENT_AUDIENCE = 'https://acme.us.auth0.com/api/v2/';

const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The token endpoint's client-credentials answer: a JWT whose lifetime is the API's
 * `token_lifetime`, or for the Management API the `expires_in` asked for (the API Explorer's
 * Update & Regenerate Token; 86,400 s when none is given, as Auth0 documents). Its signature is
 * not a real one: nothing here verifies it.
 */
export function issueToken(state, body, now = Math.floor(Date.now() / 1000)) {
  const refuse = (description) => ({ status: 400, error: { error: 'invalid_request', error_description: description } });
  if (!body || typeof body !== 'object') return refuse('Invalid JSON');
  const { audience, expires_in: asked } = body;
  let lifetime;
  if (audience === MANAGEMENT_AUDIENCE) {
    if (asked !== undefined && !(Number.isInteger(asked) && asked > 0)) return refuse('expires_in must be a positive whole number of seconds');
    lifetime = asked ?? 86400;
  } else {
    const api = Object.values(state['resource-servers']).find((r) => r.identifier === audience);
    if (!api) return refuse(`Service not found: ${audience}`);
    lifetime = api.token_lifetime;
  }
  const header = { alg: 'RS256', typ: 'JWT', kid: 'replica-key-1' };
  const payload = { iss: 'https://acme.us.auth0.com/', sub: 'Xq3v9ZtC0aWz1Yb2Nc4Md5Le6Kf7Jg8H@clients', aud: audience, iat: now, exp: now + lifetime, scope: 'read:users update:users', gty: 'client-credentials', azp: 'Xq3v9ZtC0aWz1Yb2Nc4Md5Le6Kf7Jg8H' };
  const signature = Buffer.from('replica signature, not verified').toString('base64url');
  return { status: 200, body: { access_token: `${b64url(header)}.${b64url(payload)}.${signature}`, token_type: 'Bearer', expires_in: lifetime } };
}
