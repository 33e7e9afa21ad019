import { useEffect, useState } from 'react';
import type { JobEvent } from '@contract/jobs';
import { api, onJobEvent } from '@/api/client';

/** Live state of one job: its progress events, and a fetch in case an event was missed. */
export function useJob(jobId: string | null): JobEvent | null {
  const [job, setJob] = useState<JobEvent | null>(null);
  useEffect(() => {
    setJob(null);
    if (!jobId) return;
    const off = onJobEvent((e) => {
      if (e.jobId === jobId) setJob(e);
    });
    void api['jobs:get']({ id: jobId }).then((e) => setJob((current) => current ?? e)).catch(() => undefined);
    return off;
  }, [jobId]);
  return job;
}
