// Do the migrations produce exactly what supabase/schemas/ declares? Given a database the
// migrations were applied to, snapshot every function and view in `public` and `private`
// (definition, grants, settings, comment), drop them all, apply every declaration file to the
// now function-less database, snapshot again and compare. Dropping first matters: re-applying a
// file on top would keep a grant or comment the file no longer has.
// Destructive: give it a throwaway copy of a migrated database.
import type { SqlConnection } from '../../electron/db/sql-connection';
import { orderDeclarations, readDeclarations } from '../../scripts/declarations/declaration-files';

export type DriftProblem = {
  /** The declaration file at fault, `supabase/schemas/<domain>/<object>.sql`, when there is one. */
  file: string | null;
  object: string;
  problem: string;
};

type CatalogObject = { key: string; definition: string; grants: string | null; config: string | null; comment: string | null };

const SCHEMAS = "('public', 'private')";
const NOT_EXTENSION_MEMBER = (catalog: string, oid: string) =>
  `not exists (select 1 from pg_catalog.pg_depend d where d.classid = '${catalog}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;

const FUNCTION_KEY = `pg_catalog.format('%s.%s(%s)', n.nspname, p.proname,
  (select pg_catalog.string_agg(pg_catalog.format_type(t.type, null), ', ' order by t.ord)
     from pg_catalog.unnest(p.proargtypes::oid[]) with ordinality as t(type, ord)))`;
const FUNCTIONS = `from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
  where n.nspname in ${SCHEMAS} and ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}`;
const VIEWS = `from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where c.relkind = 'v' and n.nspname in ${SCHEMAS} and ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`;

async function snapshot(db: SqlConnection): Promise<Map<string, CatalogObject>> {
  const rows = await db.query<CatalogObject>(`
    select ${FUNCTION_KEY} as key, pg_catalog.pg_get_functiondef(p.oid) as definition, p.proacl::text as grants,
           p.proconfig::text as config, pg_catalog.obj_description(p.oid, 'pg_proc') as comment ${FUNCTIONS}
    union all
    select pg_catalog.format('%s.%s', n.nspname, c.relname), pg_catalog.pg_get_viewdef(c.oid, true), c.relacl::text,
           c.reloptions::text, pg_catalog.obj_description(c.oid, 'pg_class') ${VIEWS}`);
  return new Map(rows.map((r) => [r.key, r]));
}

async function objectKeys(db: SqlConnection): Promise<Set<string>> {
  const rows = await db.query<{ key: string }>(`select ${FUNCTION_KEY} as key ${FUNCTIONS}
    union all select pg_catalog.format('%s.%s', n.nspname, c.relname) ${VIEWS}`);
  return new Set(rows.map((r) => r.key));
}

async function dropAll(db: SqlConnection): Promise<void> {
  // Cascade also drops the triggers on the trigger functions: only functions and views are compared.
  await db.execute(`do $drop$
    declare r record;
    begin
      for r in select c.oid::regclass as v ${VIEWS} loop
        execute pg_catalog.format('drop view if exists %s cascade', r.v);
      end loop;
      for r in select p.oid::regprocedure as f ${FUNCTIONS} loop
        execute pg_catalog.format('drop function if exists %s cascade', r.f);
      end loop;
    end
    $drop$`);
}

const FIELDS = [
  ['definition', 'definition'],
  ['grants', 'grants'],
  ['config', 'settings (set ...)'],
  ['comment', 'comment'],
] as const;

/** Every way the migrated database `db` differs from the declarations under `schemasDir`. */
export async function findDeclarationDrift(db: SqlConnection, schemasDir: string): Promise<DriftProblem[]> {
  const problems: DriftProblem[] = [];
  const migrated = await snapshot(db);
  await dropAll(db);
  // The objects each file creates, by difference: no parsing can get this wrong.
  const declaredBy = new Map<string, string>();
  let seen = new Set<string>();
  for (const declaration of orderDeclarations(await readDeclarations(schemasDir))) {
    try {
      await db.transaction((tx) => tx.execute(declaration.sql));
    } catch (e) {
      problems.push({
        file: declaration.path,
        object: declaration.qualifiedName,
        problem: `does not apply to the migrated tables: ${(e as Error).message}`,
      });
      continue;
    }
    const now = await objectKeys(db);
    const created = [...now].filter((k) => !seen.has(k));
    seen = now;
    if (created.length === 0) {
      problems.push({
        file: declaration.path,
        object: declaration.qualifiedName,
        problem: `creates nothing new (is ${declaration.qualifiedName} declared in another file too?)`,
      });
    } else if (created.length > 1) {
      problems.push({ file: declaration.path, object: created.join(', '), problem: 'declares more than one object: one file per function or view' });
    }
    for (const key of created) declaredBy.set(key, declaration.path);
  }
  const declared = await snapshot(db);
  for (const [key, object] of declared) {
    const file = declaredBy.get(key) ?? null;
    const shipped = migrated.get(key);
    if (!shipped) {
      problems.push({
        file,
        object: key,
        problem: 'is declared but no migration creates it: write a migration with `npm run migration:new -- <name>`',
      });
      continue;
    }
    const differing = FIELDS.filter(([field]) => shipped[field] !== object[field]).map(([, label]) => label);
    if (differing.length > 0) {
      problems.push({
        file,
        object: key,
        problem: `differs from what the migrations create (${differing.join(', ')}): write a migration with \`npm run migration:new -- <name>\``,
      });
    }
  }
  for (const key of migrated.keys()) {
    if (!declared.has(key)) {
      problems.push({
        file: null,
        object: key,
        problem: 'is created by the migrations but declared in no file under supabase/schemas/ (declare it, or drop it in a migration)',
      });
    }
  }
  // By file, then object (the catalog answers in no particular order; files without one last).
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return problems.sort((a, b) => byCodePoint(a.file ?? '\uffff', b.file ?? '\uffff') || byCodePoint(a.object, b.object));
}

/** One line per problem, file first: what a failing test prints. */
export function formatDrift(problems: DriftProblem[]): string {
  return problems.map((p) => `${p.file ?? '(no declaration file)'}: ${p.object} ${p.problem}`).join('\n');
}
