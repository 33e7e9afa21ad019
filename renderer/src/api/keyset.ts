// Keyset ("seek") paging: each page names where the next one starts, so a deep page costs the
// same as the first and rows inserted meanwhile never shift what comes next. Pure (no imports),
// so it is unit-tested on its own.

/** Where the next page starts: the sort key values of the last row, as the server returned them. */
export type Cursor = Record<string, string | number | null>;

/** The cursor for the page after `page`, or undefined when it was the last (TanStack Query stops there). */
export function nextCursor(page: { rows: readonly unknown[]; next_cursor: Cursor | null }): Cursor | undefined {
  // A page without rows cannot move the cursor forward: asking again would loop.
  if (page.next_cursor === null || page.rows.length === 0) return undefined;
  return page.next_cursor;
}

/** Every loaded row, in order. */
export function keysetRows<Row>(data: { pages: readonly { rows: readonly Row[] }[] } | undefined): Row[] {
  return (data?.pages ?? []).flatMap((p) => p.rows);
}
