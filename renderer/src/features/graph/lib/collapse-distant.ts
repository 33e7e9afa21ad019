// Readable 3-hop views: the videos at the far edge (depth 3 and beyond) are folded into one
// "+N more" card per video that leads to them, until the user opens that card. A pure function
// from the neighbourhood to what is drawn, so the layout and the tests see the same thing.

export type MoreGroup = { id: string; parent: string; hidden: string[] };

/** The id of the "+N more" card of a parent (never a video id: those are uuids). */
export const moreId = (parent: string) => `more:${parent}`;

export function collapseDistant<N extends { id: string; depth: number; title: string }, E extends { source: string; target: string }>(
  nodes: readonly N[],
  edges: readonly E[],
  expanded: ReadonlySet<string>,
  fromDepth = 3,
): { nodes: N[]; edges: E[]; groups: MoreGroup[] } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // Each distant video's parent: the first (by title, then id) of its neighbours one hop nearer.
  const parentOf = new Map<string, N>();
  for (const e of edges) {
    for (const [far, near] of [
      [e.target, e.source],
      [e.source, e.target],
    ] as const) {
      const f = byId.get(far);
      const n = byId.get(near);
      if (!f || !n || f.depth < fromDepth || n.depth !== f.depth - 1) continue;
      const current = parentOf.get(f.id);
      if (!current || n.title.localeCompare(current.title) < 0 || (n.title === current.title && n.id < current.id)) parentOf.set(f.id, n);
    }
  }
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    const p = parentOf.get(n.id);
    if (p && !expanded.has(p.id)) children.set(p.id, [...(children.get(p.id) ?? []), n.id]);
  }
  // One video alone stays a card: "+1 more" would hide it for nothing.
  const groups: MoreGroup[] = [...children]
    .filter(([, ids]) => ids.length > 1)
    .map(([parent, hidden]) => ({ id: moreId(parent), parent, hidden }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const hidden = new Set(groups.flatMap((g) => g.hidden));
  return {
    nodes: nodes.filter((n) => !hidden.has(n.id)),
    edges: edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target)),
    groups,
  };
}
