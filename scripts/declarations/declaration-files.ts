// The declaration files under supabase/schemas/<domain>/<object>.sql: each declares one function
// or view (create or replace, its comment and its grants). This module reads them, tells what
// object each declares (to drop it, or to notice that its signature changed) and orders them so
// that an object comes after the declared objects it mentions.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export type Declaration = {
  /** Where the file is, relative to the project root: `supabase/schemas/<domain>/<object>.sql`. */
  path: string;
  sql: string;
  kind: 'function' | 'view';
  schema: string;
  name: string;
  /** `schema.name`. */
  qualifiedName: string;
  /** Functions: the input argument types, as written (`uuid`, `text[]`, `timestamptz`). */
  argTypes: string[];
  /** Functions: the parameter list and the return clause, normalized; a change needs a drop first. */
  signature: string;
};

const IDENT = '[a-z_][a-z0-9_$]*';
const HEADER = new RegExp(`^\\s*create\\s+(or\\s+replace\\s+)?(function|view)\\s+(${IDENT})\\.(${IDENT})\\b`, 'im');
const FUNCTION_ATTRIBUTE =
  /^(language|immutable|stable|volatile|strict|called|returns\s+null|security|external|leakproof|not|parallel|cost|rows|support|set|as|begin|window|transform)\b/i;
const MODES = new Set(['in', 'out', 'inout', 'variadic']);
// Words a type can begin with that are not parameter names (for unnamed parameters).
const TYPE_WORDS = new Set(['double', 'timestamp', 'time', 'character', 'char', 'bit', 'interval', 'national', 'varchar']);

export class DeclarationError extends Error {}

/** SQL with comments removed and strings and dollar-quoted bodies kept, for scanning headers. */
function withoutComments(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
      continue;
    }
    if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        const stop = close === -1 ? sql.length : close + tag[0].length;
        out += sql.slice(i, stop);
        i = stop;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** SQL without comments, strings or dollar-quoted bodies: the statements' own words only. */
function statementWords(sql: string): string {
  return withoutComments(sql)
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/\$([A-Za-z_][A-Za-z0-9_]*)?\$[\s\S]*?\$\1\$/g, '$$$$');
}

/** Splits `text` at top-level commas (outside parentheses, brackets and quotes). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'") {
      let j = i + 1;
      while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'")) j += text[j] === "'" ? 2 : 1;
      current += text.slice(i, j + 1);
      i = j;
      continue;
    }
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Index of the parenthesis closing the one at `open`. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'") {
      let j = i + 1;
      while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'")) j += text[j] === "'" ? 2 : 1;
      i = j;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

const normalize = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),[\]])\s*/g, '$1')
    .trim()
    .toLowerCase();

/** The type of one parameter (`p_items jsonb default '[]'` → `jsonb`), or null for an OUT parameter. */
function parameterType(param: string): string | null {
  const withoutDefault = param.replace(/\s+(default\b|=)[\s\S]*$/i, '').trim();
  const words = withoutDefault.split(/\s+/);
  let mode = 'in';
  if (words.length > 1 && MODES.has(words[0]!.toLowerCase())) mode = words.shift()!.toLowerCase();
  if (words.length > 1 && new RegExp(`^${IDENT}$`, 'i').test(words[0]!) && !TYPE_WORDS.has(words[0]!.toLowerCase())) words.shift();
  return mode === 'out' ? null : words.join(' ');
}

