// The reference graph: neighbourhoods, links (cycles refused by the database), prerequisite
// chains, learning paths, CSV import/export and suggestions from embeddings.
import { z } from 'zod';
import * as G from '../api/graph';
import { serviceOperation, sqlOperation } from './define-operation';

const videoId = z.object({ videoId: z.string().uuid() }).strict();

export const graphOperations = {
  'graph:find': sqlOperation({
    fn: 'admin_find_videos',
    role: 'curator',
    operator: true,
    input: z.object({ query: z.string().max(300) }).strict(),
    output: z.array(G.foundVideoSchema),
    args: ({ query }) => ({ p_query: query, p_limit: 20 }),
  }),
  'graph:neighbourhood': sqlOperation({
    fn: 'admin_graph_neighbourhood',
    role: 'curator',
    operator: true,
    input: G.neighbourhoodInputSchema,
    output: G.neighbourhoodSchema,
  }),
  'graph:save-link': sqlOperation({
    fn: 'admin_save_reference',
    role: 'curator',
    operator: true,
    input: G.saveLinkSchema,
    output: G.linkRowSchema,
    args: (i) => ({
      p_source: i.source,
      p_target: i.target,
      p_type: i.type,
      p_note: i.note || null,
      p_timestamp_seconds: i.timestamp ? G.parseTimestamp(i.timestamp) : null,
      p_id: i.id ?? null,
    }),
  }),
  'graph:delete-link': sqlOperation({
    fn: 'admin_delete_reference',
    role: 'curator',
    operator: true,
    input: z.object({ id: z.string().uuid() }).strict(),
    output: G.linkRowSchema,
  }),
  'graph:chain': sqlOperation({
    fn: 'admin_prerequisite_chain',
    role: 'curator',
    operator: true,
    input: z.object({ videoId: z.string().uuid(), direction: z.enum(['requires', 'required_by']) }).strict(),
    output: z.array(G.chainEntrySchema),
  }),
  'graph:learning-path': sqlOperation({
    fn: 'admin_learning_path',
    role: 'curator',
    operator: true,
    input: videoId,
    output: z.array(G.pathEntrySchema),
  }),
  'graph:save-learning-path': sqlOperation({
    fn: 'admin_save_learning_path',
    role: 'curator',
    operator: true,
    input: z.object({ videoId: z.string().uuid(), title: z.string().trim().min(1, 'Give the learning path a title.').max(120) }).strict(),
    output: z.object({ collection_id: z.string(), videos: z.number() }),
  }),
  'graph:import': serviceOperation({
    role: 'curator',
    input: G.importInputSchema,
    output: G.importResultSchema,
    run: (s, input) => s.linksCsv.importCsv(input),
  }),
  'graph:export': serviceOperation({
    role: 'curator',
    input: z.object({ videoId: z.string().uuid().nullable() }).strict(),
    output: z.object({ csv: z.string(), rows: z.number() }),
    run: (s, { videoId }) => s.linksCsv.exportCsv(videoId),
  }),
  'graph:suggestions': sqlOperation({
    fn: 'admin_link_suggestions',
    role: 'curator',
    operator: true,
    input: videoId,
    output: G.suggestionsSchema,
    args: ({ videoId }) => ({ p_video_id: videoId, p_limit: 10 }),
  }),
  'graph:history': sqlOperation({ fn: 'admin_reference_history', role: 'curator', operator: true, input: videoId, output: G.historySchema }),
};
