// The legacy APIs cap how many keys one request may carry; bigger asks are split and sent at once.

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Sends one request per chunk, in parallel, and concatenates the answers in chunk order. */
export async function inParallelChunks<T, R>(items: readonly T[], size: number, send: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const answers = await Promise.all(chunk(items, size).map(send));
  return answers.flat();
}
