// Legacy ids numbered in sequence (e-shop accounts and orders, CRM contacts) can be read one by one until the
// numbers run out. Numbers may be skipped (an order written and deleted, a number burnt by a
// failed write), so the end is a run of missing numbers rather than the first one.

/**
 * Probes first, first + 1, ... in parallel batches of `maxGap` until `maxGap` numbers in a row are
 * missing, handing each batch's finds to `save` in number order with the last number found
 * (first − 1 before any). Returns the last number found.
 */
export function probeUntilGap<T>(
  first: number,
  maxGap: number,
  probe: (n: number) => Promise<T | null>,
  save: (found: T[], lastFound: number) => Promise<void> | void,
): Promise<number> {
  return probeBatchesUntilGap(first, maxGap, (numbers) => Promise.all(numbers.map(probe)), save);
}

/** The same, for a system that answers a batch of numbers in one call (answers in the numbers' order). */
export async function probeBatchesUntilGap<T>(
  first: number,
  maxGap: number,
  probeMany: (numbers: number[]) => Promise<(T | null)[]>,
  save: (found: T[], lastFound: number) => Promise<void> | void,
): Promise<number> {
  let lastFound = first - 1;
  for (let next = first; next - 1 - lastFound < maxGap; next += maxGap) {
    const numbers = Array.from({ length: maxGap }, (_, i) => next + i);
    const answers = await probeMany(numbers);
    const found: T[] = [];
    answers.forEach((answer, i) => {
      if (answer === null) return;
      found.push(answer);
      lastFound = numbers[i];
    });
    await save(found, lastFound);
  }
  return lastFound;
}
