// `npm run bench [suite ...] [--videos N]`: prints figures as ratios against baselines measured
// in the same run. Suites: foundation, moderation and taxonomy (1M videos), graph (50k videos, 200k links), embeddings,
// responsiveness (the console's admin-call latency while a backfill of --videos, default 20,000, runs; --seconds N
// watches only its first N seconds, then cancels it, for a window of a long backfill), dashboard
// (dashboard and activity log at 1M videos; MAGNA_BENCH_DATABASE_URL: on that server, --videos of them); datasets are
// generated once into .cache/bench. With MAGNA_BENCH_DATABASE_URL (a PostgreSQL server with pgvector whose user may
// create databases, e.g. from ../shared/tools/real-postgres.sh start), the embeddings and responsiveness suites print
// the embedded and the real-server figures side by side.
import { parseArgs } from 'node:util';
import * as foundation from './suites/foundation';
import * as moderation from './suites/moderation';
import * as taxonomy from './suites/taxonomy';
import * as graph from './suites/graph';
import * as embeddings from './suites/embeddings';
import * as responsiveness from './suites/responsiveness';
import * as dashboard from './suites/dashboard';
import type { Report } from './measure';
import { benchServerUrl } from './server';
import { describeDatabaseUrl } from '../../electron/db/postgres-database';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { videos: { type: 'string' }, seconds: { type: 'string' } } });

type Options = { videos: number; serverUrl: string | null; seconds: number | null };
const suites: Record<string, (report: Report, options: Options) => Promise<void>> = {
  foundation: foundation.run,
  moderation: (report) => moderation.run(report),
  // Taxonomy runs on 1,000,000 videos unless --videos says otherwise (its dataset takes long to generate).
  taxonomy: (report, options) => taxonomy.run(report, values.videos ? Number(values.videos) : 1_000_000, options.serverUrl),
  graph: (report) => graph.run(report),
  embeddings: (report, options) => embeddings.run(report, options),
  responsiveness: responsiveness.run,
  dashboard: dashboard.run,
};

const chosen = positionals.length ? positionals : Object.keys(suites);
const options: Options = {
  videos: Number(values.videos ?? 20_000),
  serverUrl: benchServerUrl(),
  seconds: values.seconds === undefined ? null : Number(values.seconds),
};
if (!Number.isInteger(options.videos) || options.videos < 1) {
  console.error(`--videos takes a whole number of videos, not ${values.videos}`);
  process.exit(2);
}
if (options.seconds !== null && !(options.seconds > 0)) {
  console.error(`--seconds takes a positive number of seconds, not ${values.seconds}`);
  process.exit(2);
}
if (options.serverUrl) console.log(`Real server: ${describeDatabaseUrl(options.serverUrl)} (MAGNA_BENCH_DATABASE_URL)`);

for (const name of chosen) {
  const suite = suites[name];
  if (!suite) {
    console.error(`Unknown suite ${name}; known: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n## ${name}`);
  await suite((label, value) => console.log(`${label.padEnd(64)} ${value}`), options);
}
