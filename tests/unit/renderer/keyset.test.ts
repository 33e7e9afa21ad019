// Keyset paging: the next page starts where the last one ended; the last page has no cursor;
// an invalidation reaches the channels and domains it names and nothing else.
import { describe, expect, it } from 'vitest';
import { keysetRows, nextCursor } from '../../../renderer/src/api/keyset';
import { keyMatches } from '../../../renderer/src/api/query-keys';

describe('nextCursor', () => {
  it("is the page's next_cursor", () => {
    const cursor = { created_at: '2026-01-02T03:04:05Z', id: 'b7' };
    expect(nextCursor({ rows: [1, 2], next_cursor: cursor })).toBe(cursor);
  });
  it('is undefined on the last page, so no further page is asked for', () => {
    expect(nextCursor({ rows: [1], next_cursor: null })).toBeUndefined();
  });
  it('is undefined after an empty page, which could never move forward', () => {
    expect(nextCursor({ rows: [], next_cursor: { id: 'x' } })).toBeUndefined();
  });
});

describe('keysetRows', () => {
  it('joins the pages in order', () => expect(keysetRows({ pages: [{ rows: [1, 2] }, { rows: [3] }] })).toEqual([1, 2, 3]));
  it('is empty before the first page', () => expect(keysetRows(undefined)).toEqual([]));
});

describe('which queries an invalidation reaches', () => {
  const tags = ['taxonomy:tags', { search: '', sort: 'name', limit: 200 }];
  it('a channel reaches every input of that channel', () => {
    expect(keyMatches(tags, ['taxonomy:tags'])).toBe(true);
    expect(keyMatches(['taxonomy:tree', {}], ['taxonomy:tags'])).toBe(false);
  });
  it('a domain reaches each of its channels and no other domain', () => {
    expect(keyMatches(tags, ['taxonomy:'])).toBe(true);
    expect(keyMatches(['moderation:taxonomy-options', {}], ['taxonomy:'])).toBe(false);
  });
  it('a channel is not a prefix of another', () => expect(keyMatches(['moderation:reasons', {}], ['moderation:reason'])).toBe(false));
  it('no target reaches everything', () => expect(keyMatches(tags, [])).toBe(true));
  it('ignores keys not made by channelQuery', () => expect(keyMatches([42], [])).toBe(false));
});
