// The MUI generation's Application settings ("Save Changes", refresh-token switches that disable
// their fields) and tenant Advanced settings (minutes, one Save per section, the "Default Session
// Policy" radio group).
import React, { useEffect, useState } from 'react';
import { Box, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Tab, Tabs, Typography } from '@mui/material';
import { api, clientBody, clientForm, useSaving } from './routes.js';
import { Field, LifetimeField, Section, SaveBar, SwitchRow } from './quantum-parts.jsx';

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
  if (!form) return <Typography className="loading">Loading…</Typography>;
  const set = (k) => (v) => { setForm({ ...form, [k]: v }); saving.clear(); };
  // What the Dashboard sends: the number each field holds.
  const save = (e) => {
    e.preventDefault();
    saving.save('PATCH', `/api/v2/clients/${id}`, clientBody(form, Number));
  };
  return (
    <>
      <Typography variant="h4" component="h1">{app.name}</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>Single Page Application · Client ID <code>{app.client_id}</code></Typography>
      <Tabs value={1} aria-label="Application sections" sx={{ mb: 1, borderBottom: 1, borderColor: 'divider' }}>
        {['Quickstart', 'Settings', 'Credentials', 'APIs', 'Connections'].map((t) => <Tab key={t} label={t} />)}
      </Tabs>
      <Box component="form" onSubmit={save} noValidate>
        <Section title="Basic Information">
          <Field label="Name" required value={form.name} onChange={set('name')} />
          <Field label="Client ID" value={app.client_id} readOnly />
        </Section>
        <Section title="ID Token" description="The token that proves a login to this application.">
          <LifetimeField label="ID Token Expiration" value={form.id_token} onChange={set('id_token')} helperText="Lifetime in seconds of the ID tokens issued to this application." />
        </Section>
        <Section title="Refresh Token Rotation">
          <SwitchRow label="Allow Refresh Token Rotation" checked={form.rotation} onChange={set('rotation')} />
          <LifetimeField label="Rotation Overlap Period" value={form.leeway} onChange={set('leeway')} disabled={!form.rotation}
            helperText="Seconds during which a rotated refresh token may still be exchanged." />
        </Section>
        <Section title="Refresh Token Expiration">
          <SwitchRow label="Set Idle Refresh Token Lifetime" checked={form.set_idle} onChange={set('set_idle')} />
          <LifetimeField label="Idle Refresh Token Lifetime" value={form.idle} onChange={set('idle')} disabled={!form.set_idle}
            helperText="Seconds a refresh token may go unused before it expires." />
          <SwitchRow label="Set Maximum Refresh Token Lifetime" checked={form.set_max} onChange={set('set_max')} />
          <LifetimeField label="Maximum Refresh Token Lifetime" value={form.max} onChange={set('max')} disabled={!form.set_max}
            helperText="Seconds after login at which a refresh token expires however often it is used." />
        </Section>
        <SaveBar status={saving.status} label="Save Changes" type="submit" />
      </Box>
    </>
  );
}

const SESSION_FIELDS = [
  ['idle_session_lifetime', 'Idle Session Lifetime (Persistent)'],
  ['session_lifetime', 'Maximum Session Lifetime (Persistent)'],
  ['idle_ephemeral_session_lifetime', 'Idle Session Lifetime (Non-Persistent)'],
  ['ephemeral_session_lifetime', 'Maximum Session Lifetime (Non-Persistent)'],
];

/** Tenant › Advanced: each section saves on its own (buttons with click handlers, no form). */
export function TenantAdvancedPage() {
  const [sessions, setSessions] = useState(null);
  const [policy, setPolicy] = useState('persistent');
  const sessionSave = useSaving();
  const policySave = useSaving();
  useEffect(() => {
    api('GET', '/api/v2/tenants/settings').then((s) => {
      // The Dashboard shows minutes; the Management API stores hours.
      setSessions(Object.fromEntries(SESSION_FIELDS.map(([k]) => [k, String(Math.round(s[k] * 60))])));
      setPolicy(s.session_cookie?.mode ?? 'persistent');
    });
  }, []);
  if (!sessions) return <Typography className="loading">Loading…</Typography>;
  const saveSessions = () => sessionSave.save('PATCH', '/api/v2/tenants/settings',
    Object.fromEntries(SESSION_FIELDS.map(([k]) => [k, Number(sessions[k]) / 60])));
  const savePolicy = () => policySave.save('PATCH', '/api/v2/tenants/settings', { session_cookie: { mode: policy } });
  return (
    <>
      <Typography variant="h4" component="h1">Tenant Settings</Typography>
      <Tabs value={3} aria-label="Tenant sections" sx={{ my: 2, borderBottom: 1, borderColor: 'divider' }}>
        {['General', 'Subscription', 'Custom Domains', 'Advanced'].map((t) => <Tab key={t} label={t} />)}
      </Tabs>
      <Section title="Session Expiration" description="How long users stay logged in to Auth0. In minutes."
        footer={<SaveBar status={sessionSave.status} onClick={saveSessions} />}>
        {SESSION_FIELDS.map(([k, label]) => (
          <LifetimeField key={k} label={label} unit="minutes" value={sessions[k]}
            onChange={(v) => { setSessions({ ...sessions, [k]: v }); sessionSave.clear(); }}
            helperText="Values above your plan's limit are replaced by the limit." />
        ))}
      </Section>
      <Section title="Session Policy" footer={<SaveBar status={policySave.status} onClick={savePolicy} />}>
        <FormControl>
          <FormLabel id="session-policy-label">Default Session Policy</FormLabel>
          <RadioGroup aria-labelledby="session-policy-label" value={policy} onChange={(e) => { setPolicy(e.target.value); policySave.clear(); }}>
            <FormControlLabel value="persistent" control={<Radio />} label="Persistent" />
            <FormControlLabel value="non-persistent" control={<Radio />} label="Non-persistent" />
          </RadioGroup>
        </FormControl>
      </Section>
    </>
  );
}
