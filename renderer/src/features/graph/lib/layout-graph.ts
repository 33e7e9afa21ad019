// Layered layout: a pure function from nodes and edges to positions (dagre, left to right:
// a video's prerequisites to its right). A fresh dagre graph on every call; centre → top-left.
import dagre from '@dagrejs/dagre';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 64;
/** The width of a folded "+N more" card. */
export const MORE_WIDTH = 110;

/** Positions of the nodes (a node may be narrower than a card, e.g. a folded "+N more"). */
export function layoutGraph(
  nodes: { id: string; width?: number }[],
  edges: { source: string; target: string }[],
): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  // Compact enough that a 3-hop view fits the canvas with its cards readable.
  g.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 60, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const width = new Map(nodes.map((n) => [n.id, n.width ?? NODE_WIDTH]));
  for (const n of nodes) g.setNode(n.id, { width: width.get(n.id)!, height: NODE_HEIGHT });
  for (const e of edges) if (e.source !== e.target) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const p = g.node(n.id) as { x: number; y: number } | undefined;
    out.set(n.id, p ? { x: p.x - width.get(n.id)! / 2, y: p.y - NODE_HEIGHT / 2 } : { x: 0, y: 0 });
  }
  return out;
}
