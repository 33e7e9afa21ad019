// A queue's filters as they stand in the URL hash (#/moderation?platform=vimeo&age=gt7&dup=1)
// and as the queue channel takes them. Defaults are left out of the URL; a value the console
// does not know (an old link, a typo) is ignored rather than sent. Pure, so it is unit-tested.

export const PLATFORMS = ['youtube', 'vimeo', 'dailymotion', 'other'] as const;
export const AGES = ['lt1', 'lt7', 'gt7', 'gt30'] as const;
type Platform = (typeof PLATFORMS)[number];
type Age = (typeof AGES)[number];

export type QueueView = {
  platform: Platform | null;
  category: number | null;
  age: Age | null;
  /** The search box as typed; trimmed when sent. */
  q: string;
  dup: boolean;
  /** Only this submitter's videos (a user opened from the review pane or Ctrl-K). */
  submitter: string | null;
  /** Claim the opened item (a preference kept with the view, not a filter). */
  claim: boolean;
};

export const DEFAULT_QUEUE_VIEW: QueueView = { platform: null, category: null, age: null, q: '', dup: false, submitter: null, claim: false };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The hash parameters a view owns (a tab change clears the filters but keeps `claim`). */
export const FILTER_PARAMS = ['platform', 'category', 'age', 'q', 'dup', 'submitter'] as const;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null => ((list as readonly string[]).includes(v ?? '') ? (v as T) : null);

export function viewFromParams(params: URLSearchParams): QueueView {
  const category = Number(params.get('category'));
  return {
    platform: oneOf(PLATFORMS, params.get('platform')),
    category: Number.isSafeInteger(category) && category > 0 ? category : null,
    age: oneOf(AGES, params.get('age')),
    q: (params.get('q') ?? '').slice(0, 200),
    dup: params.get('dup') === '1',
    submitter: UUID.test(params.get('submitter') ?? '') ? params.get('submitter')!.toLowerCase() : null,
    claim: params.get('claim') === '1',
  };
}

/** Every parameter of the view, null where it is the default (so the hash drops it). */
export function viewToParams(view: QueueView): Record<(typeof FILTER_PARAMS)[number] | 'claim', string | null> {
  return {
    platform: view.platform,
    category: view.category === null ? null : String(view.category),
    age: view.age,
    q: view.q === '' ? null : view.q,
    dup: view.dup ? '1' : null,
    submitter: view.submitter,
    claim: view.claim ? '1' : null,
  };
}

/** The filters the queue channel takes (QueueFilters): only those set. */
export function queueFilters(view: QueueView): {
  platform?: Platform;
  category_id?: number;
  q?: string;
  has_duplicates?: true;
  submitter?: string;
  min_age_days?: number;
  max_age_days?: number;
} {
  const q = view.q.trim();
  return {
    ...(view.platform ? { platform: view.platform } : {}),
    ...(view.category !== null ? { category_id: view.category } : {}),
    ...(q ? { q } : {}),
    ...(view.dup ? { has_duplicates: true as const } : {}),
    ...(view.submitter ? { submitter: view.submitter } : {}),
    ...(view.age === 'lt1' ? { max_age_days: 1 } : view.age === 'lt7' ? { max_age_days: 7 } : {}),
    ...(view.age === 'gt7' ? { min_age_days: 7 } : view.age === 'gt30' ? { min_age_days: 30 } : {}),
  };
}