/** What a declaration file declares. Throws a DeclarationError naming the file if it cannot tell. */
export function parseDeclaration(filePath: string, sql: string): Declaration {
  const code = withoutComments(sql);
  const header = HEADER.exec(code);
  if (!header) throw new DeclarationError(`${filePath}: no "create or replace function" or "create or replace view" statement.`);
  if (!header[1])
    throw new DeclarationError(`${filePath}: write "create or replace ${header[2]!.toLowerCase()}" so the declaration can be applied again.`);
  const kind = header[2]!.toLowerCase() as 'function' | 'view';
  const schema = header[3]!.toLowerCase();
  const name = header[4]!.toLowerCase();
  const creates =
    statementWords(sql).match(/\bcreate\s+(or\s+replace\s+)?(function|view|procedure|table|trigger|materialized|index|schema)\b/gi) ?? [];
  if (creates.length > 1) throw new DeclarationError(`${filePath}: declares more than one object; one file per function or view.`);
  if (kind === 'view') {
    return { path: filePath, sql, kind, schema, name, qualifiedName: `${schema}.${name}`, argTypes: [], signature: '' };
  }
  const open = header.index + header[0].length + (/^\s*/.exec(code.slice(header.index + header[0].length))?.[0].length ?? 0);
  if (code[open] !== '(') throw new DeclarationError(`${filePath}: no parameter list after the function name.`);
  const close = closingParen(code, open);
  if (close === -1) throw new DeclarationError(`${filePath}: the parameter list is not closed.`);
  const params = splitTopLevel(code.slice(open + 1, close));
  const argTypes = params.map(parameterType).filter((t): t is string => t !== null);
  // The return clause: from `returns` to the first function attribute outside parentheses.
  const rest = code.slice(close + 1);
  const returns = /^\s*returns\s+/i.exec(rest);
  let returnClause = '';
  if (returns) {
    let depth = 0;
    let i = returns[0].length;
    for (; i < rest.length; i++) {
      const ch = rest[i]!;
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      if (depth === 0 && /\s/.test(ch) && FUNCTION_ATTRIBUTE.test(rest.slice(i + 1).trimStart())) break;
    }
    returnClause = rest.slice(returns[0].length, i);
  }
  return {
    path: filePath,
    sql,
    kind,
    schema,
    name,
    qualifiedName: `${schema}.${name}`,
    argTypes,
    signature: `(${params.map(normalize).join(',')}) returns ${normalize(returnClause)}`,
  };
}

/** `schema.name(type, ...)` for functions, `schema.name` for views. */
export function objectIdentity(d: Pick<Declaration, 'kind' | 'qualifiedName' | 'argTypes'>): string {
  return d.kind === 'view' ? d.qualifiedName : `${d.qualifiedName}(${d.argTypes.join(', ')})`;
}

/** The statement that removes what a declaration declares. */
export function dropStatement(d: Pick<Declaration, 'kind' | 'qualifiedName' | 'argTypes'>): string {
  return `drop ${d.kind} if exists ${objectIdentity(d)};`;
}

/** Every declaration under `schemasDir` (read recursively), paths relative to `rootDir`. */
export async function readDeclarations(schemasDir: string, rootDir = path.resolve(schemasDir, '..', '..')): Promise<Declaration[]> {
  const found: Declaration[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.sql')) {
        const rel = path.relative(rootDir, full).split(path.sep).join('/');
        found.push(parseDeclaration(rel, normalizeText(await readFile(full, 'utf8'))));
      }
    }
  };
  await walk(schemasDir);
  return found;
}

/** Line endings and the final newline normalized: what is compared and embedded. */
export function normalizeText(sql: string): string {
  return `${sql.replace(/\r\n?/g, '\n').replace(/\s+$/, '')}\n`;
}

/**
 * Orders declarations so each comes after the declared objects it mentions (SQL-language
 * functions and views are checked against what they use when created; plpgsql bodies are not,
 * but the order costs nothing). Ties, and the members of a cycle, go by path.
 */
export function orderDeclarations<T extends Pick<Declaration, 'path' | 'sql' | 'qualifiedName'>>(declarations: T[]): T[] {
  const byPath = [...declarations].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const code = new Map(byPath.map((d) => [d.path, withoutComments(d.sql).toLowerCase()]));
  const dependsOn = new Map<string, Set<string>>();
  for (const d of byPath) {
    const deps = new Set<string>();
    for (const other of byPath) {
      if (other.path === d.path || other.qualifiedName === d.qualifiedName) continue;
      const pattern = new RegExp(`(^|[^a-z0-9_$."])${other.qualifiedName.replace(/[.$]/g, '\\$&')}($|[^a-z0-9_$])`);
      if (pattern.test(code.get(d.path)!)) deps.add(other.path);
    }
    dependsOn.set(d.path, deps);
  }
  // Depth first, in path order: each declaration is preceded by what it mentions; a mention
  // that closes a cycle is ignored (the cycle's members then go by path).
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: T[] = [];
  const byPathMap = new Map(byPath.map((d) => [d.path, d]));
  const visit = (d: T) => {
    if (done.has(d.path) || visiting.has(d.path)) return;
    visiting.add(d.path);
    for (const dep of [...dependsOn.get(d.path)!].sort()) visit(byPathMap.get(dep)!);
    visiting.delete(d.path);
    done.add(d.path);
    ordered.push(d);
  };
  byPath.forEach(visit);
  return ordered;
}
