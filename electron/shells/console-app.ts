// Composes the console's services once per process and gives both shells the same handlers.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { databaseOverviewSchema } from '../api/database';
import { ConnectionService } from '../services/connections/connection-service';
import { ProfileStore, type StoredProfile } from '../services/connections/profile-store';
import type { SecretStore } from '../services/connections/secret-store';
import { JobRegistry } from '../services/jobs';
import { createLogger, type Logger, Redactor } from '../services/logger';
import { MigrationsService } from '../services/migrations/migrations-service';
import { ModerationService } from '../services/moderation-service';
import { TaxonomyService } from '../services/taxonomy-service';
import { GraphService } from '../services/graph/graph-service';
import { EmbeddingsService } from '../services/embeddings/embeddings-service';
import type { Channel } from '../api/channels';
import { contract, type Output } from '../api/contract';
import { AdminError } from '../db/admin-error';
import type { Handlers } from './handle';

export type ConsoleAppOptions = {
  shell: 'electron' | 'browser';
  dataDir: string;
  secrets: (redactor: Redactor) => SecretStore;
  builtInProfiles?: StoredProfile[];
  /** Opens an http(s) URL outside the app; false when the shell leaves it to the page. */
  openExternal: (url: string) => Promise<boolean>;
  echoLog?: boolean;
};

export type ConsoleApp = {
  handlers: Handlers;
  jobs: JobRegistry;
  logger: Logger;
  redactor: Redactor;
  connections: ConnectionService;
  close(): Promise<void>;
};

export function appVersion(): string {
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    for (const candidate of [path.join(here, '..', 'package.json'), path.join(here, '..', '..', 'package.json')]) {
      try {
        return z.object({ version: z.string() }).parse(JSON.parse(readFileSync(candidate, 'utf8'))).version;
      } catch {
        /* try the next */
      }
    }
  } catch {
    /* fall through */
  }
  return '0.0.0';
}

/** Only http(s) URLs, parsed (a prefix check is fooled by https://example.com.evil.io). */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

