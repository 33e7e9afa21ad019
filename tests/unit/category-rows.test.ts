// The category tree as sent (one array per field, own usage only) turned into rows with totals:
// each category's usage added to it and every ancestor; a damaged answer (columns of different
// lengths) refused; a loop or a missing parent ends the walk instead of hanging the console.
import { describe, expect, it } from 'vitest';
import { categoryColumnsSchema, categoryRows, type CategoryColumns } from '../../electron/api/taxonomy';

/** Columns for [id, parent, approved, pending] rows. */
function columns(rows: [number, number | null, number, number][]): CategoryColumns {
  return {
    id: rows.map((r) => r[0]),
    name: rows.map((r) => `C${r[0]}`),
    slug: rows.map((r) => `c${r[0]}`),
    description: rows.map(() => null),
    icon: rows.map(() => null),
    color: rows.map(() => null),
    parent_id: rows.map((r) => r[1]),
    display_order: rows.map(() => 0),
    updated_at: rows.map(() => '2026-11-27T00:00:00+00:00'),
    approved: rows.map((r) => r[2]),
    pending: rows.map((r) => r[3]),
  };
}
const totals = (c: CategoryColumns) => Object.fromEntries(categoryRows(c).map((r) => [r.id, [r.approved_total, r.pending_total]]));

describe('categoryRows', () => {
  it('adds each category’s own usage to it and to every ancestor, in any order', () => {
    // 1 > 2 > 3, 1 > 4; 5 alone. Listed leaves first.
    const c = columns([
      [3, 2, 5, 1],
      [4, 1, 2, 0],
      [2, 1, 1, 1],
      [1, null, 0, 3],
      [5, null, 7, 0],
    ]);
    expect(totals(c)).toEqual({ 1: [8, 5], 2: [6, 2], 3: [5, 1], 4: [2, 0], 5: [7, 0] });
    expect(categoryRows(c).find((r) => r.id === 2)).toMatchObject({ approved: 1, pending: 1, name: 'C2', slug: 'c2', parent_id: 1 });
  });

  it('ends the walk at a missing parent or a loop', () => {
    expect(totals(columns([[1, 99, 2, 0]]))).toEqual({ 1: [2, 0] });
    const looped = totals(
      columns([
        [1, 2, 1, 0],
        [2, 1, 0, 0],
      ]),
    );
    expect(Object.keys(looped)).toEqual(['1', '2']);
  });

  it('refuses columns of different lengths', () => {
    const c = columns([[1, null, 0, 0]]);
    expect(categoryColumnsSchema.safeParse({ ...c, name: [] }).success).toBe(false);
    expect(categoryColumnsSchema.safeParse(c).success).toBe(true);
    expect(categoryRows(categoryColumnsSchema.parse(columns([])))).toEqual([]);
  });
});

describe('categoryColumnsSchema', () => {
  it('refuses a column with an entry of the wrong type, naming what it expected', () => {
    const c = columns([[1, null, 0, 0]]);
    for (const bad of [
      { ...c, id: ['1'] },
      { ...c, approved: [Number.NaN] },
      { ...c, name: [null] },
      { ...c, parent_id: ['x'] },
      { ...c, icon: 'not an array' },
    ]) {
      const r = categoryColumnsSchema.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/^Expected an array of /);
    }
  });
});
