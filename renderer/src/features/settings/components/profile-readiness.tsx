// What a profile needs before its first action, asked for on first load rather than reported
// after a failed action: a database without the console's schema is offered its migrations (the
// migrations job, with progress; then every page reads again, no restart), and a profile that
// records an operator asks who is acting (picked, or signed in on Supabase).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useState } from 'react';
import type { Profile } from '@contract/connections';
import { channelQuery, reset, useChannelMutation } from '@/api/queries';
import { Dialog } from '@/components/dialog';
import { ErrorAlert } from '@/components/error-alert';
import { FormField } from '@/components/form-field';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { ProgressBar } from '@/components/progress-bar';
import { useToasts } from '@/components/toasts';
import { useJob } from '@/hooks/use-job';
import { OperatorPicker } from './operator-picker';
import { OperatorSignIn } from './operator-sign-in';

export function ProfileReadiness({ profile }: { profile: Profile }) {
  const needsGuide = profile.kind !== 'embedded';
  const status = useQuery(channelQuery('migrations:status', {}, { enabled: needsGuide }));
  const apply = useChannelMutation('migrations:up');
  const qc = useQueryClient();
  const toasts = useToasts();
  const react = useErrorReaction();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const [typed, setTyped] = useState('');
  // "Not now" holds for this profile until the console restarts or the profile changes again.
  const [dismissed, setDismissed] = useState<Record<string, boolean>>({});
  const dismiss = (what: 'schema' | 'operator') => setDismissed((d) => ({ ...d, [`${profile.id}:${what}`]: true }));

  const onJobEnded = useEffectEvent(() => {
    if (!job) return;
    if (job.state === 'done') toasts.push({ kind: 'success', message: `${job.message} The console's pages work on "${profile.name}" now.` });
    // The schema changed: everything read before (errors included) is dropped and read again.
    void reset(qc);
  });
  const jobState = job?.state;
  useEffect(() => {
    if (jobState && jobState !== 'running') onJobEnded();
  }, [jobState]);

  const data = status.data;
  const noSchema = needsGuide && data !== undefined && data.unavailable === null && data.latestApplied === null && data.pending > 0;
  const schemaOpen = (noSchema || (job !== null && job.state !== 'done')) && !dismissed[`${profile.id}:schema`];
  const schemaReady = !needsGuide || (data !== undefined && (data.latestApplied !== null || data.unavailable !== null));
  const operatorMissing = profile.kind === 'supabase' ? profile.signedInAs === null : profile.kind === 'postgres' && profile.operatorId === null;
  const operatorOpen = !schemaOpen && schemaReady && operatorMissing && !dismissed[`${profile.id}:operator`];

  const start = () =>
    apply.mutate(
      { confirm: profile.production ? typed : undefined },
      { onSuccess: ({ jobId: id }) => setJobId(id), onError: (e) => react(e, { retry: start }) },
    );

  return (
    <>
      <Dialog open={schemaOpen} title="Set up this database" onClose={() => (job?.state === 'running' ? undefined : dismiss('schema'))}>
        <p>
          <strong>This database has no console schema yet.</strong> Apply the console&apos;s {data?.pending ?? ''} migrations to &quot;{profile.name}
          &quot;? Each file runs in its own transaction; nothing of a failed file stays applied.
        </p>
        {profile.production && !job ? (
          <FormField id="first-run-confirm" label={`Production: type the profile's name (${profile.name}) to confirm`}>
            {(c) => <input {...c} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />}
          </FormField>
        ) : null}
        {job ? (
          <div aria-live="polite">
            <ProgressBar done={job.done} total={job.total} startedAt={job.startedAt} at={job.receivedAt} label={job.message} />
            {job.error ? <ErrorAlert error={job.error} title="Migration failed: nothing of the failed file was applied" /> : null}
          </div>
        ) : null}
        <div className="row" style={{ justifyContent: 'flex-end', marginTop: 12 }}>
          <button type="button" className="btn" disabled={job?.state === 'running'} onClick={() => dismiss('schema')}>
            Not now
          </button>
          <button
            type="button"
            className="btn primary"
            disabled={apply.isPending || job?.state === 'running' || (profile.production && typed !== profile.name)}
            onClick={start}
          >
            {job?.state === 'running' ? 'Applying…' : job?.error ? 'Try again' : `Apply ${data?.pending ?? ''} migrations`}
          </button>
        </div>
      </Dialog>
      <Dialog open={operatorOpen} title={`Who is acting on "${profile.name}"?`} onClose={() => dismiss('operator')}>
        <p>Every moderation action records who took it. Choose it now, before the first action.</p>
        {profile.kind === 'supabase' ? <OperatorSignIn profile={profile} /> : <OperatorPicker profile={profile} />}
        <div className="row" style={{ justifyContent: 'flex-end', marginTop: 12 }}>
          <button type="button" className="btn" onClick={() => dismiss('operator')}>
            Not now
          </button>
        </div>
      </Dialog>
    </>
  );
}
