// A time limit on work that has no signal of its own to abort (an in-process call, a pool's query).
// The timer is cleared as soon as the work settles: one left running would keep the process up
// and pile up with every call.

/** What `work` settles with, or `late()` thrown once `ms` pass first. */
export async function withDeadline<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
