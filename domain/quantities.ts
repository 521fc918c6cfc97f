/** Units per product, summed over lines: a product may stand on several lines (two unit prices, several returns). */
export function sumBy(pairs: [string, number][]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const [k, n] of pairs) sums.set(k, (sums.get(k) ?? 0) + n);
  return sums;
}
