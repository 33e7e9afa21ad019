// Everything needed to decide on a video in one place: the video, its edits, the submitter's
// history, reports, possible duplicates and the audit timeline. Text is always rendered as text.
import { forwardRef, useState, type ReactNode } from 'react';
import type { VideoAction, VideoReview } from '@contract/moderation';
import { CopyLinkButton } from '@/components/copy-link-button';
import { ErrorAlert } from '@/components/error-alert';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { useToasts } from '@/components/toasts';
import { formatClock, formatDateTime, formatDecimal, formatNumber, formatRelativeTime, formatTime } from '@/lib/format';
import { openExternal } from '@/lib/open-external';
import { useReview } from '../api/get-review';
import { useSetUserActive } from '../api/moderate';
import { MetadataEditor } from './metadata-editor';
import { ReasonDialog } from './reason-dialog';
import { approveClosesReports } from '../lib/report-summary';
import { VideoPlayer } from './video-player';

const ACTIONS: { action: VideoAction; label: string; key?: string; allowed: (status: string, featured: boolean) => boolean; danger?: boolean }[] = [
  { action: 'approve', label: 'Approve', key: 'a', allowed: (s) => s === 'pending' || s === 'flagged' },
  { action: 'reject', label: 'Reject…', key: 'r', allowed: (s) => s !== 'rejected', danger: true },
  { action: 'flag', label: 'Flag', key: 'f', allowed: (s) => s === 'pending' || s === 'approved' },
  { action: 'feature', label: 'Feature', allowed: (s, f) => s === 'approved' && !f },
  { action: 'unfeature', label: 'Unfeature', allowed: (s, f) => s === 'approved' && f },
  { action: 'reopen', label: 'Reopen', allowed: (s) => s === 'rejected' },
];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="pane-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

export const ReviewPane = forwardRef<
  HTMLSelectElement,
  { videoId: string | null; settledId?: string | null; onAction: (action: VideoAction, review: VideoReview) => void; busy: boolean }
