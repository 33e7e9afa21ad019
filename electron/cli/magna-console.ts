// magna-console: the console's headless CLI for servers without a display.
//   magna-console migrate status|up [--force]   (--embedded DIR | --database-url URL) [--json]
//   magna-console demo-data [--videos N] [--seed N] [--links N]
//   magna-console overview
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AdminError, toAdminError } from '../db/admin-error';
import { openSqlConnection, type SqlTarget } from '../db/open-sql-connection';
import { SqlAdminGateway } from '../db/sql-admin-gateway';
import { readMigrationFiles } from '../services/migrations/migration-files';
import { migrateUp, migrationStatus } from '../services/migrations/migration-runner';
import { generateDemoData } from '../demo-data/generate-demo-data';
import { redactor } from '../db/postgres-database';

const USAGE = `magna-console <command> [options]

Commands:
  migrate status        list every shipped migration: applied, pending, modified, unknown
  migrate up            apply the pending migrations (each file in one transaction)
  demo-data             fill the database with deterministic demo data
  overview              row counts per table, latest migration, pgvector version

Target (one of):
  --embedded DIR        an embedded PGlite workspace folder (created when missing)
  --database-url URL    a Postgres URL (or set MAGNA_DATABASE_URL)

Options:
  --json                machine-readable output on stdout
  --force               migrate up even when the database has newer migrations
  --migrations DIR      the migrations folder (default: the shipped one)
  --videos N            demo-data: number of videos (default 320)
  --seed N              demo-data: random seed (default 42)
  --links N             demo-data: number of links between videos
`;

const optionsSchema = z.object({
  embedded: z.string().min(1).optional(),
  'database-url': z.string().min(1).optional(),
  json: z.boolean().default(false),
  force: z.boolean().default(false),
  migrations: z.string().optional(),
  videos: z.coerce.number().int().min(0).max(5_000_000).optional(),
  seed: z.coerce.number().int().optional(),
  links: z.coerce.number().int().min(0).optional(),
  help: z.boolean().default(false),
});

type Out = { json: boolean };

function fail(out: Out, err: AdminError): never {
  if (out.json) process.stdout.write(`${JSON.stringify({ ok: false, error: err.toJSON() })}\n`);
  else {
    process.stderr.write(`error: ${err.message}\n`);
    if (err.details) process.stderr.write(`${err.details}\n`);
    if (err.hint) process.stderr.write(`hint: ${err.hint}\n`);
  }
  process.exit(1);
}

export async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        embedded: { type: 'string' }, 'database-url': { type: 'string' }, json: { type: 'boolean' }, force: { type: 'boolean' },
        migrations: { type: 'string' }, videos: { type: 'string' }, seed: { type: 'string' }, links: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    process.exit(2);
  }
  const opts = optionsSchema.safeParse(parsed.values);
  if (!opts.success) {
    process.stderr.write(`${opts.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n`);
    process.exit(2);
  }
  const o = opts.data;
  const out: Out = { json: o.json };
  const [command, sub] = parsed.positionals;
  if (o.help || !command) {
    process.stdout.write(USAGE);
    process.exit(command || o.help ? 0 : 2);
  }
  const url = o['database-url'] ?? process.env.MAGNA_DATABASE_URL;
  const target: SqlTarget | null = o.embedded ? { embedded: o.embedded } : url ? { databaseUrl: url } : null;
  if (!target) fail(out, new AdminError({ code: 'no_target', message: 'No database given.', hint: 'Pass --embedded DIR or --database-url URL (or set MAGNA_DATABASE_URL).' }));
  const redact = url ? redactor(url) : (s: string) => s;

  let db;
  try {
    db = await openSqlConnection(target);
  } catch (e) {
    fail(out, toAdminError(e, redact));
  }
  const log = (line: string) => {
    if (!out.json) process.stderr.write(`${line}\n`);
  };
  try {
    if (command === 'migrate' && (sub === 'status' || sub === 'up')) {
      const files = await readMigrationFiles(o.migrations);
      if (sub === 'status') {
        const status = await migrationStatus(db, files);
        if (out.json) process.stdout.write(`${JSON.stringify({ ok: true, ...status })}\n`);
        else {
          for (const m of status.migrations) process.stdout.write(`${m.state.padEnd(9)} ${m.version}  ${m.name}\n`);
          process.stdout.write(`${status.pending} pending; latest applied ${status.latestApplied ?? 'none'}; latest shipped ${status.latestShipped ?? 'none'}\n`);
        }
      } else {
        const result = await migrateUp(db, files, {
          force: o.force,
          onProgress: (p) => {
            if (p.type === 'file') log(`[${p.index + 1}/${p.total}] applying ${p.version}_${p.name}`);
            if (p.type === 'start' && p.total === 0) log('Nothing to apply: the database is up to date.');
          },
        });
        if (out.json) process.stdout.write(`${JSON.stringify({ ok: true, applied: result.applied, status: result.status })}\n`);
        else process.stdout.write(`Applied ${result.applied.length} migration(s); ${result.status.pending} pending.\n`);
      }
    } else if (command === 'demo-data') {
      const started = performance.now();
      let last = '';
      const summary = await generateDemoData(db, {
        videos: o.videos, seed: o.seed, links: o.links,
        onProgress: ({ table, done, total }) => {
          const line = `${table}: ${done}/${Math.max(done, Math.round(total))}`;
          if (!out.json && process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(60)}`);
          last = line;
        },
      });
      if (!out.json && process.stderr.isTTY && last) process.stderr.write('\n');
      const seconds = (performance.now() - started) / 1000;
      if (out.json) process.stdout.write(`${JSON.stringify({ ok: true, rows: summary, seconds })}\n`);
      else process.stdout.write(`${Object.entries(summary).map(([t, n]) => `${t}: ${n}`).join('\n')}\nDone in ${seconds.toFixed(1)} s.\n`);
    } else if (command === 'overview') {
      const overview = await new SqlAdminGateway(db, false).call('admin_database_overview');
      process.stdout.write(`${JSON.stringify(out.json ? { ok: true, overview } : overview, null, out.json ? 0 : 2)}\n`);
    } else {
      process.stderr.write(`Unknown command: ${[command, sub].filter(Boolean).join(' ')}\n\n${USAGE}`);
      process.exitCode = 2;
    }
  } catch (e) {
    await db.close().catch(() => undefined);
    fail(out, toAdminError(e, redact));
  }
  await db.close();
}
