// The Reports tab's filters in the URL hash: known values become the channel's filters, anything
// else (an old link, a typo, an injection attempt) is dropped rather than sent.
import { describe, expect, it } from 'vitest';
import { contextFiltersFromParams, reportFiltersFromParams } from '../../../renderer/src/features/moderation/lib/report-filters';

const from = (hash: string) => reportFiltersFromParams(new URLSearchParams(hash));

describe('report filters from the hash', () => {
  it('maps kind, reason and age', () => {
    expect(from('kind=video&reason=copyright&older=7')).toEqual({ kind: 'video', reason: 'copyright', minAgeDays: 7 });
  });
  it('sends nothing for the default view', () => {
    expect(from('tab=reports')).toEqual({});
  });
  it.each(['kind=user', "reason=spam'--", 'reason=SPAM', 'older=3', 'older=-7', 'older=abc'])('ignores %s', (hash) => {
    expect(from(hash)).toEqual({});
  });
});

describe('context-note filters from the hash', () => {
  it('maps kind and age; a report kind is no context kind', () => {
    expect(contextFiltersFromParams(new URLSearchParams('kind=quote&older=30'))).toEqual({ kind: 'quote', minAgeDays: 30 });
    expect(contextFiltersFromParams(new URLSearchParams('kind=video'))).toEqual({});
  });
});
