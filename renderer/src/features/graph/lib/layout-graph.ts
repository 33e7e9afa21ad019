// Layered layout: a pure function from nodes and edges to positions (dagre, left to right:
// a video's prerequisites to its right). A fresh dagre graph on every call; centre → top-left.
import dagre from '@dagrejs/dagre';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 64;

export function layoutGraph(nodes: { id: string }[], edges: { source: string; target: string }[]): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 90, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of edges) if (e.source !== e.target) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const p = g.node(n.id) as { x: number; y: number } | undefined;
    out.set(n.id, p ? { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 } : { x: 0, y: 0 });
  }
  return out;
}
