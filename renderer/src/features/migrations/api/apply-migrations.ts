import { useMutation } from '@tanstack/react-query';
import { api } from '@/api/client';

export const useApplyMigrations = () =>
  useMutation({ mutationFn: (v: { confirm?: string }) => api['migrations:up'](v) });
