// The current item of a moderation list (the one j/k move and a/r/f act on). Pure, so it is
// unit-tested: how it moves, and where it goes when items leave the list.

/** `delta` items down (up when negative), stopping at either end; the first item when none is current. */
export function moveCursor(keys: readonly string[], current: string | null, delta: number): string | null {
  if (!keys.length) return null;
  const i = current === null ? -1 : keys.indexOf(current);
  if (i < 0) return keys[0]!;
  return keys[Math.min(keys.length - 1, Math.max(0, i + delta))]!;
}

/**
 * The current item once the list changed from `before` to `after`: the same item while it is
 * still there; when it left (decided, or gone on reload), the next one that is still there, else
 * the previous one, else the first item.
 */
export function followCursor(before: readonly string[], after: readonly string[], current: string | null): string | null {
  if (current !== null && after.includes(current)) return current;
  const present = new Set(after);
  const i = current === null ? -1 : before.indexOf(current);
  if (i >= 0) {
    const next =
      before.slice(i + 1).find((k) => present.has(k)) ??
      before
        .slice(0, i)
        .reverse()
        .find((k) => present.has(k));
    if (next !== undefined) return next;
  }
  return after[0] ?? null;
}
