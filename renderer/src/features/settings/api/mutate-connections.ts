import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { ProfileInput } from '@contract/connections';
import { connectionsQuery } from './get-connections';

/** Everything that reads the database depends on the active profile: refetch it all. */
function useInvalidateAll() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries();
}

export function useSaveProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileInput) => api['connections:save'](input),
    onSuccess: () => qc.invalidateQueries({ queryKey: connectionsQuery().queryKey }),
  });
}

export function useActivateProfile() {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: (id: string) => api['connections:activate']({ id }), onSuccess: invalidate });
}

export function useDeleteProfile() {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: (v: { id: string; confirm?: string }) => api['connections:delete'](v), onSuccess: invalidate });
}

export function useTestProfile() {
  return useMutation({ mutationFn: (id: string) => api['connections:test']({ id }) });
}
