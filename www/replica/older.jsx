// The older Dashboard generation, built from Auth0's public design system "Cosmos":
// labels "Token Expiration (Seconds)" / "Token Expiration For Browser Flows (Seconds)",
// hash routes (/older/#/apis/ID/settings), `<label for>` and `{id}-helper-text` help.
import React, { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Form, TextInput, PageHeader, Switch } from '@auth0/cosmos';
import { api, navigate, toPayload, useRoute, useSaving } from './routes.js';

/** What the older Dashboard shows under a form after saving. */
function SaveStatus({ status }) {
  return (
    <>
      {status?.ok && <p role="status" className="saved">Changes saved.</p>}
      {status?.error && <p role="alert" className="server-error">{status.error}</p>}
    </>
  );
}

function ApiSettings({ id }) {
  const [resource, setResource] = useState(null);
  const [life, setLife] = useState('');
  const [web, setWeb] = useState('');
  const saving = useSaving();
  useEffect(() => {
    api('GET', `/api/v2/resource-servers/${id}`).then((r) => {
      setResource(r);
      setLife(String(r.token_lifetime));
      setWeb(String(r.token_lifetime_for_web));
    });
  }, [id]);
  if (!resource) return <p>Loading…</p>;
  const save = () => saving.save('PATCH', `/api/v2/resource-servers/${id}`, { token_lifetime: toPayload(life), token_lifetime_for_web: toPayload(web) });
  return (
    <>
      <PageHeader title={resource.name} description={resource.identifier} />
      <Form onSubmit={(e) => { e.preventDefault(); save(); }}>
        <Form.Field label="Identifier" helpText="Set when the API was created; used as the audience.">
          <TextInput value={resource.identifier} readOnly />
        </Form.Field>
        <Form.Field label="Token Expiration (Seconds)" helpText="Expiration value (in seconds) for access tokens issued for this API from the Token Endpoint.">
          <TextInput value={life} onChange={(e) => { setLife(e.target.value); saving.clear(); }} />
        </Form.Field>
        <Form.Field label="Token Expiration For Browser Flows (Seconds)" helpText="Expiration value (in seconds) for access tokens issued for this API via Implicit or Hybrid Flows. Cannot be greater than the Token Expiration value.">
          <TextInput value={web} onChange={(e) => { setWeb(e.target.value); saving.clear(); }} />
        </Form.Field>
        <Form.Field label="Allow Offline Access">
          <Switch />
        </Form.Field>
        <Form.Actions primaryAction={{ label: 'Save', handler: save }} />
      </Form>
      <SaveStatus status={saving.status} />
    </>
  );
}

