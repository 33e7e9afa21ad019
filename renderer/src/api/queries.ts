// The one place query keys come from: every read is keyed [channel, input], so a mutation
// invalidates by channel or by domain ('moderation:') and never spells a key by hand.
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient, type QueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { Channel } from '@contract/channels';
import type { Input, Output } from '@contract/contract';
import { callChannel } from './client';
import { nextCursor, type Cursor } from './keyset';
import { keyMatches } from './query-keys';

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
/** What an invalidation reaches: one channel, or every channel of a domain ('taxonomy:'). */
export type QueryTarget = Channel | `${DomainOf<Channel>}:`;

export type ChannelKey<C extends Channel> = readonly [C, Input<C>];

const call = <C extends Channel>(channel: C, input: Input<C>, signal?: AbortSignal) => callChannel(channel, input, signal);

/** A read of one channel: key [channel, input], the call itself, and any other query options. */
export function channelQuery<C extends Channel>(
  channel: C,
  input: Input<C>,
  options?: Omit<UseQueryOptions<Output<C>, Error, Output<C>, ChannelKey<C>>, 'queryKey' | 'queryFn'>,
) {
  return queryOptions({ ...options, queryKey: [channel, input] as ChannelKey<C>, queryFn: ({ signal }) => call(channel, input, signal) });
}

/** Channels that page by keyset: their output is {rows, next_cursor}. */
export type KeysetChannel = {
  [C in Channel]: Output<C> extends { rows: unknown[]; next_cursor: Cursor | null } ? ('cursor' extends keyof Input<C> ? C : never) : never;
}[Channel];

/**
 * A keyset-paged list: key [channel, input + limit]; each page starts at the previous page's
 * `next_cursor`; the last page has none.
 */
export function keysetQuery<C extends KeysetChannel>(channel: C, input: Omit<Input<C>, 'cursor' | 'limit'>, { limit }: { limit: number }) {
  const first = { ...input, limit } as Input<C>;
  return infiniteQueryOptions({
    queryKey: [channel, first] as ChannelKey<C>,
    queryFn: ({ pageParam, signal }) => call(channel, { ...first, cursor: pageParam } as Input<C>, signal),
    initialPageParam: null as Cursor | null,
    getNextPageParam: (last: Output<C>) => nextCursor(last as { rows: unknown[]; next_cursor: Cursor | null }),
  });
}

/** Marks every query of `targets` stale and refetches the ones on screen; no target means all. */
export function invalidate(qc: QueryClient, ...targets: QueryTarget[]): Promise<void> {
  return qc.invalidateQueries({ predicate: (q) => keyMatches(q.queryKey, targets) });
}

/** Drops the loaded pages of `targets` and starts again from the first page. */
export function reset(qc: QueryClient, ...targets: QueryTarget[]): Promise<void> {
  return qc.resetQueries({ predicate: (q) => keyMatches(q.queryKey, targets) });
}

/**
 * A write on one channel that refreshes what it changed ('all': everything, as when the active
 * profile changes). The mutation settles only once the invalidated queries have refetched, so
 * the screen never shows the old data after "saved".
 */
export function useChannelMutation<C extends Channel>(channel: C, { invalidates = [] }: { invalidates?: QueryTarget[] | 'all' | 'reset' } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<C>) => call(channel, input),
    onSettled: () =>
      // 'reset': another database now answers — drop every loaded row and count, never show them under it.
      invalidates === 'reset' ? reset(qc) : invalidates === 'all' ? invalidate(qc) : invalidates.length ? invalidate(qc, ...invalidates) : undefined,
  });
}
