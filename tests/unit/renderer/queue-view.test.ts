// A moderation queue's filters in the URL hash: a view survives a reload or a shared link, the
// defaults stay out of the URL, and a value the console does not know is ignored.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUEUE_VIEW,
  queueFilters,
  viewFromParams,
  viewToParams,
  type QueueView,
} from '../../../renderer/src/features/moderation/lib/queue-view';

/** What the hash holds after writing a view (as useHashParams does: null removes the key). */
function toHash(view: QueueView): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(viewToParams(view))) if (v !== null) params.set(k, v);
  return params;
}

describe('queue filters in the URL hash', () => {
  const views: QueueView[] = [
    DEFAULT_QUEUE_VIEW,
    { platform: 'vimeo', category: 12, age: 'gt7', q: 'black holes', dup: true, submitter: null, claim: true },
    { ...DEFAULT_QUEUE_VIEW, submitter: '0b7c6a52-1d2e-4f3a-9b8c-7d6e5f4a3b2c' },
    { ...DEFAULT_QUEUE_VIEW, age: 'lt1' },
    { ...DEFAULT_QUEUE_VIEW, q: '  spaces kept as typed ', claim: true },
  ];
  it.each(views)('round-trips %j through the hash', (view) => {
    expect(viewFromParams(new URLSearchParams(toHash(view).toString()))).toEqual(view);
  });

  it('leaves every default out of the URL', () => {
    expect(toHash(DEFAULT_QUEUE_VIEW).toString()).toBe('');
    expect(toHash({ ...DEFAULT_QUEUE_VIEW, dup: true }).toString()).toBe('dup=1');
  });

  it('writes null for defaults, so a change clears what was there', () => {
    expect(viewToParams(DEFAULT_QUEUE_VIEW)).toEqual({ platform: null, category: null, age: null, q: null, dup: null, submitter: null, claim: null });
  });

  it.each([
    ['platform=myspace', {}],
    ['category=abc', {}],
    ['category=-3', {}],
    ['category=1.5', {}],
    ['category=0', {}],
    ['age=yesterday', {}],
    ['dup=yes', {}],
    ['claim=true', {}],
    ['submitter=not-a-uuid', {}],
    ["submitter=0b7c6a52-1d2e-4f3a-9b8c-7d6e5f4a3b2c'--", {}],
    ['platform=youtube&age=forever&category=7', { platform: 'youtube', category: 7 }],
  ])('ignores malformed values: %s', (hash, set) => {
    expect(viewFromParams(new URLSearchParams(hash))).toEqual({ ...DEFAULT_QUEUE_VIEW, ...set });
  });

  it('keeps a search within what the channel accepts (200 characters)', () => {
    expect(viewFromParams(new URLSearchParams({ q: 'x'.repeat(500) })).q).toHaveLength(200);
  });
});

describe('queue filters sent to the channel', () => {
  it('sends nothing for the default view', () => {
    expect(queueFilters(DEFAULT_QUEUE_VIEW)).toEqual({});
  });
  it('maps each filter to its field, trimming the search', () => {
    expect(
      queueFilters({
        platform: 'youtube',
        category: 4,
        age: 'gt30',
        q: '  stars ',
        dup: true,
        submitter: '0b7c6a52-1d2e-4f3a-9b8c-7d6e5f4a3b2c',
        claim: true,
      }),
    ).toEqual({
      platform: 'youtube',
      submitter: '0b7c6a52-1d2e-4f3a-9b8c-7d6e5f4a3b2c',
      category_id: 4,
      min_age_days: 30,
      q: 'stars',
      has_duplicates: true,
    });
  });
  it.each([
    ['lt1', { max_age_days: 1 }],
    ['lt7', { max_age_days: 7 }],
    ['gt7', { min_age_days: 7 }],
    ['gt30', { min_age_days: 30 }],
  ] as const)('age %s', (age, filter) => expect(queueFilters({ ...DEFAULT_QUEUE_VIEW, age })).toEqual(filter));
  it('does not send a blank search', () => {
    expect(queueFilters({ ...DEFAULT_QUEUE_VIEW, q: '   ' })).toEqual({});
  });
  it('claiming is not a filter', () => {
    expect(queueFilters({ ...DEFAULT_QUEUE_VIEW, claim: true })).toEqual({});
  });
});