function ApplicationSettings({ id }) {
  const [form, setForm] = useState(null);
  const saving = useSaving();
  useEffect(() => {
    api('GET', `/api/v2/clients/${id}`).then((c) => {
      const rt = c.refresh_token;
      setForm({ name: c.name, jwt: String(c.jwt_configuration.lifetime_in_seconds), absolute_on: !rt.infinite_token_lifetime, absolute: String(rt.token_lifetime), idle_on: !rt.infinite_idle_token_lifetime, idle: String(rt.idle_token_lifetime), leeway: String(rt.leeway) });
    });
  }, [id]);
  if (!form) return <p>Loading…</p>;
  const set = (k) => (e) => { setForm({ ...form, [k]: e.target.value }); saving.clear(); };
  const save = () => {
    const refresh = { rotation_type: 'rotating', leeway: toPayload(form.leeway), infinite_token_lifetime: !form.absolute_on, infinite_idle_token_lifetime: !form.idle_on };
    if (form.absolute_on) refresh.token_lifetime = toPayload(form.absolute);
    if (form.idle_on) refresh.idle_token_lifetime = toPayload(form.idle);
    return saving.save('PATCH', `/api/v2/clients/${id}`, { jwt_configuration: { lifetime_in_seconds: toPayload(form.jwt) }, refresh_token: refresh });
  };
  return (
    <>
      <PageHeader title={form.name} description="Application settings" />
      <Form onSubmit={(e) => { e.preventDefault(); save(); }}>
        <Form.Field label="JWT Expiration (seconds)" helpText="The amount of time (in seconds) before the Auth0 id_token expires.">
          <TextInput value={form.jwt} onChange={set('jwt')} />
        </Form.Field>
        <Form.Field label="Reuse Interval" helpText="Seconds a rotated refresh token may still be exchanged.">
          <TextInput value={form.leeway} onChange={set('leeway')} />
        </Form.Field>
        <Form.Field label="Absolute Expiration">
          <Switch on={form.absolute_on} onToggle={(on) => setForm({ ...form, absolute_on: on })} accessibleLabels={['Absolute Expiration on', 'Absolute Expiration off']} />
        </Form.Field>
        <Form.Field label="Absolute Lifetime" helpText="Seconds after login at which refresh tokens expire.">
          <TextInput value={form.absolute} onChange={set('absolute')} readOnly={!form.absolute_on} />
        </Form.Field>
        <Form.Field label="Inactivity Expiration">
          <Switch on={form.idle_on} onToggle={(on) => setForm({ ...form, idle_on: on })} accessibleLabels={['Inactivity Expiration on', 'Inactivity Expiration off']} />
        </Form.Field>
        <Form.Field label="Inactivity Lifetime" helpText="Seconds a refresh token may go unused.">
          <TextInput value={form.idle} onChange={set('idle')} readOnly={!form.idle_on} />
        </Form.Field>
        <Form.Actions primaryAction={{ label: 'Save Changes', handler: save }} />
      </Form>
      <SaveStatus status={saving.status} />
    </>
  );
}

function TenantAdvanced() {
  const [form, setForm] = useState(null);
  const saving = useSaving();
  useEffect(() => {
    api('GET', '/api/v2/tenants/settings').then((s) => setForm({ idle: String(Math.round(s.idle_session_lifetime * 60)), max: String(Math.round(s.session_lifetime * 60)) }));
  }, []);
  if (!form) return <p>Loading…</p>;
  const hours = (v) => { const p = toPayload(v); return typeof p === 'number' ? p / 60 : p; };
  const save = () => saving.save('PATCH', '/api/v2/tenants/settings', { idle_session_lifetime: hours(form.idle), session_lifetime: hours(form.max) });
  return (
    <>
      <PageHeader title="Advanced" description="Login Session Management" />
      <Form onSubmit={(e) => { e.preventDefault(); save(); }}>
        <Form.Field label="Inactivity timeout" helpText="Timeout for inactive user sessions, in minutes.">
          <TextInput value={form.idle} onChange={(e) => { setForm({ ...form, idle: e.target.value }); saving.clear(); }} />
        </Form.Field>
        <Form.Field label="Require log in after" helpText="Duration of a session, in minutes.">
          <TextInput value={form.max} onChange={(e) => { setForm({ ...form, max: e.target.value }); saving.clear(); }} />
        </Form.Field>
        <Form.Actions primaryAction={{ label: 'Save Changes', handler: save }} />
      </Form>
      <SaveStatus status={saving.status} />
    </>
  );
}

function ApisList() {
  const [apis, setApis] = useState([]);
  useEffect(() => { api('GET', '/api/v2/resource-servers').then(setApis); }, []);
  return (
    <>
      <PageHeader title="APIs" />
      <ul>
        {apis.map((a) => (
          <li key={a.id}><a href={`#/apis/${a.id}/settings`} onClick={(e) => { e.preventDefault(); navigate(`#/apis/${a.id}/settings`); }}>{a.name}</a></li>
        ))}
      </ul>
    </>
  );
}

function App() {
  const route = useRoute();
  return (
    <main role="main" className="older-content">
      {route.page === 'api' && <ApiSettings key={route.id} id={route.id} />}
      {route.page === 'application' && <ApplicationSettings key={route.id} id={route.id} />}
      {route.page === 'tenant-advanced' && <TenantAdvanced />}
      {(route.page === 'apis' || route.page === 'applications') && <ApisList />}
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App />);
