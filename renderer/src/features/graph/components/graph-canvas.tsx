// The neighbourhood as an editable graph: drag from a card's right handle to another card to link
// them (the type is chosen next), click a link to edit it. Layout is dagre's, re-run on demand.
import { Background, Controls, MarkerType, MiniMap, ReactFlow, type Connection, type Edge, type Node, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useState } from 'react';
import type { Neighbourhood } from '@contract/graph';
import { layoutGraph } from '../lib/layout-graph';
import { LINK_STYLE } from '../lib/link-types';
import { NODE_TYPES, type VideoNode } from './video-node';

type Positions = Map<string, { x: number; y: number }>;

/** The cards of `nodes` at their laid-out places. */
const videoNodes = (nodes: Neighbourhood['nodes'], positions: Positions, focus: string): VideoNode[] =>
  nodes.map((n) => ({
    id: n.id,
    type: 'video' as const,
    position: positions.get(n.id) ?? { x: 0, y: 0 },
    data: { title: n.title, status: n.moderation_status, thumbnail: n.thumbnail_url, depth: n.depth, focused: n.id === focus },
  }));

/** The cards after React Flow's changes: only moves are kept (the same list when nothing moved). */
function moveNodes(nodes: VideoNode[], changes: NodeChange[]): VideoNode[] {
  let next = nodes;
  for (const c of changes) if (c.type === 'position' && c.position) next = next.map((n) => (n.id === c.id ? { ...n, position: c.position! } : n));
  return next;
}

export function GraphCanvas(props: {
  data: Neighbourhood;
  focus: string;
  layoutVersion: number;
  onConnect: (source: string, target: string) => void;
  onEdgeSelect: (edgeId: string) => void;
  onNodeOpen: (videoId: string) => void;
}) {
  // Re-layout when the set of videos changes or the user asks; edits alone keep the layout.
  // (Adjusted while rendering the change, so no frame shows the previous layout.)
  const nodeKey = props.data.nodes
    .map((n) => n.id)
    .sort()
    .join(',');
  const [layout, setLayout] = useState(() => ({ nodeKey, version: props.layoutVersion, positions: layoutGraph(props.data.nodes, props.data.edges) }));
  let positions = layout.positions;
  if (layout.nodeKey !== nodeKey || layout.version !== props.layoutVersion) {
    positions = layoutGraph(props.data.nodes, props.data.edges);
    setLayout({ nodeKey, version: props.layoutVersion, positions });
  }

  // The cards, rebuilt at the laid-out places when the videos, the layout or the focus change;
  // until then, where the user dragged them.
  const [cards, setCards] = useState(() => ({
    from: props.data.nodes,
    positions,
    focus: props.focus,
    nodes: videoNodes(props.data.nodes, positions, props.focus),
  }));
  let nodes = cards.nodes;
  if (cards.from !== props.data.nodes || cards.positions !== positions || cards.focus !== props.focus) {
    nodes = videoNodes(props.data.nodes, positions, props.focus);
    setCards({ from: props.data.nodes, positions, focus: props.focus, nodes });
  }

  const edges = useMemo<Edge[]>(
    () =>
      props.data.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        label: LINK_STYLE[e.type].label,
        type: 'default',
        style: { stroke: LINK_STYLE[e.type].color, strokeWidth: 2 },
        labelStyle: { fill: LINK_STYLE[e.type].color, fontWeight: 600 },
        markerEnd: { type: MarkerType.ArrowClosed, color: LINK_STYLE[e.type].color },
        data: { type: e.type },
      })),
    [props.data.edges],
  );

  return (
    <div className="graph-canvas" aria-label="Link graph">
      <ReactFlow<Node, Edge>
        nodes={nodes as Node[]}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={(changes) =>
          setCards((c) => {
            const moved = moveNodes(c.nodes, changes);
            return moved === c.nodes ? c : { ...c, nodes: moved };
          })
        }
        isValidConnection={(c) => c.source !== c.target}
        onConnect={(c: Connection) => {
          if (c.source && c.target) props.onConnect(c.source, c.target);
        }}
        onEdgeClick={(_e, edge) => props.onEdgeSelect(edge.id)}
        onNodeDoubleClick={(_e, node) => props.onNodeOpen(node.id)}
        fitView
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
        deleteKeyCode={null}
      >
        <Background />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable ariaLabel="Overview of the graph" />
      </ReactFlow>
    </div>
  );
}
