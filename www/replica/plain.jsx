// A generic generation in plain HTML: today's labels ("Maximum Access Token Lifetime"), generated
// ids, help text, a dark mode by class, the "Meet your new navigation" dialog, path and hash routes,
// no design system at all. It keeps detection honest beyond any one component library.
// Served under /plain/dashboard/us/acme/... (and /plain/#/...).
import React, { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { api, navigate, toPayload, useRoute } from './routes.js';
import { ApplicationPage, TenantAdvancedPage } from './plain-more.jsx';

const base = window.location.hash.startsWith('#/') ? '#' : '/plain/dashboard/us/acme';
export const link = (p) => `${base}${p}`;

// Ids like the real Dashboard's: generated, different on every mount.
let counter = Math.floor(Math.random() * 90000) + 10000;
export const useGeneratedId = () => useMemo(() => `quantum-product-${counter++}-control`, []);

export function TextField({ label, required, help, value, onChange, readOnly, type = 'text', name }) {
  const id = useGeneratedId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
        {required && <span className="required" aria-hidden="true"> *</span>}
      </label>
      <div className="input-frame">
        <input id={id} name={name} type={type} value={value} readOnly={readOnly} required={required}
          aria-describedby={help ? `${id}-description` : undefined}
          onChange={(e) => onChange?.(e.target.value)} />
      </div>
      {help && <p className="help" id={`${id}-description`}>{help}</p>}
    </div>
  );
}

export function Toggle({ label, checked, onChange }) {
  const id = useGeneratedId();
  return (
    <div className="toggle">
      <button type="button" role="switch" id={id} aria-checked={checked} aria-labelledby={`${id}-label`} onClick={() => onChange(!checked)}>
        <span className="knob" />
      </button>
      <span id={`${id}-label`}>{label}</span>
    </div>
  );
}

export function SaveBar({ status, label = 'Save' }) {
  return (
    <div className="actions">
      <button type="submit" className="primary">{label}</button>
      {status?.ok && <span role="status" className="saved">Changes saved.</span>}
      {status?.error && <div role="alert" className="server-error">{status.error}</div>}
    </div>
  );
}

function NavDialog({ onClose }) {
  return (
    <div className="backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="new-nav-title" className="dialog">
        <h2 id="new-nav-title">Meet your new navigation</h2>
        <p>We reorganised the menu so that the settings you use most are one click away.</p>
        <button type="button" className="primary" onClick={onClose}>Got it</button>
      </div>
    </div>
  );
}

