// The npm duration parsers compared with the wasm core in the same browser.
import ms from 'ms';
import parseDuration from 'parse-duration';

globalThis.npmParsers = {
  // Both return milliseconds (or undefined/null for a refusal).
  ms: (s) => { const v = ms(s); return typeof v === 'number' && Number.isFinite(v) ? v / 1000 : null; },
  'parse-duration': (s) => { const v = parseDuration(s); return typeof v === 'number' && Number.isFinite(v) ? v / 1000 : null; },
};
