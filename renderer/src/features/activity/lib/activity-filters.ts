// The activity log's filters in the URL hash (#/activity?domain=moderation&operator=…), so a view
// can be reloaded and shared; anything malformed in the hash is dropped, never sent.
import { activityFiltersSchema, type ActivityFilters } from '@contract/activity';

export const FILTER_PARAMS = { domain: 'domain', action: 'action', operatorId: 'operator', from: 'from', to: 'to', q: 'q' } as const;

/** The feed's filters from the hash; `to` (the last day, inclusive, in the hash) becomes the exclusive end. */
export function filtersFromParams(params: URLSearchParams): ActivityFilters {
  const filters: Record<string, string> = {};
  for (const [key, param] of Object.entries(FILTER_PARAMS)) {
    const value = params.get(param);
    if (!value) continue;
    // One field at a time: a bad one is dropped, the others kept.
    const one = activityFiltersSchema.safeParse({ [key]: value });
    if (one.success) filters[key] = value.trim();
  }
  // The form's "to" is the last day shown; the feed's end is exclusive.
  if (filters.to && /^\d{4}-\d{2}-\d{2}$/.test(filters.to)) filters.to = dayAfter(filters.to);
  const all = activityFiltersSchema.safeParse(filters);
  return all.success ? all.data : {};
}

/** The exclusive end of a date range given as its last day (the form's "to" is inclusive). */
export function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
