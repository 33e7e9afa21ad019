// A server-sorted table's sort in the URL: the first option is the default and stays out of the
// URL; an unknown value falls back to it; a header click maps to the option it means.
import { describe, expect, it } from 'vitest';
import { sortForColumn, sortFromParam, sortToParam, type SortOption } from '../../../renderer/src/lib/table-sort';

const SORTS = [
  { value: 'oldest', column: 'submitted', desc: false },
  { value: 'newest', column: 'submitted', desc: true },
  { value: 'most_reported', column: 'reports', desc: true },
] as const satisfies readonly [SortOption, ...SortOption[]];

describe('table sort in the URL', () => {
  it('reads a known value', () => expect(sortFromParam(SORTS, 'newest')).toEqual(SORTS[1]));
  it.each([null, '', 'sideways', 'NEWEST'])('falls back to the default for %j', (raw) => expect(sortFromParam(SORTS, raw)).toEqual(SORTS[0]));
  it('leaves the default out of the URL', () => {
    expect(sortToParam(SORTS, 'oldest')).toBeNull();
    expect(sortToParam(SORTS, 'most_reported')).toBe('most_reported');
  });
  it('round-trips every option', () => {
    for (const o of SORTS) expect(sortFromParam(SORTS, sortToParam(SORTS, o.value))).toEqual(o);
  });
});

describe('a header click', () => {
  it('picks the column in that direction', () => expect(sortForColumn(SORTS, 'submitted', true)?.value).toBe('newest'));
  it('keeps a column the server sorts one way only', () => expect(sortForColumn(SORTS, 'reports', false)?.value).toBe('most_reported'));
  it('ignores a column with no sort', () => expect(sortForColumn(SORTS, 'title', false)).toBeNull());
});
