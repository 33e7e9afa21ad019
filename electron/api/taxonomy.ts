// Taxonomy channels' schemas. The form rules mirror the database's: slug [a-z0-9-] in
// hyphen-separated runs, colour #rrggbb, names 1–80 characters (unique regardless of case:
// checked by the database, which names the clash).
import { z } from 'zod';

export const SLUG_RULE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const COLOR_RULE = /^#[0-9a-fA-F]{6}$/;

/** The slug a name gives, as the database derives it. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const name = z
  .string()
  .trim()
  .min(1, 'Give it a name.')
  .max(80, 'Keep the name under 80 characters.')
  .regex(/^\P{Cc}*$/u, 'One line of text: no line breaks, tabs or control characters.');
const slug = z
  .string()
  .trim()
  .max(80, 'Keep the slug under 80 characters.')
  .refine((s) => s === '' || SLUG_RULE.test(s), 'Use lower-case letters a–z, digits and single hyphens; no spaces or accents.');
const iso = z.string();

export const categoryInputSchema = z
  .object({
    id: z.number().int().positive().optional(),
    expectedUpdatedAt: iso.optional(),
    name,
    slug: slug.optional(),
    description: z.string().max(500, 'Keep the description under 500 characters.').optional(),
    icon: z.string().max(16, 'An emoji or a short icon name.').optional(),
    color: z.union([z.literal(''), z.string().regex(COLOR_RULE, 'Use a hex colour such as #3450d6.')]).optional(),
    parentId: z.number().int().positive().nullable().default(null),
  })
  .strict()
  .refine((v) => (v.slug && v.slug !== '') || slugify(v.name) !== '', { message: 'This name gives no slug: type one.', path: ['slug'] });
export type CategoryInput = z.input<typeof categoryInputSchema>;

export const categorySchema = z
  .object({
    id: z.number(),
    name: z.string(),
    slug: z.string(),
    description: z.string().nullable(),
    icon: z.string().nullable(),
    color: z.string().nullable(),
    parent_id: z.number().nullable(),
    display_order: z.number().nullable(),
    updated_at: iso,
  })
  .passthrough();
/** A category of the tree, with its usage: approved / pending videos, own and with its descendants'. */
export type CategoryNode = z.infer<typeof categorySchema> & {
  approved: number;
  pending: number;
  approved_total: number;
  pending_total: number;
};

// A column of the tree: an array whose every entry passes `ok`. Checked with one loop, not a
// schema per entry (2 ms instead of 8-11 ms at 10,000 categories × 11 columns).
const column = <T>(what: string, ok: (v: unknown) => boolean) =>
  z.custom<T[]>((v) => Array.isArray(v) && v.every(ok), { message: `Expected an array of ${what}.` });
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown) => typeof v === 'string';
const numbers = column<number>('numbers', isNumber);
const texts = column<string>('strings', isText);
const maybeTexts = column<string | null>('strings or nulls', (v) => v === null || isText(v));
const maybeNumbers = column<number | null>('numbers or nulls', (v) => v === null || isNumber(v));
const sameLengths = (columns: Record<string, unknown[]>) => Object.values(columns).every((c) => c.length === columns['id']!.length);
/**
 * The tree's structure as the database sends it: one array per field, the i-th entries being one
 * category (at 10,000 categories about half the bytes of one object per category, and faster to
 * build, send and check).
 */
export const categoryStructureSchema = z
  .object({
    id: numbers,
    name: texts,
    slug: texts,
    description: maybeTexts,
    icon: maybeTexts,
    color: maybeTexts,
    parent_id: maybeNumbers,
    display_order: maybeNumbers,
    updated_at: texts,
  })
  .refine(sameLengths, { message: 'The tree columns differ in length.' });
/** Each category's own approved and pending videos; a category left out has none. */
export const categoryUsageSchema = z
  .object({ id: numbers, approved: numbers, pending: numbers })
  .refine(sameLengths, { message: 'The usage columns differ in length.' });
/**
 * `taxonomy:tree`'s answer: the tree's version, its structure (null when the caller said it holds
 * this version: only the usage changed) and the usage. {@link currentTree} merges it into the tree
 * the console holds; {@link categoryRows} makes rows with totals.
 */
export const categoryTreeAnswerSchema = z.object({
  version: z.string().min(1),
  structure: categoryStructureSchema.nullable(),
  usage: categoryUsageSchema,
});
export type CategoryTreeAnswer = z.infer<typeof categoryTreeAnswerSchema>;
/** The tree the console holds: an answer with its structure. */
export type CategoryTree = CategoryTreeAnswer & { structure: NonNullable<CategoryTreeAnswer['structure']> };
export const categoryTreeInputSchema = z.object({ knownVersion: z.string().min(1).max(100).optional() }).strict();

/**
 * The tree after `answer`: its own structure, or the structure of `held` when the answer left it
 * out because `held` is at its version. Null when the answer left it out but `held` is not (or no
 * longer) at that version: the caller asks again for the whole tree.
 */
export function currentTree(held: CategoryTree | undefined, answer: CategoryTreeAnswer): CategoryTree | null {
  if (answer.structure) return { version: answer.version, structure: answer.structure, usage: answer.usage };
  return held?.version === answer.version ? { version: answer.version, structure: held.structure, usage: answer.usage } : null;
}

/**
 * The tree's rows, one object per category, with totals: each category's own usage added to it
 * and to every ancestor (a walk up from each category with videos; a parent that is missing or a
 * loop, which the database refuses anyway, ends the walk instead of hanging it). Usage of a
 * category not in the structure is ignored.
 */
