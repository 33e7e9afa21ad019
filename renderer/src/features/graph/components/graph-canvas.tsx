// The neighbourhood as an editable graph: drag from a card's right handle to another card to link
// them (the type is chosen next), click a link to edit it. Layout is dagre's, re-run on demand.
import { Background, Controls, MarkerType, MiniMap, ReactFlow, type Connection, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import type { Neighbourhood } from '@contract/graph';
import { layoutGraph } from '../lib/layout-graph';
import { LINK_STYLE } from '../lib/link-types';
import { NODE_TYPES, type VideoNode } from './video-node';

export function GraphCanvas(props: {
  data: Neighbourhood;
  focus: string;
  layoutVersion: number;
  onConnect: (source: string, target: string) => void;
  onEdgeSelect: (edgeId: string) => void;
  onNodeOpen: (videoId: string) => void;
}) {
  const [positions, setPositions] = useState<Map<string, { x: number; y: number }>>(new Map());
  // Re-layout when the set of videos changes or the user asks; edits alone keep the layout.
  const nodeKey = props.data.nodes.map((n) => n.id).sort().join(',');
  useEffect(() => {
    setPositions(layoutGraph(props.data.nodes, props.data.edges));
  }, [nodeKey, props.layoutVersion]); // eslint-disable-line react-hooks/exhaustive-deps

  const [nodes, setNodes] = useState<VideoNode[]>([]);
  useEffect(() => {
    setNodes(props.data.nodes.map((n) => ({
      id: n.id, type: 'video' as const, position: positions.get(n.id) ?? { x: 0, y: 0 },
      data: { title: n.title, status: n.moderation_status, thumbnail: n.thumbnail_url, depth: n.depth, focused: n.id === props.focus },
    })));
  }, [props.data.nodes, positions, props.focus]);

  const edges = useMemo<Edge[]>(() => props.data.edges.map((e) => ({
    id: e.id, source: e.source, target: e.target, label: LINK_STYLE[e.type].label, type: 'default',
    style: { stroke: LINK_STYLE[e.type].color, strokeWidth: 2 }, labelStyle: { fill: LINK_STYLE[e.type].color, fontWeight: 600 },
    markerEnd: { type: MarkerType.ArrowClosed, color: LINK_STYLE[e.type].color }, data: { type: e.type },
  })), [props.data.edges]);

  return (
    <div className="graph-canvas" aria-label="Link graph">
      <ReactFlow<Node, Edge>
        nodes={nodes as Node[]}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={(changes) => setNodes((ns) => {
          let next = ns;
          for (const c of changes) if (c.type === 'position' && c.position) next = next.map((n) => (n.id === c.id ? { ...n, position: c.position! } : n));
          return next;
        })}
        isValidConnection={(c) => c.source !== c.target}
        onConnect={(c: Connection) => { if (c.source && c.target) props.onConnect(c.source, c.target); }}
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
