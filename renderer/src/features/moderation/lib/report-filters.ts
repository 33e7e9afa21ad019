// The Reports and Context notes tabs' filters as they stand in the URL hash (#/moderation?tab=
// reports&reason=spam&kind=video&older=7) and as their channels take them (a tab change clears them). A value the console does not know
// is ignored rather than sent. Pure, so it is unit-tested.
import { CONTEXT_KINDS, REPORT_REASONS } from '@contract/moderation';

export const REPORT_KINDS = ['video', 'comment', 'context'] as const;
export const REPORT_AGES = [1, 7, 30] as const;
export const REPORT_FILTER_PARAMS = ['kind', 'reason', 'older'] as const;

export type ReportFilters = {
  kind?: (typeof REPORT_KINDS)[number];
  reason?: (typeof REPORT_REASONS)[number];
  minAgeDays?: number;
};

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  (list as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

export function reportFiltersFromParams(params: URLSearchParams): ReportFilters {
  const kind = oneOf(REPORT_KINDS, params.get('kind'));
  const reason = oneOf(REPORT_REASONS, params.get('reason'));
  const older = Number(params.get('older'));
  return {
    ...(kind ? { kind } : {}),
    ...(reason ? { reason } : {}),
    ...((REPORT_AGES as readonly number[]).includes(older) ? { minAgeDays: older } : {}),
  };
}

export type ContextFilters = { kind?: (typeof CONTEXT_KINDS)[number]; minAgeDays?: number };

export function contextFiltersFromParams(params: URLSearchParams): ContextFilters {
  const kind = oneOf(CONTEXT_KINDS, params.get('kind'));
  const older = Number(params.get('older'));
  return { ...(kind ? { kind } : {}), ...((REPORT_AGES as readonly number[]).includes(older) ? { minAgeDays: older } : {}) };
}
