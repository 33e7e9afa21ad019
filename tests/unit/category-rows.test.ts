// The category tree as sent (structure: one array per field; usage: own counts of the categories
// that have videos) turned into rows with totals: each category's usage added to it and every
// ancestor; a damaged answer (columns of different lengths, entries of the wrong type) refused; a
// loop or a missing parent ends the walk instead of hanging the console. A reload that holds the
// tree's version gets the usage only and keeps the held structure.
import { describe, expect, it } from 'vitest';
import {
  categoryRows,
  categoryStructureSchema,
  categoryTreeAnswerSchema,
  categoryUsageSchema,
  currentTree,
  type CategoryTree,
} from '../../electron/api/taxonomy';

/** A tree of [id, parent, approved, pending] rows (usage listed only where not zero, as the database does). */
function tree(rows: [number, number | null, number, number][], version = 'v1'): CategoryTree {
  const used = rows.filter((r) => r[2] !== 0 || r[3] !== 0);
  return {
    version,
    structure: {
      id: rows.map((r) => r[0]),
      name: rows.map((r) => `C${r[0]}`),
      slug: rows.map((r) => `c${r[0]}`),
      description: rows.map(() => null),
      icon: rows.map(() => null),
      color: rows.map(() => null),
      parent_id: rows.map((r) => r[1]),
      display_order: rows.map(() => 0),
      updated_at: rows.map(() => '2026-11-27T00:00:00+00:00'),
    },
    usage: { id: used.map((r) => r[0]), approved: used.map((r) => r[2]), pending: used.map((r) => r[3]) },
  };
}
const totals = (t: CategoryTree) => Object.fromEntries(categoryRows(t).map((r) => [r.id, [r.approved_total, r.pending_total]]));

describe('categoryRows', () => {
  it('adds each category’s own usage to it and to every ancestor, in any order', () => {
    // 1 > 2 > 3, 1 > 4; 5 alone. Listed leaves first.
    const t = tree([
      [3, 2, 5, 1],
      [4, 1, 2, 0],
      [2, 1, 1, 1],
      [1, null, 0, 3],
      [5, null, 7, 0],
      [6, 5, 0, 0],
    ]);
    expect(totals(t)).toEqual({ 1: [8, 5], 2: [6, 2], 3: [5, 1], 4: [2, 0], 5: [7, 0], 6: [0, 0] });
    expect(categoryRows(t).find((r) => r.id === 2)).toMatchObject({ approved: 1, pending: 1, name: 'C2', slug: 'c2', parent_id: 1 });
    expect(categoryRows(t).find((r) => r.id === 6)).toMatchObject({ approved: 0, pending: 0 });
  });

  it('ends the walk at a missing parent or a loop', () => {
    expect(totals(tree([[1, 99, 2, 0]]))).toEqual({ 1: [2, 0] });
    const looped = totals(
      tree([
        [1, 2, 1, 0],
        [2, 1, 0, 0],
      ]),
    );
    expect(Object.keys(looped)).toEqual(['1', '2']);
  });

  it('ignores usage of a category the structure does not have', () => {
    const t = tree([[1, null, 2, 0]]);
    expect(totals({ ...t, usage: { id: [1, 42], approved: [2, 9], pending: [0, 9] } })).toEqual({ 1: [2, 0] });
  });
});

describe('the tree answer’s schemas', () => {
  it('refuse columns of different lengths', () => {
    const t = tree([[1, null, 3, 0]]);
    expect(categoryStructureSchema.safeParse({ ...t.structure, name: [] }).success).toBe(false);
    expect(categoryUsageSchema.safeParse({ ...t.usage, pending: [] }).success).toBe(false);
    expect(categoryTreeAnswerSchema.safeParse(t).success).toBe(true);
    expect(categoryRows(categoryTreeAnswerSchema.parse(tree([])) as CategoryTree)).toEqual([]);
  });

  it('refuse a column with an entry of the wrong type, naming what it expected', () => {
    const { structure: s, usage: u } = tree([[1, null, 1, 0]]);
    for (const bad of [
      { ...s, id: ['1'] },
      { ...s, name: [null] },
      { ...s, parent_id: ['x'] },
      { ...s, icon: 'not an array' },
    ]) {
      const r = categoryStructureSchema.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/^Expected an array of /);
    }
    const r = categoryUsageSchema.safeParse({ ...u, approved: [Number.NaN] });
    expect(r.error?.issues[0]?.message).toMatch(/^Expected an array of numbers/);
  });

  it('refuse an answer without a version or usage', () => {
    const t = tree([[1, null, 1, 0]]);
    expect(categoryTreeAnswerSchema.safeParse({ ...t, version: '' }).success).toBe(false);
    expect(categoryTreeAnswerSchema.safeParse({ version: 'v', structure: null }).success).toBe(false);
  });
});

describe('currentTree', () => {
  const held = tree([
    [1, null, 1, 0],
    [2, 1, 0, 0],
  ]);
  const usage = { id: [2], approved: [0], pending: [4] };

  it('keeps the held structure when the answer is usage only at the held version', () => {
    const now = currentTree(held, { version: 'v1', structure: null, usage })!;
    expect(now.structure).toBe(held.structure);
    expect(totals(now)).toEqual({ 1: [0, 4], 2: [0, 4] });
  });

  it('takes the answer’s structure when it has one, whatever is held', () => {
    const other = tree([[7, null, 0, 1]], 'v2');
    expect(currentTree(held, other)).toEqual(other);
    expect(currentTree(undefined, other)).toEqual(other);
  });

  it('is null when the answer left the structure out but the held tree is at another version (or none is held)', () => {
    expect(currentTree(held, { version: 'v2', structure: null, usage })).toBeNull();
    expect(currentTree(undefined, { version: 'v1', structure: null, usage })).toBeNull();
  });
});
