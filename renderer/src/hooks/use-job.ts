import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { JobEvent } from '@contract/jobs';
import { onJobEvent } from '@/api/client';
import { channelQuery } from '@/api/queries';

/** A job's latest state, with when it reached this window (its counts are as of then). */
export type LiveJob = JobEvent & { receivedAt: number };

/** Live state of one job: its progress events, and a fetch in case an event was missed. */
export function useJob(jobId: string | null): LiveJob | null {
  const qc = useQueryClient();
  const [job, setJob] = useState<LiveJob | null>(null);
  useEffect(() => {
    if (!jobId) return;
    const off = onJobEvent((e) => {
      if (e.jobId === jobId) setJob({ ...e, receivedAt: Date.now() });
    });
    void qc
      .fetchQuery(channelQuery('jobs:get', { id: jobId }, { staleTime: 0 }))
      .then((e) => {
        const fetched = { ...e, receivedAt: Date.now() };
        setJob((current) => (current?.jobId === jobId ? current : fetched));
      })
      .catch(() => undefined);
    return off;
  }, [jobId, qc]);
  // The state of an earlier job is not this one's: none until this job's first event or fetch.
  return job?.jobId === jobId ? job : null;
}
