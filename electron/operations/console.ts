// The console itself: app facts, connection profiles, migrations, jobs, opening links. These
// are local work of the main process (profiles, secrets, a direct SQL connection), not one
// admin function each.
import { z } from 'zod';
import { connectionsStateSchema, connectionTestSchema, profileInputSchema, profileSchema, signInSchema } from '../api/connections';
import { databaseOverviewSchema, migrationStatusSchema } from '../api/database';
import { jobEventSchema, jobStartedSchema } from '../api/jobs';
import { serviceOperation, sqlOperation } from './define-operation';

const none = z.object({}).strict();
const id = z.object({ id: z.string().min(1).max(100) }).strict();

export const consoleOperations = {
  'app:info': serviceOperation({
    role: null,
    input: none,
    output: z.object({ version: z.string(), shell: z.enum(['electron', 'browser']), platform: z.string(), dataDir: z.string() }),
    run: (s) => s.shell.info(),
  }),
  'connections:list': serviceOperation({ role: null, input: none, output: connectionsStateSchema, run: (s) => s.connections.list() }),
  'connections:save': serviceOperation({
    role: null,
    input: profileInputSchema,
    output: profileSchema,
    run: (s, input) => s.connections.save(input),
  }),
  'connections:delete': serviceOperation({
    role: null,
    input: z.object({ id: z.string().min(1), confirm: z.string().optional() }).strict(),
    output: connectionsStateSchema,
    run: (s, { id, confirm }) => s.connections.delete(id, confirm),
  }),
  'connections:activate': serviceOperation({ role: null, input: id, output: connectionsStateSchema, run: (s, { id }) => s.connections.activate(id) }),
  'connections:test': serviceOperation({ role: null, input: id, output: connectionTestSchema, run: (s, { id }) => s.connections.test(id) }),
  'connections:test-draft': serviceOperation({
    role: null,
    input: profileInputSchema,
    output: connectionTestSchema,
    run: (s, input) => s.connections.testDraft(input),
  }),
  'connections:set-operator': serviceOperation({
    role: null,
    input: z.object({ id: z.string().min(1), operatorId: z.string().uuid().nullable() }).strict(),
    output: connectionsStateSchema,
    run: (s, { id, operatorId }) => s.connections.setOperator(id, operatorId),
  }),
  'connections:sign-in': serviceOperation({
    role: null,
    input: signInSchema,
    output: connectionsStateSchema,
    run: (s, { id, email, password }) => s.connections.signIn(id, email, password),
  }),
  'connections:sign-out': serviceOperation({ role: null, input: id, output: connectionsStateSchema, run: (s, { id }) => s.connections.signOut(id) }),
  'database:overview': sqlOperation({ fn: 'admin_database_overview', role: null, input: none, output: databaseOverviewSchema }),
  'migrations:status': serviceOperation({ role: 'admin', input: none, output: migrationStatusSchema, run: (s) => s.migrations.status() }),
  'migrations:sql': serviceOperation({
    role: 'admin',
    input: z.object({ version: z.string().regex(/^\d+$/, 'A version is digits only.') }).strict(),
    output: z.object({ fileName: z.string(), sql: z.string() }),
    run: (s, { version }) => s.migrations.sql(version),
  }),
  'migrations:up': serviceOperation({
    role: 'admin',
    confirm: 'apply migrations',
    input: z.object({ confirm: z.string().max(200).optional(), force: z.boolean().optional() }).strict(),
    output: jobStartedSchema,
    run: (s, { force }) => s.migrations.up({ force }),
  }),
  'workspace:backup': serviceOperation({
    role: null,
    input: z.object({ file: z.string().trim().min(1, 'Give the full path of the backup file.').max(4096) }).strict(),
    output: z.object({ file: z.string(), bytes: z.number(), latestMigration: z.string().nullable() }),
    run: (s, { file }) => s.backup.backup(file),
  }),
  // The desktop app's native Save / Open dialog, shown by the main process; the browser shell has
  // none and says so (its page takes a typed path).
  'workspace:choose-file': serviceOperation({
    role: null,
    input: z.object({ purpose: z.enum(['backup', 'restore']) }).strict(),
    output: z.object({ file: z.string().nullable() }),
    run: (s, { purpose }) => s.shell.chooseFile(purpose),
  }),
  'workspace:restore': serviceOperation({
    role: null,
    input: z.object({ file: z.string().trim().min(1, 'Give the full path of the backup file.').max(4096) }).strict(),
    output: z.object({ file: z.string(), latestMigration: z.string().nullable(), migrated: z.number() }),
    run: (s, { file }) => s.backup.restore(file),
  }),
  'jobs:get': serviceOperation({ role: null, input: id, output: jobEventSchema, run: (s, { id }) => s.jobs.find(id) }),
  'shell:open-external': serviceOperation({
    role: null,
    input: z.object({ url: z.string().max(2048) }).strict(),
    output: z.object({ opened: z.boolean() }),
    run: (s, { url }) => s.shell.openExternal(url),
  }),
};
