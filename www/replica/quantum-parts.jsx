// The pieces every page of the MUI generation is made of, as the Dashboard composes them.
import React from 'react';
import { Alert, Box, Button, FormControlLabel, InputAdornment, Stack, Switch, TextField, Typography } from '@mui/material';

/** A settings section: its title (and description) on the left, its fields on the right. */
export function Section({ title, description, children, footer }) {
  return (
    <Box component="section" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 2fr' }, gap: 4, py: 4, borderBottom: 1, borderColor: 'divider' }}>
      <Box>
        <Typography variant="h6" component="h2">{title}</Typography>
        {description && <Typography variant="body2" color="text.secondary">{description}</Typography>}
      </Box>
      <Stack spacing={3}>
        {children}
        {footer}
      </Stack>
    </Box>
  );
}

/** A text field of the Dashboard: outlined, label, helper text below the frame. */
export function Field({ label, value, onChange, readOnly, required, helperText }) {
  return (
    <TextField label={label} value={value} required={required} helperText={helperText} fullWidth
      InputProps={{ readOnly }} onChange={onChange && ((e) => onChange(e.target.value))} />
  );
}

/** A lifetime: `type="number"` with its unit inside the frame, as the Dashboard shows it. */
export function LifetimeField({ label, value, onChange, unit = 'seconds', required, helperText, disabled }) {
  return (
    <TextField type="number" label={label} value={value} required={required} disabled={disabled} helperText={helperText} fullWidth
      InputProps={{ endAdornment: <InputAdornment position="end">{unit}</InputAdornment> }}
      inputProps={{ min: 0 }}
      onChange={(e) => onChange(e.target.value)} />
  );
}

/** An MUI Switch with its label, the way the Dashboard turns a setting on. */
export function SwitchRow({ label, checked, onChange }) {
  return <FormControlLabel control={<Switch checked={checked} onChange={(e) => onChange(e.target.checked)} />} label={label} />;
}

/** The Save button and what the server answered. `type="submit"` inside a form, or `onClick`. */
export function SaveBar({ status, label = 'Save', type = 'button', onClick }) {
  return (
    <Stack direction="row" spacing={2} alignItems="center" sx={{ pt: 3, flexWrap: 'wrap' }}>
      <Button variant="contained" type={type} onClick={onClick}>{label}</Button>
      {status?.ok && <Typography role="status" color="success.main">Changes saved.</Typography>}
      {status?.error && <Alert severity="error" sx={{ flexBasis: '100%', mt: 1 }}>{status.error}</Alert>}
    </Stack>
  );
}
