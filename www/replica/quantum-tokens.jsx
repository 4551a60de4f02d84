// The Dashboard pages that show tokens and raw numbers rather than settings: an API's Test tab (a
// curl call and the token endpoint's answer), the Management API's API Explorer (a test token in a
// read-only field, its Token Expiration (Seconds) and Update & Regenerate Token), and a log event
// (its JSON). Real MUI components, as the rest of the replica.
import React, { useEffect, useState } from 'react';
import { Alert, Box, Button, Paper, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { api } from './routes.js';
import { LifetimeField, Section } from './quantum-parts.jsx';

const MANAGEMENT_AUDIENCE = 'https://acme.us.auth0.com/api/v2/';

async function token(body) {
  const res = await fetch('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(json.error_description ?? `HTTP ${res.status}`);
  return json;
}

function Code({ children, label }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, bgcolor: 'action.hover', overflowX: 'auto' }}>
      <Box component="pre" aria-label={label} sx={{ m: 0, fontFamily: 'ui-monospace, Menlo, monospace', fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        <code>{children}</code>
      </Box>
    </Paper>
  );
}

function ApiTabs({ tabs, selected }) {
  return (
    <Tabs value={selected} aria-label="API sections" sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}>
      {tabs.map((t) => <Tab key={t} label={t} />)}
    </Tabs>
  );
}

export const API_TABS = ['Quickstart', 'Settings', 'Permissions', 'Machine to Machine Applications', 'Test'];

/** APIs › (an API) › Test: the call a machine-to-machine application makes, and its answer. */
export function ApiTestPage({ id }) {
  const [resource, setResource] = useState(null);
  const [answer, setAnswer] = useState(null);
  useEffect(() => {
    api('GET', `/api/v2/resource-servers/${id}`).then((r) => {
      setResource(r);
      return token({ audience: r.identifier, grant_type: 'client_credentials', client_id: 'Xq3v9ZtC0aWz1Yb2Nc4Md5Le6Kf7Jg8H' });
    }).then(setAnswer, (e) => setAnswer({ error: e.message }));
  }, [id]);
  if (!resource) return <Typography className="loading">Loading…</Typography>;
  const curl = `curl --request POST \\\n  --url https://acme.us.auth0.com/oauth/token \\\n  --header 'content-type: application/json' \\\n  --data '{"client_id":"Xq3v9ZtC0aWz1Yb2Nc4Md5Le6Kf7Jg8H","client_secret":"YOUR_CLIENT_SECRET","audience":"${resource.identifier}","grant_type":"client_credentials"}'`;
  return (
    <>
      <Typography variant="h4" component="h1">{resource.name}</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>Custom API · <code>{resource.identifier}</code></Typography>
      <ApiTabs tabs={API_TABS} selected={4} />
      <Section title="Asking Auth0 for tokens from my application" description="You can ask Auth0 for tokens for any of your authorized applications with issuing the following API call.">
        <Code label="Request">{curl}</Code>
      </Section>
      <Section title="Response" description="Auth0 answers with a token for this API.">
        {answer?.error ? <Alert severity="error">{answer.error}</Alert>
          : answer ? <Code label="Response">{JSON.stringify(answer, null, 2)}</Code>
          : <Typography className="loading">Requesting a token…</Typography>}
      </Section>
    </>
  );
}

/** APIs › Auth0 Management API › API Explorer: the test token, its expiration, and the button. */
export function ApiExplorerPage() {
  const [expiration, setExpiration] = useState('86400');
  const [current, setCurrent] = useState('');
  const [status, setStatus] = useState(null);
  const regenerate = async (seconds) => {
    try {
      // What the Dashboard sends: the number the field holds, or its raw text.
      const asked = /^\d+$/.test(seconds.trim()) ? Number(seconds.trim()) : seconds;
      const answer = await token({ audience: MANAGEMENT_AUDIENCE, grant_type: 'client_credentials', expires_in: asked });
      setCurrent(answer.access_token);
      setStatus({ ok: true });
    } catch (e) {
      setStatus({ error: e.message });
    }
  };
  useEffect(() => { regenerate('86400'); }, []);
  return (
    <>
      <Typography variant="h4" component="h1">Auth0 Management API</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>System API · <code>{MANAGEMENT_AUDIENCE}</code></Typography>
      <ApiTabs tabs={['Settings', 'Permissions', 'Machine to Machine Applications', 'API Explorer', 'Test']} selected={3} />
      <Alert severity="info" sx={{ mb: 2 }}>This token is for testing purposes only. These tokens cannot be revoked: keep their expiration short.</Alert>
      <Section title="Token" description="Use this token to call the Management API from the API Explorer or another client.">
        <TextField label="Token" value={current} multiline minRows={4} fullWidth InputProps={{ readOnly: true }} />
        <Stack direction="row" spacing={2}>
          <Button variant="outlined" onClick={() => navigator.clipboard?.writeText(current).catch(() => {})}>Copy Token</Button>
        </Stack>
        <LifetimeField label="Token Expiration (Seconds)" value={expiration} onChange={(v) => { setExpiration(v); setStatus(null); }} />
        <Stack direction="row" spacing={2} alignItems="center" sx={{ flexWrap: 'wrap' }}>
          <Button variant="contained" onClick={() => regenerate(expiration)}>Update &amp; Regenerate Token</Button>
          {status?.ok && <Typography role="status" color="success.main">Token regenerated.</Typography>}
          {status?.error && <Alert severity="error" sx={{ flexBasis: '100%', mt: 1 }}>{status.error}</Alert>}
        </Stack>
      </Section>
    </>
  );
}

/** Monitoring › Logs › (an event): its details as JSON, as the Dashboard shows them. */
export function LogEventPage() {
  const event = {
    date: '2026-12-07T16:41:13.123Z',
    type: 'seccft',
    description: 'Client Credentials for Access Token',
    connection_id: '',
    client_id: 'Xq3v9ZtC0aWz1Yb2Nc4Md5Le6Kf7Jg8H',
    client_name: 'Acme Web Shop',
    ip: '203.0.113.7',
    user_agent: 'node-fetch/1.0',
    details: {
      audience: 'https://payments.acme.example/',
      expires_in: 3600,
      session_lifetime: 72,
      idle_session_lifetime: 4320,
      session_created_at: 1765125673,
      request_time_ms: 1765125673123,
    },
    hostname: 'acme.us.auth0.com',
    log_id: '90020261207164113123000000000000001',
  };
  return (
    <>
      <Typography variant="h4" component="h1">Success Exchange</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>Client Credentials for Access Token · <time dateTime={event.date}>Dec 7, 2026 16:41:13</time></Typography>
      <Tabs value={1} aria-label="Log event" sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}>
        <Tab label="Summary" />
        <Tab label="Details" />
      </Tabs>
      <Code label="Log event">{JSON.stringify(event, null, 2)}</Code>
      <Typography variant="body2" sx={{ mt: 2 }}>The access token expires in 3600 seconds; sessions last PT72H at most, or 1d 12h idle.</Typography>
    </>
  );
}
