// The current Dashboard generation, built from the components the hosted Dashboard is built from:
// Auth0's "Quantum" design system sits on @mui/material 5.15.9, so every control here is a real
// MUI component — lifetimes are `TextField type="number"` with a unit adornment inside the
// outlined frame and a helper text below it, switches are MUI `Switch`es in `FormControlLabel`s
// that disable their field, and the theme switches between light and dark through `createTheme`
// at run time (emotion writes new style rules; no class or attribute changes on <html>/<body>).
// Two columns per section (title left, fields right), tabs, path and hash routes.
import React, { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  Box, Button, CssBaseline, Dialog, DialogActions, DialogContent, DialogTitle, Divider, Link, Tab, Tabs,
  ThemeProvider, Typography, createTheme, useMediaQuery,
} from '@mui/material';
import { api, navigate, useRoute, useSaving } from './routes.js';
import { ApplicationPage, TenantAdvancedPage } from './quantum-pages.jsx';
import { AttackProtectionPage, EmailTemplatesPage, PasswordlessPage, ScimPage } from './quantum-more.jsx';
import { Field, LifetimeField, Section, SaveBar, SwitchRow } from './quantum-parts.jsx';
import { API_TABS, ApiExplorerPage, ApiTestPage, LogEventPage } from './quantum-tokens.jsx';

const base = window.location.hash.startsWith('#/') ? '#' : '/dashboard/us/acme';
export const link = (p) => `${base}${p}`;

function ApisList() {
  const [apis, setApis] = useState([]);
  useEffect(() => { api('GET', '/api/v2/resource-servers').then(setApis); }, []);
  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>APIs</Typography>
      <Box component="ul" sx={{ listStyle: 'none', p: 0 }}>
        {apis.map((a) => (
          <Box component="li" key={a.id} sx={{ py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
            <Link href={link(`/apis/${a.id}/settings`)} onClick={(e) => { e.preventDefault(); navigate(link(`/apis/${a.id}/settings`)); }}>{a.name}</Link>
            <Typography variant="body2" color="text.secondary" component="code" sx={{ ml: 2 }}>{a.identifier}</Typography>
          </Box>
        ))}
      </Box>
    </>
  );
}

function ApiPage({ id }) {
  const [resource, setResource] = useState(null);
  const [form, setForm] = useState(null);
  const saving = useSaving();
  useEffect(() => {
    api('GET', `/api/v2/resource-servers/${id}`).then((r) => {
      setResource(r);
      setForm({ name: r.name, token_lifetime: String(r.token_lifetime), token_lifetime_for_web: String(r.token_lifetime_for_web), offline: false, jwe: false, rbac: false });
    });
  }, [id]);
  if (!form) return <Typography className="loading">Loading…</Typography>;
  const set = (k) => (v) => { setForm({ ...form, [k]: v }); saving.clear(); };
  const save = (e) => {
    e.preventDefault();
    // What the Dashboard sends: the number the field holds.
    saving.save('PATCH', `/api/v2/resource-servers/${id}`, { name: form.name, token_lifetime: Number(form.token_lifetime), token_lifetime_for_web: Number(form.token_lifetime_for_web) });
  };
  return (
    <>
      <Typography variant="h4" component="h1">{resource.name}</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>Custom API · <code>{resource.identifier}</code></Typography>
      <Tabs value={1} aria-label="API sections" sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}
        onChange={(_, i) => { if (API_TABS[i] === 'Test') navigate(link(`/apis/${id}/test`)); }}>
        {API_TABS.map((t) => <Tab key={t} label={t} />)}
      </Tabs>
      <Box component="form" onSubmit={save} noValidate>
        <Section title="General Settings">
          <Field label="Id" value={resource.id} readOnly />
          <Field label="Name" required value={form.name} onChange={set('name')} helperText="A friendly name for the API. The following characters are not allowed: < >" />
          <Field label="Identifier" value={resource.identifier} readOnly helperText="Unique identifier for the API. This value will be used as the audience parameter on authorization calls." />
        </Section>
        <Section title="Access Token Settings" description="Lifetimes of the access tokens issued for this API.">
          <LifetimeField label="Maximum Access Token Lifetime" required value={form.token_lifetime} onChange={set('token_lifetime')}
            helperText="Expiration value (in seconds) for access tokens issued for this API from the Token Endpoint." />
          <LifetimeField label="Implicit / Hybrid Flow Access Token Lifetime" required value={form.token_lifetime_for_web} onChange={set('token_lifetime_for_web')}
            helperText="Expiration value (in seconds) for access tokens issued for this API via Implicit or Hybrid flows. Cannot be greater than the Maximum Access Token Lifetime value." />
          <Field label="JSON Web Token (JWT) Profile" value="Auth0" readOnly />
          <Field label="JSON Web Token (JWT) Signing Algorithm" value={resource.signing_alg} readOnly />
        </Section>
        <Section title="RBAC Settings">
          <SwitchRow label="Enable RBAC" checked={form.rbac} onChange={set('rbac')} />
        </Section>
        <Section title="Access Settings">
          <SwitchRow label="Allow Offline Access" checked={form.offline} onChange={set('offline')} />
        </Section>
        <SaveBar status={saving.status} type="submit" />
      </Box>
    </>
  );
}

