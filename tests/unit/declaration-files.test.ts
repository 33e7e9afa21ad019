// The declaration files keep their conventions: one object per file, named after it, in its
// domain's folder, with a one-line header, its comment and its grants beside it, short enough to
// read; and the parser reads headers the way Postgres does.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dropStatement, parseDeclaration, readDeclarations, type Declaration } from '../../scripts/declarations/declaration-files';

const root = path.resolve(import.meta.dirname, '..', '..');
const DOMAINS = ['foundation', 'moderation', 'taxonomy', 'graph', 'embeddings', 'users', 'activity', 'dashboard', 'maintenance'];

let declarations: Declaration[];
beforeAll(async () => {
  declarations = await readDeclarations(path.join(root, 'supabase', 'schemas'));
});

describe('supabase/schemas/', () => {
  it('declares every function of the app, one per file, named after it, in a domain folder', () => {
    expect(declarations.length).toBeGreaterThan(80);
    for (const d of declarations) {
      const [, , domain, file] = d.path.split('/');
      expect(DOMAINS, d.path).toContain(domain);
      expect(file, d.path).toBe(`${d.name}.sql`);
      expect(['public', 'private'], d.path).toContain(d.schema);
    }
    expect(new Set(declarations.map((d) => d.name)).size).toBe(declarations.length);
  });

  it('starts each file with a one-line header comment and keeps it under 200 lines', () => {
    for (const d of declarations) {
      const lines = d.sql.trimEnd().split('\n');
      expect(lines[0], d.path).toMatch(/^-- (Admin API|Internal helper|Trigger function): \S.{10,}$/);
      expect(lines[1], d.path).toMatch(/^create or replace /);
      expect(lines.length, d.path).toBeLessThanOrEqual(200);
    }
  });

  it('keeps only the admin API in public: admin_* functions, executable by service_role alone', () => {
    for (const d of declarations.filter((x) => x.schema === 'public')) {
      expect(d.name, d.path).toMatch(/^admin_/);
      const id = `public.${d.name}(${d.argTypes.join(', ')})`;
      expect(d.sql, d.path).toContain(`revoke execute on function ${id} from public, anon, authenticated;`);
      expect(d.sql, d.path).toContain(`grant execute on function ${id} to service_role;`);
    }
  });

  it('lets service_role execute the private helpers and nobody the trigger functions', () => {
    for (const d of declarations.filter((x) => x.schema === 'private')) {
      const id = `private.${d.name}(${d.argTypes.join(', ')})`;
      if (/returns trigger/.test(d.signature)) {
        expect(d.sql, d.path).toContain(`revoke execute on function ${id} from public, anon, authenticated, service_role;`);
        expect(d.sql, d.path).not.toMatch(/^grant /m);
      } else {
        expect(d.sql, d.path).toContain(`revoke execute on function ${id} from public, anon, authenticated;`);
        expect(d.sql, d.path).toContain(`grant execute on function ${id} to service_role;`);
      }
    }
  });

  it('comments every function, pins its search_path and names every parameter p_*', () => {
    for (const d of declarations) {
      expect(d.sql, d.path).toContain(`comment on function ${d.schema}.${d.name}(${d.argTypes.join(', ')}) is '`);
      expect(d.sql, d.path).toMatch(/^set search_path = ''$/m);
      const params = /^\(([^]*?)\) returns /.exec(d.signature)![1]!;
      for (const p of params ? params.split(/,(?=p_|[a-z]+ p_)/) : []) expect(p, d.path).toMatch(/^((in|out|inout|variadic) )?p_[a-z0-9_]+ /);
    }
  });

  it('turns JIT off wherever it disables a plan node: the 10^10 cost (PostgreSQL before 18) would JIT-compile every call', () => {
    const disabling = declarations.filter((d) => /^set enable_\w+ = off$/m.test(d.sql));
    expect(disabling.map((d) => d.name)).toContain('admin_embedding_lease');
    for (const d of disabling) expect(d.sql, d.path).toMatch(/^set jit = off$/m);
  });

  it('holds no table, trigger, policy, index or alter function: those belong in hand-written migrations or the header', async () => {
    for (const d of declarations) {
      const text = await readFile(path.join(root, d.path), 'utf8');
      expect(text, d.path).not.toMatch(/^\s*(create|alter) (table|trigger|policy|index)\b/im);
      expect(text, d.path).not.toMatch(/^alter function/im);
    }
  });
});

describe('parseDeclaration', () => {
  const sql = `-- Admin API: something.
create or replace function public.admin_x(
  p_operator uuid,
  p_items jsonb default '[{"a": 1}, {"b": "x, y"}]'::jsonb,
  p_when timestamp with time zone default now(),
  variadic p_tags text[] default array['a', 'b']
)
returns table (id uuid, "count" integer)
language plpgsql
stable
set search_path = ''
as $$ begin create table x (id int); return; end; $$;
comment on function public.admin_x(uuid, jsonb, timestamp with time zone, text[]) is 'x';`;

  it('reads the identity, the argument types and the return clause', () => {
    const d = parseDeclaration('supabase/schemas/a/admin_x.sql', sql);
    expect(d).toMatchObject({
      kind: 'function',
      schema: 'public',
      name: 'admin_x',
      argTypes: ['uuid', 'jsonb', 'timestamp with time zone', 'text[]'],
    });
    expect(d.signature).toMatch(/\) returns table\(id uuid,"count" integer\)$/);
    expect(dropStatement(d)).toBe('drop function if exists public.admin_x(uuid, jsonb, timestamp with time zone, text[]);');
  });

  it('sees a signature change but not a body change', () => {
    const a = parseDeclaration('f.sql', sql);
    expect(parseDeclaration('f.sql', sql.replace('return;', 'return next;')).signature).toBe(a.signature);
    expect(parseDeclaration('f.sql', sql.replace('"count" integer', '"count" bigint')).signature).not.toBe(a.signature);
    expect(parseDeclaration('f.sql', sql.replace('p_operator uuid', 'p_actor uuid')).signature).not.toBe(a.signature);
  });

  it('reads a view', () => {
    expect(parseDeclaration('v.sql', '-- x\ncreate or replace view private.v_x as select 1 as one;')).toMatchObject({
      kind: 'view',
      qualifiedName: 'private.v_x',
    });
  });

  it('refuses a file that is not one create-or-replace declaration, naming it', () => {
    expect(() => parseDeclaration('a.sql', 'create function public.f() returns int language sql as $$ select 1 $$;')).toThrow(
      /a\.sql: write "create or replace function"/,
    );
    expect(() => parseDeclaration('b.sql', `${sql}\ncreate or replace function public.g() returns int language sql as $$ select 1 $$;`)).toThrow(
      /b\.sql: declares more than one object/,
    );
    expect(() => parseDeclaration('c.sql', 'select 1;')).toThrow(/c\.sql: no "create or replace function"/);
  });
});
