// `EmbeddedDatabase.db`: PGlite's API, as far as test harnesses and benchmarks use it (the
// pglite-socket wire-protocol server, the PostgREST test double), forwarded to the PGlite that
// runs on the workspace's worker thread. Anything else fails by name rather than silently.
import type { PGlite, Results, Transaction } from '@electric-sql/pglite';
import type { EmbeddedChannel } from './embedded-database';
import type { QueryAnswer } from './embedded-worker';
import { Mutex, type SqlParam } from './sql-connection';

const results = (a: QueryAnswer): Results => ({ ...a }) as Results;

export function pgliteEscapeHatch(channel: EmbeddedChannel, closed: () => boolean): PGlite {
  const exclusive = new Mutex();
  const route = { tx: null };
  const forwarded = {
    waitReady: Promise.resolve(),
    get closed() {
      return closed();
    },
    query: async (text: string, params: SqlParam[] = []) => results(await channel.query(text, params, route)),
    exec: async (sql: string) => (await channel.exec(sql, route)).map(results),
    transaction: <T>(fn: (tx: Transaction) => Promise<T>) =>
      channel.transaction((txRoute) => {
        const tx = {
          query: async (text: string, params: SqlParam[] = []) => results(await channel.query(text, params, txRoute)),
          exec: async (sql: string) => (await channel.exec(sql, txRoute)).map(results),
        };
        return fn(tx as unknown as Transaction);
      }),
    isInTransaction: () => channel.inTransaction,
    runExclusive: <T>(fn: () => Promise<T>) => exclusive.run(fn),
    execProtocolRawStream: async (message: Uint8Array, options: { onRawData?: (data: Uint8Array) => void } = {}) => {
      const data = await channel.send<Uint8Array>({ op: 'protocol', message });
      if (data.length) options.onRawData?.(data);
    },
  };
  return new Proxy(forwarded, {
    get(target, key, receiver) {
      if (key in target || typeof key === 'symbol' || key === 'then') return Reflect.get(target, key, receiver);
      throw new Error(
        `EmbeddedDatabase.db.${key} is not available: PGlite runs on the workspace's worker thread (embedded-escape-hatch.ts forwards what tests use).`,
      );
    },
  }) as unknown as PGlite;
}
