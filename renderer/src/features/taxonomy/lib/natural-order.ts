// Names in natural order (1, 2, 10, 11; case and accents aside), as the database orders tags
// (private.natural_sort_key).
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export const compareNames = (a: string, b: string): number => collator.compare(a, b);
