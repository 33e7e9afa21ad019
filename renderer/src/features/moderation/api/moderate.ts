// The moderation mutations. Each refreshes the counts; queues are refreshed by the page
// (it removes decided items itself, so the list does not jump).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { Input } from '@contract/contract';

function useRefreshCounts() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['moderation', 'counts'] });
}

export function useActOnVideos() {
  const refresh = useRefreshCounts();
  return useMutation({ mutationFn: (v: Input<'moderation:act'>) => api['moderation:act'](v), onSettled: refresh });
}

export function useUndo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (auditIds: number[]) => api['moderation:undo']({ auditIds }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['moderation'] }),
  });
}

export function useUpdateMetadata() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: Input<'moderation:update-metadata'>) => api['moderation:update-metadata'](v),
    onSuccess: (_r, v) => qc.invalidateQueries({ queryKey: ['moderation', 'review', v.videoId] }),
  });
}

export function useActOnComments() {
  const refresh = useRefreshCounts();
  return useMutation({ mutationFn: (v: Input<'moderation:comments'>) => api['moderation:comments'](v), onSettled: refresh });
}

export function useActOnContexts() {
  const refresh = useRefreshCounts();
  return useMutation({ mutationFn: (v: Input<'moderation:contexts'>) => api['moderation:contexts'](v), onSettled: refresh });
}

export function useDismissReports() {
  const refresh = useRefreshCounts();
  return useMutation({ mutationFn: (v: Input<'moderation:dismiss-reports'>) => api['moderation:dismiss-reports'](v), onSettled: refresh });
}

export function useSetUserActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: Input<'moderation:set-user-active'>) => api['moderation:set-user-active'](v),
    onSettled: () => qc.invalidateQueries({ queryKey: ['moderation', 'review'] }),
  });
}

export function useClaim() {
  return useMutation({ mutationFn: (v: Input<'moderation:claim'>) => api['moderation:claim'](v) });
}
