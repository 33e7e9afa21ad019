#!/usr/bin/env node
// Runs @doyensec/electronegativity over the Electron code (sources and built bundles) and
// fails on any HIGH or MEDIUM finding not justified in electronegativity-exceptions.json.
// The tool itself always exits 0, so its CSV is read instead.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.cache', 'electronegativity.csv');
mkdirSync(path.dirname(out), { recursive: true });
// The tool overwrites in place without truncating: start from no file.
rmSync(out, { force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', root, '-o', out, '-r', '-v', 'false'], {
  cwd: root, stdio: ['ignore', 'ignore', 'inherit'],
});

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field.trim()); field = ''; }
    else if (c === '\n') { row.push(field.trim()); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field.trim()); rows.push(row); }
  return rows;
}

const text = readFileSync(out, 'utf8');
const [header, ...rows] = parseCsv(text);
const lines = text.split('\n').filter((l) => /^[A-Z_]+_(CHECK|JS_CHECK|HTML_CHECK|GLOBAL_CHECK)\b/.test(l)).length;
if (!header || rows.filter((r) => r.length >= 8).length !== lines) {
  console.error(`electronegativity: could not read its report (${out}); refusing to pass unchecked.`);
  process.exit(1);
}
const col = (name) => header.findIndex((h) => h.trim() === name);
const [iIssue, iSeverity, iFile, iLocation] = [col('issue'), col('severity'), col('filename'), col('location')];
const { exceptions } = JSON.parse(readFileSync(path.join(root, 'electronegativity-exceptions.json'), 'utf8'));
const ignoredDirs = ['node_modules/', '.tmp/', '.cache/', 'release/', 'tests/'];

const findings = rows
  .filter((r) => r.length > iFile && ['HIGH', 'MEDIUM'].includes(r[iSeverity]))
  .filter((r) => !ignoredDirs.some((d) => r[iFile].startsWith(d)));
const unjustified = findings.filter((r) => !exceptions.some((e) => e.check === r[iIssue] && e.files.some((f) => r[iFile].startsWith(f))));
console.log(`electronegativity: ${findings.length} HIGH/MEDIUM finding(s), ${findings.length - unjustified.length} justified in electronegativity-exceptions.json`);
for (const r of unjustified) console.error(`  ${r[iSeverity]} ${r[iIssue]} at ${r[iFile]}:${r[iLocation]}`);
process.exit(unjustified.length ? 1 : 0);
