// The video a report or a context note is about, beside the decision: its player, submitter (a
// link to their submissions), description and a link to the platform.
import { ErrorAlert } from '@/components/error-alert';
import { formatClock } from '@/lib/format';
import { openExternal } from '@/lib/open-external';
import { useReview } from '../api/get-review';
import { VideoPlayer, type Seek } from './video-player';

export function VideoSummary({ videoId, seek = null }: { videoId: string; seek?: Seek | null }) {
  const review = useReview(videoId);
  if (review.error) return <ErrorAlert error={review.error} title="Could not load the video" />;
  if (!review.data) return <p className="muted">Loading the video…</p>;
  const { video, submitter } = review.data;
  return (
    <section className="pane-section" aria-label="Video">
      <VideoPlayer video={video} seek={seek} />
      <div className="muted">
        <span className={`badge status-${video.moderation_status}`}>{video.moderation_status}</span> {video.channel_name ?? 'Unknown channel'} ·{' '}
        {formatClock(video.duration_seconds)} · {video.platform}
        {submitter ? (
          <>
            {' '}
            · submitted by{' '}
            <a href={`#/moderation?submitter=${submitter.id}`} title={`Pending videos submitted by @${submitter.username}`}>
              @{submitter.username}
            </a>
          </>
        ) : null}
      </div>
      <p className="description">{video.description ?? <span className="muted">No description.</span>}</p>
      <button type="button" className="btn small link-btn" onClick={() => void openExternal(video.url)}>
        Open on {video.platform} ↗
      </button>
    </section>
  );
}
