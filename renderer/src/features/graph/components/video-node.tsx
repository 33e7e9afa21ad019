import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { memo } from 'react';

type VideoNodeData = { title: string; status: string; thumbnail: string | null; depth: number; focused: boolean };
export type VideoNode = Node<VideoNodeData, 'video'>;

/** A video card: thumbnail, title, moderation status; distant videos fade. */
const VideoNodeCard = memo(function VideoNodeCard({ data }: NodeProps<VideoNode>) {
  return (
    <div
      className={`video-node${data.focused ? ' focused' : ''}`}
      style={{ opacity: data.focused ? 1 : data.depth >= 3 ? 0.55 : data.depth === 2 ? 0.8 : 1 }}
      title={data.title}
    >
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

export const NODE_TYPES = { video: VideoNodeCard };
