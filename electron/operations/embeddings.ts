// Embedding backfills: estimates, jobs worked in this console (progress events), control,
// failures, coverage and the semantic-search tester.
import { z } from 'zod';
import * as E from '../api/embeddings';
import { serviceOperation, sqlOperation } from './define-operation';

const jobId = z.object({ jobId: z.string().uuid() }).strict();

export const embeddingsOperations = {
  'embeddings:coverage': sqlOperation({
    fn: 'admin_embedding_coverage',
    role: 'admin',
    operator: true,
    input: z.object({}).strict(),
    output: E.coverageSchema,
  }),
  'embeddings:jobs': serviceOperation({
    role: 'admin',
    input: z.object({}).strict(),
    output: z.array(E.jobSchema.extend({ worked_here: z.boolean() })),
    run: (s) => s.embeddings.list(),
  }),
  'embeddings:estimate': serviceOperation({
    role: 'admin',
    input: E.jobInputSchema,
    output: E.estimateSchema,
    run: (s, input) => s.embeddings.estimate(input),
  }),
  'embeddings:start': serviceOperation({
    role: 'admin',
    input: E.jobInputSchema,
    output: z.object({ jobId: z.string() }),
    run: (s, input) => s.embeddings.start(input),
  }),
  'embeddings:work': serviceOperation({
    role: 'admin',
    input: jobId,
    output: z.object({ working: z.boolean() }),
    run: (s, { jobId }) => s.embeddings.work(jobId),
  }),
  'embeddings:control': serviceOperation({
    role: 'admin',
    input: z.object({ jobId: z.string().uuid(), action: z.enum(['pause', 'resume', 'cancel', 'retry_failed']) }).strict(),
    output: E.jobSchema,
    run: (s, { jobId, action }) => s.embeddings.control(jobId, action),
  }),
  'embeddings:failures': sqlOperation({
    fn: 'admin_embedding_failures',
    role: 'admin',
    operator: true,
    input: jobId,
    output: z.array(E.failureSchema),
    args: ({ jobId }) => ({ p_job_id: jobId, p_limit: 200 }),
  }),
  'embeddings:search': serviceOperation({
    role: 'admin',
    input: z.object({ query: z.string().trim().min(1, 'Type what to search for.').max(500), model: z.string().min(1) }).strict(),
    output: z.array(E.searchHitSchema),
    run: (s, { query, model }) => s.embeddings.search(query, model),
  }),
};