export function createConsoleApp(options: ConsoleAppOptions): ConsoleApp {
  const redactor = new Redactor();
  const logger = createLogger(path.join(options.dataDir, 'logs', 'console.log'), redactor, options.echoLog ?? false);
  const secrets = options.secrets(redactor);
  const store = new ProfileStore(path.join(options.dataDir, 'profiles.json'), options.builtInProfiles ?? []);
  const connections = new ConnectionService(store, secrets, path.join(options.dataDir, 'workspace'), logger, redactor);
  const jobs = new JobRegistry();
  const migrations = new MigrationsService(connections, jobs, logger, redactor);
  const moderation = new ModerationService(connections);
  const taxonomy = new TaxonomyService(connections);
  const graph = new GraphService(connections);
  const embeddings = new EmbeddingsService(connections, jobs, logger);
  /** Types what a service returns by the channel's output schema (handle() checks it again at the boundary). */
  const out = <C extends Channel>(channel: C) => async (p: Promise<unknown>): Promise<Output<C>> => contract[channel].output.parse(await p) as Output<C>;

  const handlers: Handlers = {
    'app:info': async () => ({ version: appVersion(), shell: options.shell, platform: process.platform, dataDir: options.dataDir }),
    'connections:list': async () => connections.list(),
    'connections:save': async (input) => connections.save(input),
    'connections:delete': async ({ id, confirm }) => connections.delete(id, confirm),
    'connections:activate': async ({ id }) => connections.activate(id),
    'connections:test': async ({ id }) => connections.test(id),
    'connections:set-operator': async ({ id, operatorId }) => connections.setOperator(id, operatorId),
    'database:overview': async () => databaseOverviewSchema.parse(await (await connections.gateway()).call('admin_database_overview')),
    'migrations:status': () => migrations.status(),
    'migrations:sql': ({ version }) => migrations.sql(version),
    'migrations:up': (input) => migrations.up(input),
    'jobs:get': async ({ id }) => {
      const job = jobs.get(id);
      if (!job) throw new AdminError({ code: 'job_not_found', message: 'No such job in this session.' });
      return job;
    },
    'moderation:counts': ({ since }) => out('moderation:counts')(moderation.counts(since)),
    'moderation:queue': (input) => out('moderation:queue')(moderation.queue(input)),
    'moderation:review': ({ videoId }) => out('moderation:review')(moderation.review(videoId)),
    'moderation:act': (input) => out('moderation:act')(moderation.actOnVideos(input)),
    'moderation:update-metadata': (input) => out('moderation:update-metadata')(moderation.updateMetadata(input)),
    'moderation:undo': ({ auditIds }) => out('moderation:undo')(moderation.undo(auditIds)),
    'moderation:reports': (input) => out('moderation:reports')(moderation.reports(input)),
    'moderation:dismiss-reports': (input) => out('moderation:dismiss-reports')(moderation.dismissReports(input)),
    'moderation:comments': (input) => out('moderation:comments')(moderation.actOnComments(input)),
    'moderation:contexts-queue': (input) => out('moderation:contexts-queue')(moderation.contexts(input)),
    'moderation:contexts': (input) => out('moderation:contexts')(moderation.actOnContexts(input)),
    'moderation:set-user-active': (input) => out('moderation:set-user-active')(moderation.setUserActive(input)),
    'moderation:claim': (input) => out('moderation:claim')(moderation.claim(input)),
    'moderation:release': (input) => moderation.release(input),
    'moderation:reasons': ({ includeInactive }) => out('moderation:reasons')(moderation.reasons(includeInactive)),
    'moderation:save-reason': (input) => out('moderation:save-reason')(moderation.saveReason(input)),
    'moderation:operators': ({ search }) => out('moderation:operators')(moderation.operators(search)),
    'moderation:taxonomy-options': () => out('moderation:taxonomy-options')(moderation.taxonomyOptions()),
    'taxonomy:tree': () => out('taxonomy:tree')(taxonomy.tree()),
    'taxonomy:save-category': (input) => out('taxonomy:save-category')(taxonomy.saveCategory(input)),
    'taxonomy:move-category': (input) => out('taxonomy:move-category')(taxonomy.moveCategory(input)),
    'taxonomy:delete-category': (input) => out('taxonomy:delete-category')(taxonomy.deleteCategory(input)),
    'taxonomy:tags': (input) => out('taxonomy:tags')(taxonomy.tags(input)),
    'taxonomy:save-tag': (input) => out('taxonomy:save-tag')(taxonomy.saveTag(input)),
    'taxonomy:delete-tag': (input) => out('taxonomy:delete-tag')(taxonomy.deleteTag(input)),
    'taxonomy:merge-tags': (input) => out('taxonomy:merge-tags')(taxonomy.mergeTags(input)),
    'taxonomy:delete-unused': ({ confirm }) => out('taxonomy:delete-unused')(taxonomy.deleteUnused(confirm)),
    'taxonomy:suggestions': () => out('taxonomy:suggestions')(taxonomy.suggestions()),
    'taxonomy:videos': (input) => out('taxonomy:videos')(taxonomy.videos(input)),
    'taxonomy:bulk-tag': (input) => out('taxonomy:bulk-tag')(taxonomy.bulkTag(input)),
    'taxonomy:audit': ({ targetType, targetId }) => out('taxonomy:audit')(taxonomy.audit(targetType, targetId)),
    'graph:find': ({ query }) => out('graph:find')(graph.find(query)),
    'graph:neighbourhood': (input) => out('graph:neighbourhood')(graph.neighbourhood(input)),
    'graph:save-link': (input) => out('graph:save-link')(graph.saveLink(input)),
    'graph:delete-link': ({ id }) => out('graph:delete-link')(graph.deleteLink(id)),
    'graph:chain': ({ videoId, direction }) => out('graph:chain')(graph.chain(videoId, direction)),
    'graph:learning-path': ({ videoId }) => out('graph:learning-path')(graph.learningPath(videoId)),
    'graph:save-learning-path': ({ videoId, title }) => out('graph:save-learning-path')(graph.saveLearningPath(videoId, title)),
    'graph:import': (input) => graph.importCsv(input),
    'graph:export': ({ videoId }) => graph.exportCsv(videoId),
    'graph:suggestions': ({ videoId }) => out('graph:suggestions')(graph.suggestions(videoId)),
    'graph:history': ({ videoId }) => out('graph:history')(graph.history(videoId)),
    'embeddings:coverage': () => out('embeddings:coverage')(embeddings.coverage()),
    'embeddings:jobs': () => out('embeddings:jobs')(embeddings.list()),
    'embeddings:estimate': (input) => out('embeddings:estimate')(embeddings.estimate(input)),
    'embeddings:start': (input) => embeddings.start(input),
    'embeddings:work': async ({ jobId }) => embeddings.work(jobId),
    'embeddings:control': ({ jobId, action }) => out('embeddings:control')(embeddings.control(jobId, action)),
    'embeddings:failures': ({ jobId }) => out('embeddings:failures')(embeddings.failures(jobId)),
    'embeddings:search': ({ query, model }) => out('embeddings:search')(embeddings.search(query, model)),
    'shell:open-external': async ({ url }) => {
      if (!isSafeExternalUrl(url)) throw new AdminError({ code: 'unsafe_url', message: 'Only http(s) links can be opened.' });
      return { opened: await options.openExternal(url) };
    },
  };

  return {
    handlers, jobs, logger, redactor, connections,
    close: async () => {
      embeddings.stopAll();
      await connections.close();
    },
  };
}
