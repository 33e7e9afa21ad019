// Splits a migration file into statements the way the Supabase CLI does: on `;` outside
// quotes, comments and dollar-quoted bodies; each statement trimmed, its `;` dropped.
// normalizeSql() removes comments and collapses whitespace, so a file re-formatted by the CLI
// or by an editor is not reported as modified.

type Segment = { kind: 'code' | 'comment' | 'string'; text: string };

function scan(sql: string): Segment[] {
  const segments: Segment[] = [];
  let code = '';
  const pushCode = () => {
    if (code) segments.push({ kind: 'code', text: code });
    code = '';
  };
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      pushCode();
      segments.push({ kind: 'comment', text: sql.slice(i, stop) });
      i = stop;
      continue;
    }
    if (ch === '/' && next === '*') {
      let depth = 1;
      let j = i + 2;
      while (j < sql.length && depth > 0) {
        if (sql[j] === '/' && sql[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (sql[j] === '*' && sql[j + 1] === '/') {
          depth--;
          j += 2;
        } else j++;
      }
      pushCode();
      segments.push({ kind: 'comment', text: sql.slice(i, j) });
      i = j;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const escapes = ch === "'" && i > 0 && /[eE]/.test(sql[i - 1]!) && !/[\w$]/.test(sql[i - 2] ?? ' ');
      let j = i + 1;
      while (j < sql.length) {
        if (escapes && sql[j] === '\\') {
          j += 2;
          continue;
        }
        if (sql[j] === ch) {
          if (sql[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      pushCode();
      segments.push({ kind: 'string', text: sql.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (ch === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      const prev = sql[i - 1] ?? ' ';
      if (tag && !/[\w$]/.test(prev)) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        const stop = close === -1 ? sql.length : close + tag[0].length;
        pushCode();
        segments.push({ kind: 'string', text: sql.slice(i, stop) });
        i = stop;
        continue;
      }
    }
    code += ch;
    i++;
  }
  pushCode();
  return segments;
}

/** The statements of a SQL script, trimmed, without their terminating semicolons. */
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  const flush = () => {
    const trimmed = current.trim();
    if (trimmed && normalizeSql(trimmed) !== '') statements.push(trimmed);
    current = '';
  };
  for (const segment of scan(sql)) {
    if (segment.kind !== 'code') {
      current += segment.text;
      continue;
    }
    const parts = segment.text.split(';');
    parts.forEach((part, index) => {
      current += part;
      if (index < parts.length - 1) flush();
    });
  }
  flush();
  return statements;
}

/** SQL without comments, with runs of whitespace collapsed: what decides "modified". */
export function normalizeSql(sql: string): string {
  return scan(sql)
    .filter((s) => s.kind !== 'comment')
    .map((s) => (s.kind === 'code' ? s.text.replace(/\s+/g, ' ') : s.text))
    .join('')
    .replace(/\s*;\s*$/, '')
    .trim();
}
