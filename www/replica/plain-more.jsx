// The plain-HTML generation's Application settings and tenant Advanced settings.
import React, { useEffect, useState } from 'react';
import { api, clientBody, clientForm, toPayload, useSaving } from './routes.js';
import { SaveBar, TextField, Toggle } from './plain.jsx';

export function ApplicationPage({ id }) {
  const [app, setApp] = useState(null);
  const [form, setForm] = useState(null);
  const saving = useSaving();
  useEffect(() => {
    api('GET', `/api/v2/clients/${id}`).then((c) => {
      setApp(c);
      setForm(clientForm(c));
    });
  }, [id]);
  if (!form) return <p className="loading">Loading…</p>;
  const set = (k) => (v) => { setForm({ ...form, [k]: v }); saving.clear(); };
  const status = saving.status;
  const save = (e) => {
    e.preventDefault();
    saving.save('PATCH', `/api/v2/clients/${id}`, clientBody(form, toPayload));
  };
  return (
    <>
      <h1>{app.name}</h1>
      <p className="subtitle">Single Page Application · Client ID <code>{app.client_id}</code></p>
      <form className="settings" onSubmit={save} noValidate>
        <section>
          <h2>Basic Information</h2>
          <TextField label="Name" required value={form.name} onChange={set('name')} />
        </section>
        <section>
          <h2>ID Token</h2>
          <TextField label="ID Token Expiration" value={form.id_token} onChange={set('id_token')} help="Lifetime in seconds of the ID tokens issued to this application." />
        </section>
        <section>
          <h2>Refresh Token Rotation</h2>
          <Toggle label="Allow Refresh Token Rotation" checked={form.rotation} onChange={set('rotation')} />
          {form.rotation && <TextField label="Rotation Overlap Period" value={form.leeway} onChange={set('leeway')} help="Seconds during which a rotated refresh token may still be exchanged." />}
        </section>
        <section>
          <h2>Refresh Token Expiration</h2>
          <Toggle label="Set Idle Refresh Token Lifetime" checked={form.set_idle} onChange={set('set_idle')} />
          <TextField label="Idle Refresh Token Lifetime" value={form.idle} onChange={set('idle')} readOnly={!form.set_idle} help="Seconds a refresh token may go unused before it expires." />
          <Toggle label="Set Maximum Refresh Token Lifetime" checked={form.set_max} onChange={set('set_max')} />
          <TextField label="Maximum Refresh Token Lifetime" value={form.max} onChange={set('max')} readOnly={!form.set_max} help="Seconds after login at which a refresh token expires however often it is used." />
        </section>
        <SaveBar status={status} label="Save Changes" />
      </form>
    </>
  );
}

const SESSION_FIELDS = [
  ['idle_session_lifetime', 'Idle Session Lifetime (Persistent)'],
  ['session_lifetime', 'Maximum Session Lifetime (Persistent)'],
  ['idle_ephemeral_session_lifetime', 'Idle Session Lifetime (Non-Persistent)'],
  ['ephemeral_session_lifetime', 'Maximum Session Lifetime (Non-Persistent)'],
];

export function TenantAdvancedPage() {
  const [form, setForm] = useState(null);
  const saving = useSaving();
  const status = saving.status;
  useEffect(() => {
    api('GET', '/api/v2/tenants/settings').then((s) => {
      // The Dashboard shows minutes; the Management API stores hours.
      setForm(Object.fromEntries(SESSION_FIELDS.map(([k]) => [k, String(Math.round(s[k] * 60))])));
    });
  }, []);
  if (!form) return <p className="loading">Loading…</p>;
  const save = (e) => {
    e.preventDefault();
    const body = Object.fromEntries(SESSION_FIELDS.map(([k]) => {
      const v = toPayload(form[k]);
      return [k, typeof v === 'number' ? v / 60 : v];
    }));
    saving.save('PATCH', '/api/v2/tenants/settings', body);
  };
  return (
    <>
      <h1>Tenant Settings</h1>
      <div role="tablist" className="tabs">
        {['General', 'Subscription', 'Custom Domains', 'Advanced'].map((t) => <button key={t} role="tab" type="button" aria-selected={t === 'Advanced'}>{t}</button>)}
      </div>
      <form className="settings" onSubmit={save} noValidate>
        <section>
          <h2>Session Expiration</h2>
          {SESSION_FIELDS.map(([k, label]) => (
            <TextField key={k} label={label} value={form[k]} onChange={(v) => { setForm({ ...form, [k]: v }); saving.clear(); }}
              help="In minutes. Values above your plan's limit are replaced by the limit." />
          ))}
        </section>
        <SaveBar status={status} />
      </form>
    </>
  );
}
