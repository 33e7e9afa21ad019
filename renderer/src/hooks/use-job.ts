import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { JobEvent } from '@contract/jobs';
import { onJobEvent } from '@/api/client';
import { channelQuery } from '@/api/queries';

/** Live state of one job: its progress events, and a fetch in case an event was missed. */
export function useJob(jobId: string | null): JobEvent | null {
  const qc = useQueryClient();
  const [job, setJob] = useState<JobEvent | null>(null);
  useEffect(() => {
    setJob(null);
    if (!jobId) return;
    const off = onJobEvent((e) => {
      if (e.jobId === jobId) setJob(e);
    });
    void qc.fetchQuery(channelQuery('jobs:get', { id: jobId }, { staleTime: 0 })).then((e) => setJob((current) => current ?? e)).catch(() => undefined);
    return off;
  }, [jobId, qc]);
  return job;
}
