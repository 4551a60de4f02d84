// Generated tenants for the lifetime map: `apps` applications configured alike in three profiles
// (a browser app, a native app with a year-long refresh token, a back-end app without refresh
// tokens), `apps / 5` APIs in two, the tenant's sessions, and on purpose a handful of findings
// and outliers — what a real tenant of that size looks like. `expected` says what the map
// must show.
export function tenant(apps) {
  const lines = ['tenant:', '  session_lifetime: 168', '  idle_session_lifetime: 72', 'resourceServers:'];
  const apis = Math.max(1, Math.floor(apps / 5));
  for (let i = 0; i < apis; i++) {
    const tl = i === 0 ? 2678400 : i % 10 === 9 ? 2592000 : 86400;
    lines.push(`  - name: ${i === 0 ? 'Payments API' : `Service ${i} API`}`, `    identifier: https://api${i}.example/`, `    token_lifetime: ${tl}`, '    token_lifetime_for_web: 7200');
  }
  lines.push('clients:');
  const names = [];
  for (let i = 0; i < apps; i++) {
    // A long name, alike at the start as real ones are, so only the whole name tells them apart.
    const name = `Application Storefront app for market ${String(i).padStart(4, '0')}`;
    names.push(name);
    lines.push(`  - name: ${name}`);
    if (i % 10 === 7) {
      lines.push('    app_type: non_interactive', '    jwt_configuration:', '      lifetime_in_seconds: 36000');
      continue;
    }
    const [id, absolute, idle] = i === 0 ? [36000, 200000000, 2592000]
      : i === 1 || i === 2 ? [36000, 2592000, 5184000]
      : i === 3 ? [3600, 2592000, 1296000]
      : i === 4 ? [36000, 2592000, 2592000]
      : i % 5 === 0 ? [36000, 31557600, 2592000]
      : [36000, 2592000, 1296000];
    lines.push('    jwt_configuration:', `      lifetime_in_seconds: ${id}`, '    refresh_token:', '      expiration_type: expiring', '      rotation_type: rotating',
      `      token_lifetime: ${absolute}`, `      idle_token_lifetime: ${idle}`, '      leeway: 0');
  }
  const count = (f) => [...Array(apps).keys()].filter(f).length;
  const longApis = Math.floor(apis / 10);
  const expected = {
    // Findings and outliers first, each on its own row (the two alike warnings share one).
    first: ['API Payments API', `Application ${names[0]}`, '2 applications', `Application ${names[3]}`, `Application ${names[4]}`],
    groups: {
      browser: count((i) => i > 4 && i % 10 !== 7 && i % 5 !== 0),
      native: count((i) => i > 4 && i % 5 === 0),
      backend: count((i) => i % 10 === 7),
      apis: apis - 1 - longApis,
      longApis,
    },
    names,
  };
  return { text: `${lines.join('\n')}\n`, expected };
}
