import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { memo } from 'react';
import { formatNumber } from '@/lib/format';

type VideoNodeData = { title: string; status: string; thumbnail: string | null; depth: number; focused: boolean };
export type VideoNode = Node<VideoNodeData, 'video'>;
type MoreNodeData = { count: number; parentTitle: string; onExpand: () => void };
export type MoreNode = Node<MoreNodeData, 'more'>;

/**
 * A video card: thumbnail, title, moderation status. Distant videos get a dashed border rather
 * than transparency, so the status badge keeps its contrast (faded badges failed axe at 3.56).
 */
const VideoNodeCard = memo(function VideoNodeCard({ data }: NodeProps<VideoNode>) {
  return (
    <div className={`video-node${data.focused ? ' focused' : data.depth >= 2 ? ' distant' : ''}`} title={data.title}>
      <Handle type="target" position={Position.Left} />
      {data.thumbnail ? (
        <img
          src={data.thumbnail}
          alt=""
          className="video-node-thumb"
          referrerPolicy="no-referrer"
          onError={(e) => {
            (e.target as HTMLImageElement).style.display = 'none';
          }}
        />
      ) : (
        <span className="video-node-thumb placeholder" aria-hidden="true">
          ▶
        </span>
      )}
      <div className="video-node-text">
        <div className="video-node-title">{data.title}</div>
        <span className={`badge status-${data.status}`}>{data.status}</span>
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

/** The far videos behind one card, folded: a button opens them into the graph. */
const MoreNodeCard = memo(function MoreNodeCard({ data }: NodeProps<MoreNode>) {
  return (
    <div className="video-node more-node">
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <button
        type="button"
        className="btn small nodrag"
        onClick={data.onExpand}
        aria-label={`Show ${formatNumber(data.count)} more videos linked to “${data.parentTitle}”`}
      >
        +{formatNumber(data.count)} more
      </button>
    </div>
  );
});

export const NODE_TYPES = { video: VideoNodeCard, more: MoreNodeCard };
