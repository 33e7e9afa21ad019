// `#/video/<uuid>` (a magna-console://video link): the moderation review of that one video,
// whatever queue it is in, with its actions, undo and refusals as in the queues.
import { useState } from 'react';
import type { VideoAction, VideoReview } from '@contract/moderation';
import { useActOnVideos } from '@/features/moderation/api/moderate';
import { RejectDialog } from '@/features/moderation/components/reject-dialog';
import { ReviewPane } from '@/features/moderation/components/review-pane';
import { useDecisions } from '@/features/moderation/hooks/use-decisions';

const PAST: Record<VideoAction, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  flag: 'Flagged',
  reopen: 'Reopened',
  feature: 'Featured',
  unfeature: 'Unfeatured',
};

export function LinkedVideo({ id }: { id: string }) {
  const act = useActOnVideos();
  const decisions = useDecisions({ onUndone: () => undefined });
  const [rejecting, setRejecting] = useState<VideoReview | null>(null);

  const run = (action: VideoAction, review: VideoReview, reason?: string) => {
    const { video } = review;
    act.mutate(
      { action, items: [{ id: video.id, expected_status: video.moderation_status as 'pending' | 'approved' | 'rejected' | 'flagged' }], reason },
      {
        onSuccess: (result) => void decisions.settle(result.results, { past: PAST[action], titles: new Map([[video.id, video.title]]), asked: 1 }),
        onError: (e) => decisions.react(e),
      },
    );
  };

  return (
    <section aria-labelledby="page-title" className="moderation linked-video">
      <div className="row page-head">
        <h1 id="page-title">Video review</h1>
        <a className="btn small" href="#/moderation">
          Back to the queues
        </a>
      </div>
      <ReviewPane
        videoId={id}
        busy={act.isPending}
        onAction={(action, review) => (action === 'reject' ? setRejecting(review) : run(action, review))}
      />
      {decisions.view}
      <RejectDialog
        open={rejecting !== null}
        count={1}
        onClose={() => setRejecting(null)}
        onReject={(reason) => {
          const review = rejecting;
          setRejecting(null);
          if (review) run('reject', review, reason);
        }}
      />
    </section>
  );
}
