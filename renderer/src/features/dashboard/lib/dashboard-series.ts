// The dashboard's chart data from the one dashboard call: every UTC day of the period on the x
// axis, each series aligned to it. Pure, so it is unit-tested on its own.

/** Every UTC day from `since` to `today` inclusive, as YYYY-MM-DD. */
export function periodDays(since: string, today: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${today.slice(0, 10)}T00:00:00Z`);
  for (let t = Date.parse(`${since.slice(0, 10)}T00:00:00Z`); t <= end && days.length < 400; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * Queue depth per day: the day's reading, or null on a day no console recorded one (the chart
 * leaves a gap rather than inventing a number).
 */
export function depthSeries(days: string[], depth: { day: string; pending: number; flagged: number }[]) {
  const byDay = new Map(depth.map((d) => [d.day.slice(0, 10), d]));
  return {
    pending: days.map((d) => byDay.get(d)?.pending ?? null),
    flagged: days.map((d) => byDay.get(d)?.flagged ?? null),
  };
}

/** Decisions per moderator per day: one series per moderator (alphabetical), 0 on a day without decisions. */
export function decisionSeries(days: string[], decisions: { day: string; operator: string; n: number }[]): { operator: string; values: number[] }[] {
  const operators = [...new Set(decisions.map((d) => d.operator))].sort();
  const index = new Map(days.map((d, i) => [d, i]));
  return operators.map((operator) => {
    const values = days.map(() => 0);
    for (const d of decisions) {
      const i = index.get(d.day.slice(0, 10));
      if (d.operator === operator && i !== undefined) values[i] = (values[i] ?? 0) + d.n;
    }
    return { operator, values };
  });
}

/** The share of each part of a total, in whole percent (0 when the total is 0). */
export const percent = (part: number, total: number) => (total > 0 ? Math.round((part / total) * 100) : 0);
