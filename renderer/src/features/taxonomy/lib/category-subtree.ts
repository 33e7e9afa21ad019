/** A category and every category under it, at any depth (a move or delete must leave them out). */
export function subtreeIds(all: readonly { id: number; parent_id: number | null }[], rootId: number): Set<number> {
  const ids = new Set<number>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (ids.has(id)) continue;
    ids.add(id);
    for (const c of all) if (c.parent_id === id) stack.push(c.id);
  }
  return ids;
}
