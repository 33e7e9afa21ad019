// The contract between the processes: each channel's input and output schemas. Main parses
// every input before any work and every output before it leaves; the renderer reuses the
// schemas for its forms.
import { z } from 'zod';
import type { Channel } from './channels';
import { connectionsStateSchema, connectionTestSchema, profileInputSchema, profileSchema } from './connections';
import { databaseOverviewSchema, migrationStatusSchema } from './database';
import { jobEventSchema, jobStartedSchema } from './jobs';

const none = z.object({}).strict();
const id = z.object({ id: z.string().min(1).max(100) }).strict();

export const contract = {
  'app:info': {
    input: none,
    output: z.object({ version: z.string(), shell: z.enum(['electron', 'browser']), platform: z.string(), dataDir: z.string() }),
  },
  'connections:list': { input: none, output: connectionsStateSchema },
  'connections:save': { input: profileInputSchema, output: profileSchema },
  'connections:delete': { input: z.object({ id: z.string().min(1), confirm: z.string().optional() }).strict(), output: connectionsStateSchema },
  'connections:activate': { input: id, output: connectionsStateSchema },
  'connections:test': { input: id, output: connectionTestSchema },
  'database:overview': { input: none, output: databaseOverviewSchema },
  'migrations:status': { input: none, output: migrationStatusSchema },
  'migrations:sql': { input: z.object({ version: z.string().regex(/^\d+$/, 'A version is digits only.') }).strict(), output: z.object({ fileName: z.string(), sql: z.string() }) },
  'migrations:up': {
    input: z.object({ confirm: z.string().max(200).optional(), force: z.boolean().optional() }).strict(),
    output: jobStartedSchema,
  },
  'jobs:get': { input: id, output: jobEventSchema },
  'shell:open-external': { input: z.object({ url: z.string().max(2048) }).strict(), output: z.object({ opened: z.boolean() }) },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** The typed client both shells give the renderer: one function per channel. */
export type ConsoleApi = { [C in Channel]: (input: Input<C>) => Promise<Output<C>> };