>(function ReviewPane({ videoId, settledId = videoId, onAction, busy }, editRef) {
  const review = useReview(videoId, settledId);
  const setActive = useSetUserActive();
  const toasts = useToasts();
  const react = useErrorReaction();
  const [suspending, setSuspending] = useState(false);
  if (!videoId)
    return (
      <div className="pane empty-pane">
        <p className="muted">Select an item (j/k) to review it here.</p>
      </div>
    );
  if (review.error)
    return (
      <div className="pane">
        <ErrorAlert error={review.error} title="Could not load the video" />
      </div>
    );
  if (!review.data)
    return (
      <div className="pane">
        <p className="muted">Loading…</p>
      </div>
    );
  const { video, submitter, timeline, reports, duplicates, claim } = review.data;
  const closes = approveClosesReports(reports);
  const approvable = ACTIONS[0]!.allowed(video.moderation_status, video.is_featured ?? false);
  // Suspending or reinstating the submitter: the Users page's operation (audited; a production
  // profile asks for its name typed, then retries).
  const changeSubmitter = (active: boolean, reason?: string, confirm?: string) => {
    if (!submitter) return;
    setActive.mutate(
      { userId: submitter.id, active, expectedActive: !active, reason, confirm },
      {
        onSuccess: () => toasts.push({ kind: 'success', message: `@${submitter.username} ${active ? 'reinstated' : 'suspended'}.` }),
        onError: (e) => react(e, { retry: (typed) => changeSubmitter(active, reason, typed) }),
      },
    );
  };

  return (
    <aside className="pane" aria-label="Review">
      <div className="pane-head">
        <VideoPlayer video={video} />
        <div>
          <h2 className="pane-title">{video.title}</h2>
          <div className="muted">
            <span className={`badge status-${video.moderation_status}`}>{video.moderation_status}</span>
            {video.is_featured ? <span className="badge applied">featured</span> : null} {video.channel_name ?? 'Unknown channel'} ·{' '}
            {formatClock(video.duration_seconds)} · {video.platform}
          </div>
          <button type="button" className="btn small link-btn" onClick={() => void openExternal(video.url)} aria-keyshortcuts="o">
            Open on {video.platform} ↗
          </button>
          <CopyLinkButton kind="video" id={video.id} className="btn small link-btn" />
        </div>
      </div>
      {claim ? (
        <div className="alert info" role="note">
          Being reviewed by {claim.operator} until {formatTime(claim.expires_at)}.
        </div>
      ) : null}
      {closes && approvable ? (
        <div className="alert warning" role="note" id="approve-closes-reports">
          {closes}
        </div>
      ) : null}
      <div className="row actions" role="toolbar" aria-label="Actions">
        {ACTIONS.filter((a) => a.allowed(video.moderation_status, video.is_featured ?? false)).map((a) => (
          <button
            key={a.action}
            type="button"
            className={`btn ${a.action === 'approve' ? 'primary' : a.danger ? 'danger' : ''}`}
            disabled={busy}
            onClick={() => onAction(a.action, review.data!)}
            aria-keyshortcuts={a.key}
            aria-describedby={a.action === 'approve' && closes ? 'approve-closes-reports' : undefined}
          >
            {a.label}
            {a.key ? (
              <>
                {' '}
                <kbd>{a.key}</kbd>
              </>
            ) : null}
          </button>
        ))}
      </div>
      {video.moderation_notes ? <p className="muted">Notes: {video.moderation_notes}</p> : null}
      <p className="description">{video.description ?? <span className="muted">No description.</span>}</p>
      <MetadataEditor ref={editRef} video={video} />

      {submitter ? (
        <Section title="Submitter">
          <div>
            <strong>{submitter.display_name ?? submitter.username}</strong>{' '}
            <a href={`#/moderation?submitter=${submitter.id}`} title={`Pending videos submitted by @${submitter.username}`}>
              @{submitter.username}
            </a>{' '}
            {submitter.is_active ? <span className="badge applied">active</span> : <span className="badge modified">suspended</span>}
          </div>
          <div className="muted">
            Account {submitter.created_at ? `created ${formatRelativeTime(submitter.created_at)}` : 'age unknown'} ·{' '}
            {formatNumber(submitter.approved)} approved · {formatNumber(submitter.rejected)} rejected · {formatNumber(submitter.pending)} pending ·{' '}
            {formatNumber(submitter.flagged)} flagged
          </div>
          <button
            type="button"
            className="btn small"
            disabled={setActive.isPending}
            onClick={() => {
              if (submitter.is_active ?? true) setSuspending(true);
              else changeSubmitter(true);
            }}
          >
            {submitter.is_active ? 'Suspend user…' : 'Reinstate user'}
          </button>
          <ReasonDialog
            open={suspending}
            title={`Suspend @${submitter.username}?`}
            label="Why (recorded in the audit log)"
            confirmLabel="Suspend"
            onClose={() => setSuspending(false)}
            onSubmit={(reason) => {
              setSuspending(false);
              changeSubmitter(false, reason);
            }}
          />
        </Section>
      ) : null}

      {reports.length ? (
        <Section title={`Open reports (${formatNumber(reports.length)})`}>
          <ul className="plain">
            {reports.map((r, i) => (
              <li key={i}>
                <strong>{r.reason.replaceAll('_', ' ')}</strong> by @{r.reporter} · {formatRelativeTime(r.at)}
                {r.details ? <div className="muted">{r.details}</div> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title="Possible duplicates">
        {duplicates.same_platform_id.length + duplicates.similar_titles.length + (duplicates.nearest?.length ?? 0) === 0 ? (
          <p className="muted">None found{duplicates.nearest === null ? ' (no embedding yet for semantic matches)' : ''}.</p>
        ) : null}
        {duplicates.same_platform_id.map((d) => (
          <div key={d.id}>
            Same platform id: {d.title}{' '}
            <span className="muted">
              ({d.platform}, {d.status})
            </span>
          </div>
        ))}
        {duplicates.similar_titles.map((d) => (
          <div key={d.id}>
            Similar title ({formatNumber(Math.round(d.similarity * 100))}%): {d.title} <span className="muted">({d.status})</span>
          </div>
        ))}
        {(duplicates.nearest ?? []).map((d) => (
          <div key={d.id}>
            Semantically close ({formatDecimal(d.similarity, 2)}): {d.title}
          </div>
        ))}
      </Section>

      <Section title="Timeline">
        <div className="muted">Submitted {formatDateTime(video.created_at)}</div>
        {timeline.length === 0 ? (
          <p className="muted">No moderation yet.</p>
        ) : (
          <ol className="timeline">
            {timeline.map((e) => (
              <li key={e.id}>
                <strong>{e.operator}</strong> {e.action}
                {e.from_state && e.to_state && e.from_state !== e.to_state ? ` (${e.from_state} → ${e.to_state})` : ''} · {formatRelativeTime(e.at)}
                {e.reason ? <div className="muted">Reason: {e.reason}</div> : null}
                {e.note ? <div className="muted">Note: {e.note}</div> : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </aside>
  );
});
