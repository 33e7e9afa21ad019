// The contract between the processes: each channel's input and output schemas. Main parses
// every input before any work and every output before it leaves; the renderer reuses the
// schemas for its forms.
import { z } from 'zod';
import type { Channel } from './channels';
import { connectionsStateSchema, connectionTestSchema, profileInputSchema, profileSchema } from './connections';
import { databaseOverviewSchema, migrationStatusSchema } from './database';
import { jobEventSchema, jobStartedSchema } from './jobs';
import * as M from './moderation';
import * as T from './taxonomy';
import * as G from './graph';
import * as E from './embeddings';

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
  'connections:set-operator': { input: z.object({ id: z.string().min(1), operatorId: z.string().uuid().nullable() }).strict(), output: connectionsStateSchema },
  'database:overview': { input: none, output: databaseOverviewSchema },
  'migrations:status': { input: none, output: migrationStatusSchema },
  'migrations:sql': { input: z.object({ version: z.string().regex(/^\d+$/, 'A version is digits only.') }).strict(), output: z.object({ fileName: z.string(), sql: z.string() }) },
  'migrations:up': {
    input: z.object({ confirm: z.string().max(200).optional(), force: z.boolean().optional() }).strict(),
    output: jobStartedSchema,
  },
  'jobs:get': { input: id, output: jobEventSchema },
  'moderation:counts': { input: z.object({ since: z.string().nullable().optional() }).strict(), output: M.countsSchema },
  'moderation:queue': { input: M.queueInputSchema, output: M.queuePageSchema },
  'moderation:review': { input: z.object({ videoId: z.string().uuid() }).strict(), output: M.reviewSchema },
  'moderation:act': { input: M.actOnVideosSchema, output: M.batchResultSchema },
  'moderation:update-metadata': { input: M.updateMetadataSchema, output: z.object({ id: z.string(), updated_at: z.string(), audit_id: z.number() }) },
  'moderation:undo': { input: M.undoInputSchema, output: M.undoResultSchema },
  'moderation:reports': { input: M.pageInputSchema, output: M.reportPageSchema },
  'moderation:dismiss-reports': { input: M.dismissReportsSchema, output: z.object({ dismissed: z.number(), audit_id: z.number() }) },
  'moderation:comments': { input: M.actOnCommentsSchema, output: M.batchResultSchema },
  'moderation:contexts-queue': { input: M.pageInputSchema, output: M.contextPageSchema },
  'moderation:contexts': { input: M.actOnContextsSchema, output: M.batchResultSchema },
  'moderation:set-user-active': { input: M.setUserActiveSchema, output: z.object({ id: z.string(), is_active: z.boolean(), audit_id: z.number() }) },
  'moderation:claim': { input: M.claimInputSchema, output: M.claimResultSchema },
  'moderation:release': { input: M.claimInputSchema, output: z.object({ released: z.boolean() }) },
  'moderation:reasons': { input: z.object({ includeInactive: z.boolean().default(false) }).strict(), output: z.array(M.rejectionReasonSchema) },
  'moderation:save-reason': { input: M.saveReasonSchema, output: M.rejectionReasonSchema },
  'moderation:operators': { input: z.object({ search: z.string().max(100).default('') }).strict(), output: z.array(M.operatorSchema) },
  'moderation:taxonomy-options': { input: none, output: M.taxonomyOptionsSchema },
  'taxonomy:tree': { input: none, output: z.array(T.categoryNodeSchema) },
  'taxonomy:save-category': { input: T.categoryInputSchema, output: T.categorySchema },
  'taxonomy:move-category': { input: T.moveCategorySchema, output: T.categorySchema },
  'taxonomy:delete-category': { input: T.deleteCategorySchema, output: z.object({ deleted: z.number(), videos_moved: z.number(), children_moved: z.number() }) },
  'taxonomy:tags': { input: T.tagPageInputSchema, output: T.tagPageSchema },
  'taxonomy:save-tag': { input: T.tagInputSchema, output: T.tagSchema },
  'taxonomy:delete-tag': { input: z.object({ id: z.number().int().positive(), expectedUpdatedAt: z.string().optional(), confirm: z.string().optional() }).strict(), output: z.object({ deleted: z.number(), videos: z.number() }) },
  'taxonomy:merge-tags': { input: z.intersection(T.mergeTagsSchema, z.object({ confirm: z.string().optional() })), output: z.object({ target: z.number(), merged: z.number(), videos_added: z.number(), video_count: z.number() }) },
  'taxonomy:delete-unused': { input: z.object({ confirm: z.string().optional() }).strict(), output: z.object({ deleted: z.array(z.object({ id: z.number(), name: z.string() })) }) },
  'taxonomy:suggestions': { input: none, output: z.array(T.suggestionSchema) },
  'taxonomy:videos': { input: T.pickerInputSchema, output: T.pickerPageSchema },
  'taxonomy:bulk-tag': { input: T.bulkTagSchema, output: T.bulkTagResultSchema },
  'graph:find': { input: z.object({ query: z.string().max(300) }).strict(), output: z.array(G.foundVideoSchema) },
  'graph:neighbourhood': { input: G.neighbourhoodInputSchema, output: G.neighbourhoodSchema },
  'graph:save-link': { input: G.saveLinkSchema, output: G.linkRowSchema },
  'graph:delete-link': { input: z.object({ id: z.string().uuid() }).strict(), output: G.linkRowSchema },
  'graph:chain': { input: z.object({ videoId: z.string().uuid(), direction: z.enum(['requires', 'required_by']) }).strict(), output: z.array(G.chainEntrySchema) },
  'graph:learning-path': { input: z.object({ videoId: z.string().uuid() }).strict(), output: z.array(G.pathEntrySchema) },
  'graph:save-learning-path': { input: z.object({ videoId: z.string().uuid(), title: z.string().trim().min(1, 'Give the learning path a title.').max(120) }).strict(), output: z.object({ collection_id: z.string(), videos: z.number() }) },
  'graph:import': { input: G.importInputSchema, output: G.importResultSchema },
  'graph:export': { input: z.object({ videoId: z.string().uuid().nullable() }).strict(), output: z.object({ csv: z.string(), rows: z.number() }) },
  'graph:suggestions': { input: z.object({ videoId: z.string().uuid() }).strict(), output: G.suggestionsSchema },
  'graph:history': { input: z.object({ videoId: z.string().uuid() }).strict(), output: G.historySchema },
  'embeddings:coverage': { input: none, output: E.coverageSchema },
  'embeddings:jobs': { input: none, output: z.array(E.jobSchema.extend({ worked_here: z.boolean() })) },
  'embeddings:estimate': { input: E.jobInputSchema, output: E.estimateSchema },
  'embeddings:start': { input: E.jobInputSchema, output: z.object({ jobId: z.string() }) },
  'embeddings:work': { input: z.object({ jobId: z.string().uuid() }).strict(), output: z.object({ working: z.boolean() }) },
  'embeddings:control': { input: z.object({ jobId: z.string().uuid(), action: z.enum(['pause', 'resume', 'cancel', 'retry_failed']) }).strict(), output: E.jobSchema },
  'embeddings:failures': { input: z.object({ jobId: z.string().uuid() }).strict(), output: z.array(E.failureSchema) },
  'embeddings:search': { input: z.object({ query: z.string().trim().min(1, 'Type what to search for.').max(500), model: z.string().min(1) }).strict(), output: z.array(E.searchHitSchema) },
  'taxonomy:audit': { input: z.object({ targetType: z.enum(['category', 'tag']), targetId: z.number().int().positive() }).strict(), output: z.array(T.auditEntrySchema) },
  'shell:open-external': { input: z.object({ url: z.string().max(2048) }).strict(), output: z.object({ opened: z.boolean() }) },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** The typed client both shells give the renderer: one function per channel. */
export type ConsoleApi = { [C in Channel]: (input: Input<C>) => Promise<Output<C>> };
