// magna-console: the console's headless CLI for servers without a display.
//   magna-console migrate status|up [--force]   (--embedded DIR | --database-url URL) [--json]
//   magna-console demo-data [--videos N] [--seed N] [--links N] [--add]
//   magna-console overview
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AdminError, toAdminError } from '../db/admin-error';
import type { AdminGateway } from '../db/admin-gateway';
import { openSqlConnection, type SqlTarget } from '../db/open-sql-connection';
import type { SqlConnection } from '../db/sql-connection';
import { SqlAdminGateway } from '../db/sql-admin-gateway';
import { readMigrationFiles } from '../services/migrations/migration-files';
import { defaultAppliedBy, migrateUp, migrationStatus } from '../services/migrations/migration-runner';
import { generateDemoData } from '../demo-data/generate-demo-data';
import { invokeSql } from '../operations/run-operation';
import { appVersion } from '../shells/console-app';
import { DEMO_OPERATOR, requireOperatorId } from '../services/operators';
import type { DatabaseSession } from '../services/session';
import { EmbeddingsService } from '../services/embeddings/embeddings-service';
import { JobRegistry } from '../services/jobs';
import { createLogger } from '../services/logger';
import { Redactor } from '../lib/redactor';

const USAGE = `magna-console <command> [options]

Commands:
  migrate status        list every shipped migration: applied, pending, modified, unknown
  migrate up            apply the pending migrations (each file in one transaction)
  demo-data             fill an empty database with deterministic demo data (a new --embedded
                        folder is migrated first; a database URL must be migrated with migrate up);
                        with --add, add to a database that already holds data
  overview              row counts per table, latest migration, pgvector version
  backfill              embed videos (a new job, or --job ID to work an existing one)

Target (one of):
  --embedded DIR        an embedded PGlite workspace folder (created when missing)
  --database-url URL    a Postgres URL (or set MAGNA_DATABASE_URL)

Options:
  --version, -v        print the console's version
  --json                machine-readable output on stdout
  --force               migrate up even when the database has newer migrations
  --migrations DIR      the migrations folder (default: the shipped one)
  --videos N            demo-data: number of videos (default 320)
  --seed N              demo-data: random seed (default 42)
  --links N             demo-data: number of links between videos
  --add                 demo-data: add --videos N more videos (and their users, comments, links…)
                        to a database that already holds data, clear of every existing key
  --scope S             backfill: missing (default), stale or all
  --statuses LIST       backfill: moderation statuses, comma-separated (default approved)
  --provider P          backfill: local (offline GloVe, default) or openai (OpenAI-compatible API;
                        key in MAGNA_EMBEDDING_API_KEY)
  --base-url URL        backfill: the API base URL (default https://api.openai.com/v1)
  --model NAME          backfill: the API model (default text-embedding-3-small)
  --dimensions N        backfill: dimensions to request (at most 1536)
  --batch N             backfill: texts per provider call (default 64)
  --concurrency N       backfill: batches in flight (default 2)
  --job ID              backfill: work an existing job (e.g. one started by a console)
  --operator USERNAME   backfill: the user the job is recorded as (embedded default: ada_moderator)
  --dry-run             backfill: only count the videos and estimate tokens
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
  scope: z.enum(['missing', 'stale', 'all']).default('missing'),
  statuses: z
    .string()
    .default('approved')
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(['pending', 'approved', 'rejected', 'flagged'])).min(1)),
  provider: z.enum(['local', 'openai']).default('local'),
  'base-url': z.string().url().default('https://api.openai.com/v1'),
  model: z.string().default('text-embedding-3-small'),
  dimensions: z.coerce.number().int().min(1).max(1536).optional(),
  batch: z.coerce.number().int().min(1).max(2048).default(64),
  concurrency: z.coerce.number().int().min(1).max(16).default(2),
  job: z.string().uuid().optional(),
  operator: z.string().optional(),
  'dry-run': z.boolean().default(false),
  add: z.boolean().default(false),
  help: z.boolean().default(false),
  version: z.boolean().default(false),
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
        embedded: { type: 'string' },
        'database-url': { type: 'string' },
        json: { type: 'boolean' },
        force: { type: 'boolean' },
        migrations: { type: 'string' },
        videos: { type: 'string' },
        seed: { type: 'string' },
        links: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        scope: { type: 'string' },
        statuses: { type: 'string' },
        provider: { type: 'string' },
        'base-url': { type: 'string' },
        model: { type: 'string' },
        dimensions: { type: 'string' },
        batch: { type: 'string' },
        concurrency: { type: 'string' },
        job: { type: 'string' },
        operator: { type: 'string' },
        'dry-run': { type: 'boolean' },
        add: { type: 'boolean' },
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
  if (o.version) {
    process.stdout.write(`magna-console ${appVersion()}\n`);
    process.exit(0);
  }
  if (o.help || !command) {
    process.stdout.write(USAGE);
    process.exit(command || o.help ? 0 : 2);
  }
  const url = o['database-url'] ?? process.env.MAGNA_DATABASE_URL;
  const target: SqlTarget | null = o.embedded ? { embedded: o.embedded } : url ? { databaseUrl: url } : null;
  if (!target)
    fail(
      out,
      new AdminError({
        code: 'no_target',
        message: 'No database given.',
        hint: 'Pass --embedded DIR or --database-url URL (or set MAGNA_DATABASE_URL).',
      }),
    );
  const redact = Redactor.of(url).fn;

  let db;
  try {
    // An embedded folder another console or CLI holds is refused with one sentence naming it
    // (workspace_locked), printed as is.
    db = await openSqlConnection(target, 'cli');
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
          for (const m of status.migrations)
            process.stdout.write(`${m.state.padEnd(9)} ${m.version}  ${m.name}${m.appliedAt ? `  (${m.appliedAt} by ${m.appliedBy})` : ''}\n`);
          process.stdout.write(
            `${status.pending} pending; latest applied ${status.latestApplied ?? 'none'}; latest shipped ${status.latestShipped ?? 'none'}\n`,
          );
        }
      } else {
        const result = await migrateUp(db, files, {
          force: o.force,
          appliedBy: defaultAppliedBy('magna-console CLI'),
          onProgress: (p) => {
            if (p.type === 'file') log(`[${p.index + 1}/${p.total}] applying ${p.version}_${p.name}`);
            if (p.type === 'start' && p.total === 0) log('Nothing to apply: the database is up to date.');
          },
        });
        if (out.json) process.stdout.write(`${JSON.stringify({ ok: true, applied: result.applied, status: result.status })}\n`);
        else process.stdout.write(`Applied ${result.applied.length} migration(s); ${result.status.pending} pending.\n`);
      }
    } else if (command === 'demo-data') {
      await prepareForDemoData(db, target, o, log);
      const started = performance.now();
      let last = '';
      const summary = await generateDemoData(db, {
        videos: o.videos,
        seed: o.seed,
        links: o.links,
        add: o.add,
        onProgress: ({ table, done, total }) => {
          const line = `${table}: ${done}/${Math.max(done, Math.round(total))}`;
          if (!out.json && process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(60)}`);
          last = line;
        },
      });
      if (!out.json && process.stderr.isTTY && last) process.stderr.write('\n');
      const seconds = (performance.now() - started) / 1000;
      if (out.json) process.stdout.write(`${JSON.stringify({ ok: true, rows: summary, seconds })}\n`);
      else
        process.stdout.write(
          `${Object.entries(summary)
            .map(([t, n]) => `${t}: ${n}`)
            .join('\n')}\nDone in ${seconds.toFixed(1)} s.\n`,
        );
    } else if (command === 'backfill') {
      await backfill(cliSession(new SqlAdminGateway(db, false), o, target), o, out);
    } else if (command === 'overview') {
      const overview = await invokeSql('database:overview', {}, cliSession(new SqlAdminGateway(db, false), o, target));
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

type Options = z.output<typeof optionsSchema>;

/**
 * Demo data needs the console's schema and an empty database. A new embedded folder is migrated
 * first (it is a sandbox); a database URL is never migrated behind the admin's back: the command
 * to run is named. Data already there is refused in one sentence (the generator's fixed seed
 * would collide with it on the first unique key).
 */
async function prepareForDemoData(db: SqlConnection, target: SqlTarget, o: Options, log: (line: string) => void): Promise<void> {
  const files = await readMigrationFiles(o.migrations);
  const status = await migrationStatus(db, files);
  if (status.pending > 0) {
    if (!('embedded' in target)) {
      throw new AdminError({
        code: 'migrations_pending',
        message: `The database has ${status.pending} pending migration(s): demo data needs the console's schema.`,
        hint: 'Run first: magna-console migrate up --database-url URL (or with MAGNA_DATABASE_URL set).',
      });
    }
    log(`Applying ${status.pending} migration(s) first…`);
    await migrateUp(db, files, { appliedBy: defaultAppliedBy('magna-console CLI') });
  }
  const [row] = await db.query<{ videos: number; users: number }>(
    'select (select count(*) from public.videos)::int as videos, (select count(*) from public.users)::int as users',
  );
  if (row && (row.videos > 0 || row.users > 0)) {
    if (o.add) {
      log(`Adding to the ${row.videos} video(s) and ${row.users} user(s) already there…`);
      return;
    }
    throw new AdminError({
      code: 'database_not_empty',
      message: `The database already holds ${row.videos} video(s) and ${row.users} user(s): demo data goes only into an empty database.`,
      hint: "Pass --add to add more demo data to it, or give a new folder with --embedded DIR, or an empty database's URL.",
    });
  }
}

/** A terminal progress bar: redrawn in place on a TTY, a line every few seconds otherwise. */
function progressBar(total: number) {
  const started = Date.now();
  let lastLine = 0;
  return (done: number, failed: number, final = false) => {
    const n = done + failed;
    const rate = n / Math.max(0.001, (Date.now() - started) / 1000);
    const pct = total ? Math.min(1, n / total) : 1;
    const eta = rate > 0 ? Math.round((total - n) / rate) : 0;
    const bar = '#'.repeat(Math.round(pct * 30)).padEnd(30, '-');
    const line = `[${bar}] ${(pct * 100).toFixed(0).padStart(3)}% ${n}/${total} · ${failed} failed · ${rate.toFixed(1)}/s · ETA ${eta}s`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${final ? '\n' : ''}`);
    else if (final || Date.now() - lastLine > 5000) {
      process.stderr.write(`${line}\n`);
      lastLine = Date.now();
    }
  };
}

/** The CLI's database session: its target, acting as --operator (embedded default: the demo moderator). */
function cliSession(gateway: AdminGateway, o: Options, target: SqlTarget): DatabaseSession {
  const username = o.operator ?? ('embedded' in target ? DEMO_OPERATOR : null);
  let operator: Promise<string> | null = null;
  return {
    gateway: async () => gateway,
    operatorId: () => {
      if (!username)
        return Promise.reject(new AdminError({ code: 'operator_missing', message: 'Pass --operator USERNAME: the job is recorded as that user.' }));
      operator ??= requireOperatorId(gateway, username);
      return operator;
    },
    // Scripts pass --force where it matters; the CLI asks for no typed confirmation.
    profile: () => ({ name: 'embedded' in target ? target.embedded : 'database', production: false }),
  };
}

async function backfill(session: DatabaseSession, o: Options, out: Out): Promise<void> {
  const embeddings = new EmbeddingsService(session, new JobRegistry(), createLogger(null, new Redactor()));
  const provider =
    o.provider === 'local'
      ? { provider: 'local' as const }
      : { provider: 'openai' as const, baseUrl: o['base-url'], model: o.model, dimensions: o.dimensions, pricePerMillionTokens: 0 };
  const input = { provider, scope: o.scope, statuses: o.statuses, batchSize: o.batch, concurrency: o.concurrency };
  let jobId = o.job;
  if (!jobId) {
    if (o['dry-run']) {
      const estimate = await embeddings.estimate(input);
      if (out.json) process.stdout.write(`${JSON.stringify({ ok: true, ...estimate })}\n`);
      else process.stdout.write(`${estimate.videos} video(s) to embed, about ${estimate.estimated_tokens} tokens.\n`);
      return;
    }
    jobId = (await embeddings.createJob(input)).id;
  }
  const job = await embeddings.job(jobId);
  const total = job.total - job.done;
  if (!out.json) process.stderr.write(`Job ${jobId}: ${total} video(s) with ${job.model}\n`);
  const draw = progressBar(total);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const { result } = await embeddings.runJob(jobId, {
    batchSize: o.batch,
    concurrency: o.concurrency,
    signal: controller.signal,
    onProgress: (p) => {
      if (!out.json) draw(p.done, p.failed);
    },
  });
  if (!out.json) draw(result.done, result.failed, true);
  if (out.json) process.stdout.write(`${JSON.stringify({ ok: true, jobId, ...result })}\n`);
  else
    process.stdout.write(
      `${result.stopped === 'finished' ? 'Finished' : `Stopped (${result.stopped})`}: ${result.done} embedded, ${result.failed} failed.\n`,
    );
}
