// A time limit on work that has no signal of its own to abort (an in-process call, a pool's query).
// The timer is cleared as soon as the work settles: one left running would keep the process up
// and pile up with every call.

/** What `work` settles with, or what `late()` answers once `ms` pass first. */
export async function raceTimer<T, L>(work: Promise<T>, ms: number, late: () => L): Promise<T | L> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<L>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(late());
      } catch (err) {
        reject(err);
      }
    }, ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** What `work` settles with, or `late()` thrown once `ms` pass first. */
export function withDeadline<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  return raceTimer(work, ms, (): never => {
    throw late();
  });
}

/** Whether `work` settled (either way) within `ms`: a wait that then goes on without it. */
export function settledWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  return raceTimer(
    work.then(
      () => true,
      () => true,
    ),
    ms,
    () => false,
  );
}
