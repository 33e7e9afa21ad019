// `npm run migration:new -- <name>`: writes supabase/migrations/<UTC YYYYMMDDHHMMSS>_<name>.sql
// holding exactly the declarations under supabase/schemas/ that changed since the last migration
// (new and edited files, and a drop for each deleted one), in dependency order.
// `npm run migration:new -- --check`: exits 1, listing them, if any changed without a migration.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newMigration, planFromProject, type Change } from './declarations/migration-plan';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const describe = (c: Change) =>
  `  ${c.status.padEnd(8)} ${c.path}${c.status === 'changed' && c.dropFirst ? ' (signature or return type changed: the old function is dropped first)' : ''}`;

async function main(args: string[]): Promise<number> {
  if (args.includes('--check')) {
    const { changes } = await planFromProject(root);
    if (changes.length === 0) {
      console.log('Every declaration under supabase/schemas/ is in the migrations.');
      return 0;
    }
    console.error(`${changes.length} declaration file${changes.length > 1 ? 's' : ''} changed without a migration:`);
    for (const c of changes) console.error(describe(c));
    console.error('Write the migration with: npm run migration:new -- <name>');
    return 1;
  }
  const name = args.find((a) => !a.startsWith('-'));
  if (!name || !/^[a-z0-9][a-z0-9_]*$/.test(name) || args.length !== 1) {
    console.error('Usage: npm run migration:new -- <name>     (lower-case letters, digits and _; e.g. staff_role_check)');
    console.error('       npm run migration:new -- --check');
    return 2;
  }
  const migration = await newMigration(root, name);
  if (!migration) {
    console.log('no changes: every declaration under supabase/schemas/ is already in the migrations; nothing written.');
    return 0;
  }
  const file = path.join(root, 'supabase', 'migrations', migration.fileName);
  if (existsSync(file)) throw new Error(`${file} already exists.`);
  await writeFile(file, migration.sql);
  console.log(`wrote supabase/migrations/${migration.fileName}:`);
  for (const c of migration.changes) console.log(describe(c));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
