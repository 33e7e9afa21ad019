// Readable 3-hop views: far videos are folded into one "+N more" card per video that leads to
// them, until the user opens that card. Videos 3 hops away are always folded; when the view
// (with nothing opened) still holds more than `maxCards` cards, videos 2 hops away are folded
// too (the focus and its direct links always show). A pure function from the neighbourhood to what is drawn, so the
// layout and the tests see the same thing.

export type MoreGroup = { id: string; parent: string; hidden: string[] };

/** The id of the "+N more" card of a parent (never a video id: those are uuids). */
export const moreId = (parent: string) => `more:${parent}`;

type ViewNode = { id: string; depth: number; title: string };

export function collapseDistant<N extends ViewNode, E extends { source: string; target: string }>(
  nodes: readonly N[],
  edges: readonly E[],
  expanded: ReadonlySet<string>,
  maxCards = 20,
): { nodes: N[]; edges: E[]; groups: MoreGroup[] } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // Each video's parent: the first (by title, then id) of its neighbours one hop nearer.
  const parentOf = new Map<string, N>();
  for (const e of edges) {
    for (const [far, near] of [
      [e.target, e.source],
      [e.source, e.target],
    ] as const) {
      const f = byId.get(far);
      const n = byId.get(near);
      if (!f || !n || n.depth !== f.depth - 1) continue;
      const current = parentOf.get(f.id);
      if (!current || n.title.localeCompare(current.title) < 0 || (n.title === current.title && n.id < current.id)) parentOf.set(f.id, n);
    }
  }
  const children = new Map<string, N[]>();
  for (const n of nodes) {
    const p = parentOf.get(n.id);
    if (p) children.set(p.id, [...(children.get(p.id) ?? []), n]);
  }

  const fold = (fromDepth: number, opened: ReadonlySet<string>) => {
    const hidden = new Set<string>();
    const groups: MoreGroup[] = [];
    // Nearest first, so a parent's fate is known before its children's.
    for (const n of [...nodes].sort((a, b) => a.depth - b.depth)) {
      if (hidden.has(n.id)) {
        for (const c of children.get(n.id) ?? []) hidden.add(c.id);
        continue;
      }
      const kids = (children.get(n.id) ?? []).filter((c) => c.depth >= fromDepth);
      // One video alone stays a card: "+1 more" would hide it for nothing.
      if (kids.length > 1 && !opened.has(n.id)) {
        for (const c of kids) hidden.add(c.id);
        groups.push({ id: moreId(n.id), parent: n.id, hidden: kids.map((c) => c.id) });
      }
    }
    return { hidden, groups: groups.sort((a, b) => (a.id < b.id ? -1 : 1)) };
  };
  // The depth to fold from is chosen on the view with nothing opened, so opening a card never
  // folds anything else away.
  const closed = fold(3, new Set());
  const { hidden, groups } = fold(nodes.length - closed.hidden.size + closed.groups.length > maxCards ? 2 : 3, expanded);
  return {
    nodes: nodes.filter((n) => !hidden.has(n.id)),
    edges: edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target)),
    groups,
  };
}
