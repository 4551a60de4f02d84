// The MUI generation's other pages with lifetimes: Branding › Email Templates ("URL Lifetime"),
// Authentication › Passwordless › Email and SMS ("OTP Expiry" beside "OTP Length"), an enterprise
// connection's SCIM tokens (a dialog: "Expiration date in seconds" or "No expiration date"), and
// Security › Attack Protection › Suspicious IP Throttling (a "Throttling rate" per section; the
// frame shows its unit, `?rate=per-day` shows attempts per day instead).
import React, { useEffect, useState } from 'react';
import {
  Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Tab, Tabs,
  TextField, Typography,
} from '@mui/material';
import { api, toPayload, useSaving } from './routes.js';
import { Field, LifetimeField, Section, SaveBar, SwitchRow } from './quantum-parts.jsx';

const TEMPLATES = [
  ['verify_email', 'Verification Email (Link)'],
  ['reset_email', 'Change Password (Link)'],
];

export function EmailTemplatesPage({ id }) {
  const [form, setForm] = useState(null);
  const saving = useSaving();
  useEffect(() => {
    api('GET', `/api/v2/email-templates/${id}`).then((t) => setForm({ ...t, urlLifetimeInSeconds: String(t.urlLifetimeInSeconds) }));
  }, [id]);
  if (!form) return <Typography className="loading">Loading…</Typography>;
  const set = (k) => (v) => { setForm({ ...form, [k]: v }); saving.clear(); };
  const save = (e) => {
    e.preventDefault();
    saving.save('PATCH', `/api/v2/email-templates/${id}`, {
      enabled: form.enabled, from: form.from, subject: form.subject, resultUrl: form.resultUrl,
      urlLifetimeInSeconds: toPayload(form.urlLifetimeInSeconds),
    });
  };
  return (
    <>
      <Typography variant="h4" component="h1">Email Templates</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>Customize the emails your users receive.</Typography>
      <Box component="form" onSubmit={save} noValidate>
        <Section title="Template">
          <TextField select label="Template" value={id} fullWidth InputProps={{ readOnly: true }}>
            {TEMPLATES.map(([v, l]) => <MenuItem key={v} value={v}>{l}</MenuItem>)}
          </TextField>
          <SwitchRow label="Status" checked={form.enabled} onChange={set('enabled')} />
          <Field label="From" required value={form.from} onChange={set('from')} />
          <Field label="Subject" required value={form.subject} onChange={set('subject')} />
          <Field label="Redirect To" value={form.resultUrl} onChange={set('resultUrl')} helperText="The URL users are sent to after they click the link." />
          <LifetimeField label="URL Lifetime" value={form.urlLifetimeInSeconds} onChange={set('urlLifetimeInSeconds')}
            helperText="How long the link in this email stays valid." />
        </Section>
        <SaveBar status={saving.status} type="submit" />
      </Box>
    </>
  );
}

export function PasswordlessPage({ id }) {
  const [connection, setConnection] = useState(null);
  const [form, setForm] = useState(null);
  const saving = useSaving();
  useEffect(() => {
    api('GET', `/api/v2/connections/${id}`).then((c) => {
      setConnection(c);
      setForm({ time_step: String(c.options.totp.time_step), length: String(c.options.totp.length), disable_signup: c.options.disable_signup });
    });
  }, [id]);
  if (!form) return <Typography className="loading">Loading…</Typography>;
  const set = (k) => (v) => { setForm({ ...form, [k]: v }); saving.clear(); };
  const save = (e) => {
    e.preventDefault();
    saving.save('PATCH', `/api/v2/connections/${id}`, {
      options: { ...connection.options, totp: { time_step: toPayload(form.time_step), length: toPayload(form.length) }, disable_signup: form.disable_signup },
    });
  };
  const email = connection.strategy === 'email';
  return (
    <>
      <Typography variant="h4" component="h1">{email ? 'Email' : 'SMS'}</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>Passwordless connection · <code>{connection.name}</code></Typography>
      <Tabs value={0} aria-label="Connection sections" sx={{ mb: 1, borderBottom: 1, borderColor: 'divider' }}>
        {['Settings', 'Applications', 'Try'].map((t) => <Tab key={t} label={t} />)}
      </Tabs>
      <Box component="form" onSubmit={save} noValidate>
        <Section title={email ? 'Email' : 'SMS'} description="The message that carries the one-time code.">
          {email ? <Field label="From" value={connection.options.email.from} readOnly /> : <Field label="Message" value={connection.options.template} readOnly />}
        </Section>
        <Section title="One-Time Password" description="How the code users receive works.">
          <LifetimeField label="OTP Expiry" required value={form.time_step} onChange={set('time_step')} helperText="Seconds the code can be used." />
          <TextField type="number" label="OTP Length" required value={form.length} fullWidth onChange={(e) => set('length')(e.target.value)}
            helperText="Number of digits in the code." />
        </Section>
        <Section title="Sign Ups">
          <SwitchRow label="Disable Sign Ups" checked={form.disable_signup} onChange={set('disable_signup')} />
        </Section>
        <SaveBar status={saving.status} type="submit" />
      </Box>
    </>
  );
}