function ApisList() {
  const [apis, setApis] = useState([]);
  useEffect(() => { api('GET', '/api/v2/resource-servers').then(setApis); }, []);
  return (
    <>
      <h1>APIs</h1>
      <table className="list">
        <thead><tr><th>Name</th><th>Identifier</th></tr></thead>
        <tbody>
          {apis.map((a) => (
            <tr key={a.id}>
              <td><a href={link(`/apis/${a.id}/settings`)} onClick={(e) => { e.preventDefault(); navigate(link(`/apis/${a.id}/settings`)); }}>{a.name}</a></td>
              <td><code>{a.identifier}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const TABS = ['Quickstart', 'Settings', 'Permissions', 'Machine to Machine Applications', 'Test'];

function ApiPage({ id }) {
  const [resource, setResource] = useState(null);
  const [form, setForm] = useState({ name: '', token_lifetime: '', token_lifetime_for_web: '' });
  const [status, setStatus] = useState(null);
  const [toggles, setToggles] = useState({ rbac: false, perms: false, skip: false, offline: false, jwe: false });
  useEffect(() => {
    api('GET', `/api/v2/resource-servers/${id}`).then((r) => {
      setResource(r);
      setForm({ name: r.name, token_lifetime: String(r.token_lifetime), token_lifetime_for_web: String(r.token_lifetime_for_web) });
    });
  }, [id]);
  if (!resource) return <p className="loading">Loading…</p>;
  const set = (k) => (v) => { setForm({ ...form, [k]: v }); setStatus(null); };
  const save = async (e) => {
    e.preventDefault();
    try {
      await api('PATCH', `/api/v2/resource-servers/${id}`, { name: form.name, token_lifetime: toPayload(form.token_lifetime), token_lifetime_for_web: toPayload(form.token_lifetime_for_web) });
      setStatus({ ok: true });
    } catch (err) {
      setStatus({ error: err.message });
    }
  };
  return (
    <>
      <h1>{resource.name}</h1>
      <p className="subtitle">Custom API · <code>{resource.identifier}</code></p>
      <div role="tablist" className="tabs">
        {TABS.map((t) => <button key={t} role="tab" type="button" aria-selected={t === 'Settings'}>{t}</button>)}
      </div>
      <form role="tabpanel" className="settings" onSubmit={save} noValidate>
        <section>
          <h2>General Settings</h2>
          <TextField label="Id" value={resource.id} readOnly />
          <TextField label="Name" required value={form.name} onChange={set('name')} help="A friendly name for the API. The following characters are not allowed: < >" />
          <TextField label="Identifier" value={resource.identifier} readOnly help="Unique identifier for the API. This value will be used as the audience parameter on authorization calls." />
        </section>
        <section>
          <h2>Token Settings</h2>
          <TextField label="Maximum Access Token Lifetime" required value={form.token_lifetime} onChange={set('token_lifetime')}
            help="Expiration value (in seconds) for access tokens issued for this API from the token endpoint." />
          <TextField label="Implicit / Hybrid Flow Access Token Lifetime" required value={form.token_lifetime_for_web} onChange={set('token_lifetime_for_web')}
            help="Expiration value (in seconds) for access tokens issued for this API via Implicit or Hybrid flows. Cannot be greater than the Maximum Access Token Lifetime." />
          <div className="field">
            <label htmlFor="jwt-profile" className="field-label">JSON Web Token (JWT) Profile</label>
            <select id="jwt-profile" defaultValue="auth0"><option value="auth0">Auth0</option><option value="rfc9068">RFC 9068</option></select>
          </div>
          <div className="field">
            <label htmlFor="jwt-alg" className="field-label">JSON Web Token (JWT) Signing Algorithm</label>
            <select id="jwt-alg" value={resource.signing_alg} disabled><option>RS256</option><option>HS256</option></select>
          </div>
          <Toggle label="JSON Web Encryption (JWE)" checked={toggles.jwe} onChange={(v) => setToggles({ ...toggles, jwe: v })} />
        </section>
        <section>
          <h2>RBAC Settings</h2>
          <Toggle label="Enable RBAC" checked={toggles.rbac} onChange={(v) => setToggles({ ...toggles, rbac: v })} />
          <Toggle label="Add Permissions in the Access Token" checked={toggles.perms} onChange={(v) => setToggles({ ...toggles, perms: v })} />
        </section>
        <section>
          <h2>Access Settings</h2>
          <Toggle label="Allow Skipping User Consent" checked={toggles.skip} onChange={(v) => setToggles({ ...toggles, skip: v })} />
          <Toggle label="Allow Offline Access" checked={toggles.offline} onChange={(v) => setToggles({ ...toggles, offline: v })} />
        </section>
        <SaveBar status={status} />
      </form>
    </>
  );
}

function App() {
  const route = useRoute();
  const [dark, setDark] = useState(() => localStorage.getItem('replica-theme') === 'dark');
  const [dialog, setDialog] = useState(() => !sessionStorage.getItem('replica-nav-seen'));
  useEffect(() => {
    document.documentElement.classList.toggle('theme-dark', dark);
    localStorage.setItem('replica-theme', dark ? 'dark' : 'light');
  }, [dark]);
  const go = (p) => (e) => { e.preventDefault(); navigate(link(p)); };
  return (
    <div className="shell">
      <header className="topbar">
        <span className="logo">acme</span>
        <span className="tenant">acme · US</span>
        <button type="button" className="theme" aria-pressed={dark} onClick={() => setDark(!dark)}>{dark ? 'Light mode' : 'Dark mode'}</button>
      </header>
      <nav className="sidebar" aria-label="Main">
        <a href={link('/applications/Xq3v9ZtC0aWz1Yb2Nc4Md5Le6Kf7Jg8H/settings')} onClick={go('/applications/Xq3v9ZtC0aWz1Yb2Nc4Md5Le6Kf7Jg8H/settings')}>Applications</a>
        <a href={link('/apis')} onClick={go('/apis')}>APIs</a>
        <a href={link('/tenant/advanced')} onClick={go('/tenant/advanced')}>Settings</a>
        <button type="button" className="whatsnew" onClick={() => setDialog(true)}>What's new</button>
      </nav>
      <main role="main" className="content">
        {route.page === 'api' && <ApiPage key={route.id} id={route.id} />}
        {route.page === 'application' && <ApplicationPage key={route.id} id={route.id} />}
        {route.page === 'tenant-advanced' && <TenantAdvancedPage />}
        {(route.page === 'apis' || route.page === 'applications') && <ApisList />}
      </main>
      {dialog && <NavDialog onClose={() => { sessionStorage.setItem('replica-nav-seen', '1'); setDialog(false); }} />}
    </div>
  );
}

createRoot(document.getElementById('root')).render(<App />);
