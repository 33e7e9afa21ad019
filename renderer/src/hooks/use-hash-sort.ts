import { useMemo } from 'react';
import { useHashParams } from '@/lib/use-hash-route';
import { sortForColumn, sortFromParam, sortToParam, type SortOption } from '@/lib/table-sort';

export type HashSort<V extends string = string> = {
  value: V;
  options: readonly SortOption<V>[];
  /** For TanStack Table's `state.sorting`. */
  sorting: { id: string; desc: boolean }[];
  set: (value: V) => void;
  /** A header asked to sort by `column`. */
  setColumn: (column: string, desc: boolean) => void;
};

/** A server-side sort kept in the URL hash (`?sort=`), the first option being the default. */
export function useHashSort<V extends string>(options: readonly [SortOption<V>, ...SortOption<V>[]], param = 'sort'): HashSort<V> {
  const [params, setParams] = useHashParams();
  const raw = params.get(param);
  return useMemo(() => {
    const current = sortFromParam(options, raw);
    const set = (value: V) => setParams({ [param]: sortToParam(options, value) });
    return {
      value: current.value,
      options,
      sorting: [{ id: current.column, desc: current.desc }],
      set,
      setColumn: (column, desc) => {
        const next = sortForColumn(options, column, desc);
        if (next) set(next.value);
      },
    };
  }, [options, raw, param, setParams]);
}