export function categoryRows({ structure: c, usage }: Pick<CategoryTree, 'structure' | 'usage'>): CategoryNode[] {
  const rows: CategoryNode[] = c.id.map((id, i) => ({
    id,
    name: c.name[i]!,
    slug: c.slug[i]!,
    description: c.description[i]!,
    icon: c.icon[i]!,
    color: c.color[i]!,
    parent_id: c.parent_id[i]!,
    display_order: c.display_order[i]!,
    updated_at: c.updated_at[i]!,
    approved: 0,
    pending: 0,
    approved_total: 0,
    pending_total: 0,
  }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  usage.id.forEach((id, i) => {
    const row = byId.get(id);
    if (!row) return;
    const approved = usage.approved[i]!;
    const pending = usage.pending[i]!;
    row.approved += approved;
    row.pending += pending;
    let at: CategoryNode | undefined = row;
    for (let steps = 0; at && steps <= rows.length; steps++) {
      at.approved_total += approved;
      at.pending_total += pending;
      at = at.parent_id === null ? undefined : byId.get(at.parent_id);
    }
  });
  return rows;
}

export const moveCategorySchema = z
  .object({
    id: z.number().int().positive(),
    parentId: z.number().int().positive().nullable(),
    position: z.number().int().min(0),
    expectedUpdatedAt: iso.optional(),
  })
  .strict();
export const deleteCategorySchema = z
  .object({
    id: z.number().int().positive(),
    videosTo: z.number().int().positive().nullable(),
    childrenTo: z.number().int().positive().nullable(),
    expectedUpdatedAt: iso.optional(),
    confirm: z.string().optional(),
  })
  .strict();

export const tagInputSchema = z
  .object({
    id: z.number().int().positive().optional(),
    expectedUpdatedAt: iso.optional(),
    name,
    slug: slug.optional(),
    description: z.string().max(500, 'Keep the description under 500 characters.').optional(),
  })
  .strict()
  .refine((v) => (v.slug && v.slug !== '') || slugify(v.name) !== '', { message: 'This name gives no slug: type one.', path: ['slug'] });
export type TagInput = z.input<typeof tagInputSchema>;

export const tagSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    slug: z.string(),
    description: z.string().nullable(),
    video_count: z.number(),
    created_at: iso,
    updated_at: iso,
  })
  .passthrough();
export type Tag = z.infer<typeof tagSchema>;
const cursor = z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable();
export const tagPageInputSchema = z
  .object({
    search: z.string().max(100).default(''),
    sort: z.enum(['name', 'usage', 'newest']).default('name'),
    limit: z.number().int().min(1).max(1000).default(200),
    cursor: cursor.optional(),
  })
  .strict();
/** total is exact when total_exact; else the table's estimated size (nothing searched) or "more than" that many matches. */
export const tagPageSchema = z.object({ rows: z.array(tagSchema), total: z.number(), total_exact: z.boolean(), next_cursor: cursor });

export const mergeTagsSchema = z
  .object({
    sourceIds: z.array(z.number().int().positive()).min(1, 'Pick the tags to merge.').max(1000),
    targetId: z.number().int().positive(),
  })
  .strict()
  .refine((v) => !v.sourceIds.includes(v.targetId), { message: 'A tag cannot be merged into itself.', path: ['targetId'] });

export const suggestionSchema = z.object({
  a: z.object({ id: z.number(), name: z.string(), video_count: z.number() }),
  b: z.object({ id: z.number(), name: z.string(), video_count: z.number() }),
  reason: z.string(),
  score: z.number(),
});
export type TagSuggestion = z.infer<typeof suggestionSchema>;

export const tagEmbeddingSchema = z.object({
  model: z.string(),
  embedded: z.number(),
  failed: z.number(),
  skipped: z.number(),
  remaining: z.number(),
});
export type TagEmbeddingResult = z.infer<typeof tagEmbeddingSchema>;

export const pickerInputSchema = z
  .object({
    search: z.string().max(200).default(''),
    categoryId: z.number().int().positive().nullable().default(null),
    tagId: z.number().int().positive().nullable().default(null),
    status: z.enum(['pending', 'approved', 'rejected', 'flagged']).nullable().default(null),
    limit: z.number().int().min(1).max(500).default(100),
    cursor: cursor.optional(),
  })
  .strict();
export const pickerRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  moderation_status: z.string(),
  category_id: z.number().nullable(),
  category_name: z.string().nullable(),
  created_at: iso,
  tags: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type PickerRow = z.infer<typeof pickerRowSchema>;
export const pickerPageSchema = z.object({ rows: z.array(pickerRowSchema), next_cursor: cursor });

export const bulkTagSchema = z
  .object({
    videoIds: z.array(z.string().uuid()).min(1, 'Select at least one video.').max(5000),
    addTagIds: z.array(z.number().int().positive()).default([]),
    removeTagIds: z.array(z.number().int().positive()).default([]),
    setCategory: z.boolean().default(false),
    categoryId: z.number().int().positive().nullable().default(null),
  })
  .strict()
  .refine((v) => v.addTagIds.length + v.removeTagIds.length > 0 || v.setCategory, {
    message: 'Pick tags to add or remove, or a category to set.',
    path: ['addTagIds'],
  });
export const bulkTagResultSchema = z.object({
  tags_added: z.number(),
  tags_removed: z.number(),
  recategorised: z.number(),
  results: z.array(z.object({ id: z.string(), outcome: z.enum(['done', 'invalid']), message: z.string().nullable() })),
});

export const auditEntrySchema = z.object({
  id: z.number(),
  at: iso,
  operator: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  details: z.unknown(),
});
