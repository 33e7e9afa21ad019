// The neighbourhood as an editable graph: drag from a card's right handle to another card to link
// them (the type is chosen next), click a link to edit it. Layout is dagre's, re-run on demand.
// At 3 hops the far videos are folded into "+N more" cards; the view fits the cards whenever
// the set of cards changes, and the minimap shows each card in its status colour.
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useNodesState,
  useReactFlow,
  type Connection,
  type Edge,
  type Node,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Neighbourhood } from '@contract/graph';
import { collapseDistant, type MoreGroup } from '../lib/collapse-distant';
import { layoutGraph, MORE_WIDTH } from '../lib/layout-graph';
import { LINK_STYLE } from '../lib/link-types';
import { useDocumentTheme } from '../lib/use-document-theme';
import { NODE_TYPES, type MoreNode, type VideoNode } from './video-node';

type Positions = Map<string, { x: number; y: number }>;
type Card = VideoNode | MoreNode;

const NO_IDS: ReadonlySet<string> = new Set();
const FIT = { padding: 0.05, maxZoom: 1.1 } as const;

/** A card's colour on the minimap: its status (the theme's own colours), the folded cards muted. */
const STATUS_COLOUR: Record<string, string> = { approved: 'var(--ok)', pending: 'var(--warn)', rejected: 'var(--danger)', flagged: 'var(--danger)' };
const minimapColour = (n: Node) => (n.type === 'more' ? 'var(--muted)' : (STATUS_COLOUR[(n as VideoNode).data.status] ?? 'var(--muted)'));

/** The cards of the view at their laid-out places. */
function cardsOf(
  nodes: Neighbourhood['nodes'],
  groups: MoreGroup[],
  positions: Positions,
  focus: string,
  titles: Map<string, string>,
  expand: (parent: string) => void,
): Card[] {
  const videos: Card[] = nodes.map((n) => ({
    id: n.id,
    type: 'video' as const,
    position: positions.get(n.id) ?? { x: 0, y: 0 },
    data: { title: n.title, status: n.moderation_status, thumbnail: n.thumbnail_url, depth: n.depth, focused: n.id === focus },
  }));
  const more: Card[] = groups.map((g) => ({
    id: g.id,
    type: 'more' as const,
    position: positions.get(g.id) ?? { x: 0, y: 0 },
    connectable: false,
    data: { count: g.hidden.length, parentTitle: titles.get(g.parent) ?? '', onExpand: () => expand(g.parent) },
  }));
  return [...videos, ...more];
}

export function GraphCanvas(props: {
  data: Neighbourhood;
  focus: string;
  layoutVersion: number;
  onConnect: (source: string, target: string) => void;
  onEdgeSelect: (edgeId: string) => void;
  onNodeOpen: (videoId: string) => void;
}) {
  const theme = useDocumentTheme();
  const { fitView } = useReactFlow();
  const nodeKey = props.data.nodes
    .map((n) => n.id)
    .sort()
    .join(',');
  // The parents whose folded videos the user opened; forgotten when the neighbourhood changes.
  const [opened, setOpened] = useState<{ nodeKey: string; ids: ReadonlySet<string> }>({ nodeKey, ids: NO_IDS });
  if (opened.nodeKey !== nodeKey) setOpened({ nodeKey, ids: NO_IDS });
  const openedIds = opened.nodeKey === nodeKey ? opened.ids : NO_IDS;
  const view = useMemo(() => collapseDistant(props.data.nodes, props.data.edges, openedIds), [props.data, openedIds]);
  const titles = useMemo(() => new Map(props.data.nodes.map((n) => [n.id, n.title])), [props.data.nodes]);

  // Re-layout when the set of cards changes or the user asks; edits alone keep the layout.
  // (Adjusted while rendering the change, so no frame shows the previous layout.)
  const viewKey = `${nodeKey}|${[...openedIds].sort().join(',')}|${props.layoutVersion}`;
  const lay = () =>
    layoutGraph(
      [...view.nodes, ...view.groups.map((g) => ({ id: g.id, width: MORE_WIDTH }))],
      [...view.edges, ...view.groups.map((g) => ({ source: g.parent, target: g.id }))],
    );
  const [layout, setLayout] = useState(() => ({ viewKey, positions: lay() }));
  let positions = layout.positions;
  if (layout.viewKey !== viewKey) {
    positions = lay();
    setLayout({ viewKey, positions });
  }

  // The cards, rebuilt at the laid-out places when the videos, the layout or the focus change;
  // until then, where the user dragged them. React Flow's own changes (moves, measurements,
  // selection) go through its node state, which the minimap and fit-to-view read.
  const [nodes, setNodes, onNodesChange] = useNodesState<Node>([]);
  const expand = useCallback((parent: string) => setOpened((o) => ({ nodeKey: o.nodeKey, ids: new Set([...o.ids, parent]) })), []);
  useEffect(() => {
    setNodes(cardsOf(view.nodes, view.groups, positions, props.focus, titles, expand) as Node[]);
    // view follows props.data, positions the layout: cards are rebuilt when either changes.
  }, [positions, props.focus, view, titles, expand, setNodes]);

  // Fit the view to the cards on load and whenever the set of cards changes (React Flow waits
  // until the new cards are measured).
  useEffect(() => {
    void fitView(FIT);
  }, [viewKey, fitView]);

  const edges = useMemo<Edge[]>(
    () => [
      ...view.edges.map((e) => ({
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
      ...view.groups.map((g) => ({
        id: `${g.id}:edge`,
        source: g.parent,
        target: g.id,
        type: 'default',
        selectable: false,
        focusable: false,
        style: { stroke: 'var(--muted)', strokeDasharray: '4 4' },
      })),
    ],
    [view],
  );

  return (
    <div className="graph-canvas" aria-label="Link graph">
      <ReactFlow<Node, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        colorMode={theme}
        onNodesChange={onNodesChange}
        isValidConnection={(c) => c.source !== c.target && !c.source.startsWith('more:') && !c.target.startsWith('more:')}
        onConnect={(c: Connection) => {
          if (c.source && c.target) props.onConnect(c.source, c.target);
        }}
        onEdgeClick={(_e, edge) => {
          if (!edge.id.startsWith('more:')) props.onEdgeSelect(edge.id);
        }}
        onNodeDoubleClick={(_e, node) => {
          if (node.type === 'video') props.onNodeOpen(node.id);
        }}
        fitView
        fitViewOptions={FIT}
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
        deleteKeyCode={null}
      >
        <Background />
        <Controls showInteractive={false} />
        <MiniMap
          pannable
          zoomable
          ariaLabel="Overview of the graph"
          nodeColor={minimapColour}
          nodeStrokeColor={(n) => ((n.data as { focused?: boolean }).focused ? 'var(--accent)' : 'transparent')}
          nodeStrokeWidth={6}
          nodeBorderRadius={6}
          style={{ width: 160, height: 100 }}
        />
      </ReactFlow>
    </div>
  );
}
