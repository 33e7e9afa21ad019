// Embeds tag names with the model the videos are embedded with (the semantic tag-merge
// suggestions compare them by cosine), in batches: read the names that need it, embed, save.
// A tag renamed meanwhile is skipped by the save and comes back in the next run.
import { z } from 'zod';
import { providerConfigSchema } from '../../api/embeddings';
import type { AdminGateway } from '../../db/admin-gateway';
import { AdminError } from '../../db/admin-error';
import type { EmbeddingProvider } from '../embeddings/provider';

const todoSchema = z.object({
  model: z.string().nullable(),
  provider: z.unknown().nullable(),
  tags: z.array(z.object({ id: z.number(), name: z.string() })),
  remaining: z.number(),
});

export type TagNameEmbedding = { model: string; embedded: number; failed: number; skipped: number; remaining: number };

const vectorText = (v: Float32Array) => `[${Array.from(v).join(',')}]`;

export async function embedTagNames(o: {
  gateway: AdminGateway;
  operator: string;
  provider: (config: z.output<typeof providerConfigSchema>) => EmbeddingProvider;
  /** Tags read per round trip. */
  pageSize?: number;
}): Promise<TagNameEmbedding> {
  const pageSize = o.pageSize ?? 500;
  const todo = async (afterId: number) =>
    todoSchema.parse(await o.gateway.call('admin_tag_embedding_todo', { p_operator: o.operator, p_limit: pageSize, p_after_id: afterId }));
  let page = await todo(0);
  if (page.model === null) {
    throw new AdminError({
      code: 'tag_embeddings_no_model',
      message: 'No video is embedded yet: tag names are embedded with the same model as the videos.',
      hint: 'Run an embedding backfill on the Embeddings page first.',
    });
  }
  const model = page.model;
  const config = providerConfigSchema.safeParse(page.provider ?? { provider: 'local' });
  const provider = o.provider(config.success ? config.data : { provider: 'local' as const });
  if (provider.model !== model) {
    throw new AdminError({
      code: 'tag_embeddings_model',
      message: `The videos are embedded with "${model}", but this console's provider gives "${provider.model}": the two cannot be compared.`,
      hint: 'Embed tag names from a console configured like the backfill that embedded the videos.',
    });
  }
  const result: TagNameEmbedding = { model, embedded: 0, failed: 0, skipped: 0, remaining: 0 };
  for (;;) {
    const rows: { id: number; name: string; embedding: string }[] = [];
    for (let i = 0; i < page.tags.length; i += provider.maxBatch) {
      const batch = page.tags.slice(i, i + provider.maxBatch);
      const outcomes = await provider.embed(batch.map((t) => t.name));
      outcomes.forEach((outcome, k) => {
        if ('vector' in outcome) rows.push({ id: batch[k]!.id, name: batch[k]!.name, embedding: vectorText(outcome.vector) });
        else result.failed += 1;
      });
    }
    if (rows.length > 0) {
      const saved = (await o.gateway.call('admin_tag_embeddings_save', { p_operator: o.operator, p_model: model, p_rows: rows })) as {
        saved: number;
        skipped: number;
      };
      result.embedded += saved.saved;
      result.skipped += saved.skipped;
    }
    const last = page.tags.at(-1);
    if (!last || page.tags.length < pageSize) break;
    page = await todo(last.id);
  }
  result.remaining = (await todo(0)).remaining;
  return result;
}