export function ScimPage({ id }) {
  const [connection, setConnection] = useState(null);
  const [open, setOpen] = useState(false);
  const [lifetime, setLifetime] = useState('');
  const [never, setNever] = useState(false);
  const [created, setCreated] = useState(null);
  const saving = useSaving();
  useEffect(() => { api('GET', `/api/v2/connections/${id}`).then(setConnection); }, [id, created]);
  if (!connection) return <Typography className="loading">Loading…</Typography>;
  const generate = async (e) => {
    e.preventDefault();
    await saving.save('POST', `/api/v2/connections/${id}/scim-configuration/tokens`, {
      scopes: ['get:users', 'post:users', 'put:users', 'patch:users', 'delete:users'],
      token_lifetime: never ? null : toPayload(lifetime),
    });
    setCreated(Date.now());
  };
  return (
    <>
      <Typography variant="h4" component="h1">Okta Workforce</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>Enterprise connection · <code>{connection.name}</code></Typography>
      <Tabs value={2} aria-label="Connection sections" sx={{ mb: 1, borderBottom: 1, borderColor: 'divider' }}>
        {['Settings', 'Login Experience', 'Provisioning', 'Applications'].map((t) => <Tab key={t} label={t} />)}
      </Tabs>
      <Section title="SCIM Tokens" description="Tokens your identity provider uses to create and update users.">
        <Typography>{connection.scim_tokens.length} token(s)</Typography>
        <Box><Button variant="outlined" onClick={() => { setOpen(true); saving.clear(); }}>Generate New Token</Button></Box>
      </Section>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="scim-token-title" fullWidth>
        <Box component="form" onSubmit={generate} noValidate>
          <DialogTitle id="scim-token-title">Generate New Token</DialogTitle>
          <DialogContent>
            <Box sx={{ pt: 1, display: 'grid', gap: 2 }}>
              <LifetimeField label="Expiration date in seconds" value={lifetime} disabled={never} onChange={(v) => { setLifetime(v); saving.clear(); }}
                helperText="The token stops working after this long." />
              <FormControlLabel control={<Checkbox checked={never} onChange={(e) => setNever(e.target.checked)} />} label="No expiration date" />
              {saving.status?.ok && <Typography role="status" color="success.main">Token generated.</Typography>}
              {saving.status?.error && <Typography role="alert" color="error">{saving.status.error}</Typography>}
            </Box>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="contained" type="submit">Generate Token</Button>
          </DialogActions>
        </Box>
      </Dialog>
    </>
  );
}

const STAGES = [
  ['pre-login', 'Limit login attempts', 'Attempts from one IP address that has failed to log in too often.'],
  ['pre-user-registration', 'Limit signup attempts', 'Signups from one IP address.'],
];

export function AttackProtectionPage() {
  const perDay = new URLSearchParams(window.location.search).get('rate') === 'per-day';
  const [form, setForm] = useState(null);
  const saving = useSaving();
  useEffect(() => {
    api('GET', '/api/v2/attack-protection/suspicious-ip-throttling').then((s) => setForm({
      enabled: s.enabled,
      ...Object.fromEntries(STAGES.flatMap(([k]) => [[`${k}.max`, String(s.stage[k].max_attempts)],
        [`${k}.rate`, String(perDay ? Math.round(86400000 / s.stage[k].rate) : s.stage[k].rate)]])),
    }));
  }, []);
  if (!form) return <Typography className="loading">Loading…</Typography>;
  const set = (k) => (v) => { setForm({ ...form, [k]: v }); saving.clear(); };
  const rate = (k) => {
    const v = toPayload(form[`${k}.rate`]);
    return perDay && typeof v === 'number' ? Math.round(86400000 / v) : v;
  };
  const save = () => saving.save('PATCH', '/api/v2/attack-protection/suspicious-ip-throttling', {
    enabled: form.enabled,
    stage: Object.fromEntries(STAGES.map(([k]) => [k, { max_attempts: toPayload(form[`${k}.max`]), rate: rate(k) }])),
  });
  return (
    <>
      <Typography variant="h4" component="h1">Suspicious IP Throttling</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>Security › Attack Protection</Typography>
      <SwitchRow label="Enable Suspicious IP Throttling" checked={form.enabled} onChange={set('enabled')} />
      {STAGES.map(([k, title, description]) => (
        <Section key={k} title={title} description={description}>
          <TextField type="number" label="Maximum attempts" value={form[`${k}.max`]} fullWidth onChange={(e) => set(`${k}.max`)(e.target.value)} />
          <LifetimeField label="Throttling rate" unit={perDay ? 'per day' : 'ms'} value={form[`${k}.rate`]} onChange={set(`${k}.rate`)}
            helperText={perDay ? 'Attempts granted again per day.' : 'Interval at which a new attempt is granted.'} />
        </Section>
      ))}
      <SaveBar status={saving.status} onClick={save} />
    </>
  );
}
