// A server-sorted table's sort as one URL value (?sort=newest): each option names the column
// and direction it means; the first option is the default and is left out of the URL. Pure, so
// it is unit-tested on its own.

export type SortOption<V extends string = string> = { value: V; column: string; desc: boolean };

/** The option the URL names, or the default when the value is absent or unknown. */
export function sortFromParam<V extends string>(options: readonly [SortOption<V>, ...SortOption<V>[]], raw: string | null): SortOption<V> {
  return options.find((o) => o.value === raw) ?? options[0];
}

/** The URL value for an option: null (no parameter) for the default. */
export function sortToParam<V extends string>(options: readonly [SortOption<V>, ...SortOption<V>[]], value: V): string | null {
  return value === options[0].value || !options.some((o) => o.value === value) ? null : value;
}

/**
 * The option a header click asks for: that column in that direction, or else the column's one
 * option (a column the server sorts one way only keeps that way).
 */
export function sortForColumn<V extends string>(options: readonly SortOption<V>[], column: string, desc: boolean): SortOption<V> | null {
  return options.find((o) => o.column === column && o.desc === desc) ?? options.find((o) => o.column === column) ?? null;
}
