#!/usr/bin/env node
// Runs @doyensec/electronegativity over the Electron code (sources and built bundles) and
// fails on any HIGH or MEDIUM finding not justified in electronegativity-exceptions.json.
// The tool itself always exits 0, so its CSV is read instead.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
// The main-process code, as written and as built (where windows, navigation and permissions are
// decided; a renderer-only scan reports those global checks as missing). Never caches, data folders or
// test output, which can hold anything).
const INPUTS = ['electron', 'dist-electron'].filter((d) => existsSync(path.join(root, d)));

function scan(input) {
  const out = path.join(root, '.cache', `electronegativity-${input.replace(/\//g, '-')}.csv`);
  mkdirSync(path.dirname(out), { recursive: true });
  // The tool overwrites in place without truncating: start from no file.
  rmSync(out, { force: true });
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'),
      '-i',
      path.join(root, input),
      '-o',
      out,
      '-r',
      '-v',
      'false',
      '-e',
      electronVersion,
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return { input, out };
}

function parseCsv(text) {
  const rows = [];
  let row = [],
    field = '',
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field.trim());
      field = '';
    } else if (c === '\n') {
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    row.push(field.trim());
    rows.push(row);
  }
  return rows;
}

const findingsAll = [];
for (const { input, out } of INPUTS.map(scan)) {
  const text = readFileSync(out, 'utf8');
  const [header, ...rows] = parseCsv(text);
  if (!header || header.findIndex((h) => h.trim() === 'issue') !== 0) {
    console.error(`electronegativity: could not read its report for ${input} (${out}); refusing to pass unchecked.`);
    process.exit(1);
  }
  const col = (name) => header.findIndex((h) => h.trim() === name);
  for (const r of rows.filter((r) => r.length >= 8)) {
    findingsAll.push({ issue: r[col('issue')], severity: r[col('severity')], file: `${input}/${r[col('filename')]}`, location: r[col('location')] });
  }
}
const { exceptions } = JSON.parse(readFileSync(path.join(root, 'electronegativity-exceptions.json'), 'utf8'));
const findings = findingsAll.filter((f) => ['HIGH', 'MEDIUM'].includes(f.severity));
const unjustified = findings.filter((f) => !exceptions.some((e) => e.check === f.issue && e.files.some((p) => f.file.startsWith(p))));
console.log(
  `electronegativity: ${findings.length} HIGH/MEDIUM finding(s) in ${INPUTS.join(', ')}; ${findings.length - unjustified.length} justified in electronegativity-exceptions.json`,
);
for (const f of unjustified) console.error(`  ${f.severity} ${f.issue} at ${f.file}:${f.location}`);
process.exit(unjustified.length ? 1 : 0);
