import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { channelQuery, keysetQuery } from '@/api/queries';

/** Users by username, searched by name, username, e-mail or id (keyset pages of 100); the previous list stays while a search loads. */
export const useUserPage = (search: string) =>
  useInfiniteQuery({ ...keysetQuery('users:page', { search }, { limit: 100 }), placeholderData: keepPreviousData });

/** One user's submissions, comments, reports and moderation history. */
export const useUserDetail = (userId: string | null) =>
  useQuery(channelQuery('users:detail', { userId: userId ?? '' }, { enabled: userId !== null }));

/** Every staff member with their roles (admins only). */
export const useStaffList = (enabled: boolean) => useQuery(channelQuery('staff:list', {}, { enabled }));

/** The latest staff role changes (admins only). */
export const useStaffHistory = (enabled: boolean) => useQuery(channelQuery('staff:history', { limit: 100 }, { enabled }));