function NavDialog({ open, onClose }) {
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="new-nav-title">
      <DialogTitle id="new-nav-title">Meet your new navigation</DialogTitle>
      <DialogContent><Typography>We reorganised the menu so that the settings you use most are one click away.</Typography></DialogContent>
      <DialogActions><Button variant="contained" onClick={onClose}>Got it</Button></DialogActions>
    </Dialog>
  );
}

// Light, dark, or the system's: the theme object is rebuilt, and emotion writes new rules.
function useThemeMode() {
  const system = useMediaQuery('(prefers-color-scheme: dark)') ? 'dark' : 'light';
  const [choice, setChoice] = useState(() => localStorage.getItem('replica-theme') ?? 'system');
  useEffect(() => { localStorage.setItem('replica-theme', choice); }, [choice]);
  const mode = choice === 'system' ? system : choice;
  const theme = useMemo(() => createTheme({
    palette: { mode, primary: { main: mode === 'dark' ? '#8a85ff' : '#635dff' } },
    shape: { borderRadius: 6 },
    typography: { fontFamily: '-apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif' },
  }), [mode]);
  return { theme, mode, toggle: () => setChoice(mode === 'dark' ? 'light' : 'dark') };
}

function App() {
  const route = useRoute();
  const { theme, mode, toggle } = useThemeMode();
  const [dialog, setDialog] = useState(() => !sessionStorage.getItem('replica-nav-seen'));
  const go = (p) => (e) => { e.preventDefault(); navigate(link(p)); };
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Box sx={{ display: 'grid', gridTemplateColumns: '220px 1fr', gridTemplateRows: '56px 1fr', minHeight: '100vh' }}>
        <Box component="header" sx={{ gridColumn: '1 / 3', display: 'flex', alignItems: 'center', gap: 2, px: 2.5, borderBottom: 1, borderColor: 'divider' }}>
          <Typography sx={{ fontWeight: 700 }}>acme</Typography>
          <Typography color="text.secondary">acme · US</Typography>
          <Button className="theme" sx={{ ml: 'auto' }} variant="outlined" size="small" aria-pressed={mode === 'dark'} onClick={toggle}>{mode === 'dark' ? 'Light mode' : 'Dark mode'}</Button>
        </Box>
        <Box component="nav" aria-label="Main" sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, p: 2, borderRight: 1, borderColor: 'divider', bgcolor: 'action.hover' }}>
          <Link underline="none" color="inherit" href={link('/applications/Xq3v9ZtC0aWz1Yb2Nc4Md5Le6Kf7Jg8H/settings')} onClick={go('/applications/Xq3v9ZtC0aWz1Yb2Nc4Md5Le6Kf7Jg8H/settings')}>Applications</Link>
          <Link underline="none" color="inherit" href={link('/apis')} onClick={go('/apis')}>APIs</Link>
          <Link underline="none" color="inherit" href={link('/tenant/advanced')} onClick={go('/tenant/advanced')}>Settings</Link>
          <Link underline="none" color="inherit" href={link('/templates/emails')} onClick={go('/templates/emails')}>Branding</Link>
          <Link underline="none" color="inherit" href={link('/connections/passwordless/email')} onClick={go('/connections/passwordless/email')}>Authentication</Link>
          <Link underline="none" color="inherit" href={link('/security/attack-protection/suspicious-ip-throttling')} onClick={go('/security/attack-protection/suspicious-ip-throttling')}>Security</Link>
          <Divider sx={{ my: 1 }} />
          <Button size="small" onClick={() => setDialog(true)}>What's new</Button>
        </Box>
        <Box component="main" role="main" sx={{ p: '24px 40px 64px', maxWidth: 1100 }}>
          {route.page === 'api' && route.id === 'management' && <ApiExplorerPage />}
          {route.page === 'api' && route.id !== 'management' && route.tab === 'test' && <ApiTestPage key={route.id} id={route.id} />}
          {route.page === 'api' && route.id !== 'management' && route.tab !== 'test' && <ApiPage key={route.id} id={route.id} />}
          {route.page === 'log' && <LogEventPage />}
          {route.page === 'application' && <ApplicationPage key={route.id} id={route.id} />}
          {route.page === 'tenant-advanced' && <TenantAdvancedPage />}
          {route.page === 'email-templates' && <EmailTemplatesPage key={route.id} id={route.id} />}
          {route.page === 'passwordless' && <PasswordlessPage key={route.id} id={route.id} />}
          {route.page === 'scim' && <ScimPage key={route.id} id={route.id} />}
          {route.page === 'attack-protection' && <AttackProtectionPage />}
          {(route.page === 'apis' || route.page === 'applications') && <ApisList />}
        </Box>
      </Box>
      <NavDialog open={dialog} onClose={() => { sessionStorage.setItem('replica-nav-seen', '1'); setDialog(false); }} />
    </ThemeProvider>
  );
}

createRoot(document.getElementById('root')).render(<App />);
