// The older Dashboard generation, built from Auth0's public design system "Cosmos":
// labels "Token Expiration (Seconds)" / "Token Expiration For Browser Flows (Seconds)",
// hash routes (/older/#/apis/ID/settings), `<label for>` and `{id}-helper-text` help.
import React, { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Form, TextInput, PageHeader, Switch } from '@auth0/cosmos';
import { api, navigate, toPayload, useRoute } from './routes.js';

function ApiSettings({ id }) {
  const [resource, setResource] = useState(null);
  const [life, setLife] = useState('');
  const [web, setWeb] = useState('');
  const [status, setStatus] = useState(null);
  useEffect(() => {
    api('GET', `/api/v2/resource-servers/${id}`).then((r) => {
      setResource(r);
      setLife(String(r.token_lifetime));
      setWeb(String(r.token_lifetime_for_web));
    });
  }, [id]);
  if (!resource) return <p>Loading…</p>;
  const save = async () => {
    try {
      await api('PATCH', `/api/v2/resource-servers/${id}`, { token_lifetime: toPayload(life), token_lifetime_for_web: toPayload(web) });
      setStatus({ ok: true });
    } catch (err) {
      setStatus({ error: err.message });
    }
  };
  return (
    <>
      <PageHeader title={resource.name} description={resource.identifier} />
      <Form onSubmit={(e) => { e.preventDefault(); save(); }}>
        <Form.Field label="Identifier" helpText="Set when the API was created; used as the audience.">
          <TextInput value={resource.identifier} readOnly />
        </Form.Field>
        <Form.Field label="Token Expiration (Seconds)" helpText="Expiration value (in seconds) for access tokens issued for this API from the Token Endpoint.">
          <TextInput value={life} onChange={(e) => { setLife(e.target.value); setStatus(null); }} />
        </Form.Field>
        <Form.Field label="Token Expiration For Browser Flows (Seconds)" helpText="Expiration value (in seconds) for access tokens issued for this API via Implicit or Hybrid Flows. Cannot be greater than the Token Expiration value.">
          <TextInput value={web} onChange={(e) => { setWeb(e.target.value); setStatus(null); }} />
        </Form.Field>
        <Form.Field label="Allow Offline Access">
          <Switch />
        </Form.Field>
        <Form.Actions primaryAction={{ label: 'Save', handler: save }} />
      </Form>
      {status?.ok && <p role="status" className="saved">Changes saved.</p>}
      {status?.error && <p role="alert" className="server-error">{status.error}</p>}
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
      {route.page === 'api' ? <ApiSettings key={route.id} id={route.id} /> : <ApisList />}
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App />);
