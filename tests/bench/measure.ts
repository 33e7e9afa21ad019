// Small timing helpers for `npm run bench`: medians of repeated runs, printed as figures and
// ratios against a baseline measured in the same run. Never used in tests.
export async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return middle(times);
}

const middle = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

/**
 * Medians of two things measured in turns (a, b, a, b, …): on a shared machine whose load drifts,
 * a ratio of two medians taken one after the other measures the drift as much as the code.
 */
export async function medianPair(runs: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of [a, b].entries()) {
      const t = performance.now();
      await fn();
      times[k]!.push(performance.now() - t);
    }
  }
  return [middle(times[0]), middle(times[1])];
}

export type Report = (label: string, value: string) => void;

export const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;
export const ratio = (v: number, base: number) => `${(v / base).toFixed(2)}×`;
