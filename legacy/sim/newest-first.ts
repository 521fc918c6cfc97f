/**
 * Newest first, as the legacy lists are. Records booked within one tick of the clock share a
 * timestamp; their ids are numbered in booking order, so the id settles the tie.
 */
export function newestFirst<T extends { id: string }>(when: (record: T) => string | number): (a: T, b: T) => number {
  return (a, b) => {
    const [wa, wb] = [when(a), when(b)];
    return (wa < wb ? 1 : wa > wb ? -1 : 0) || b.id.localeCompare(a.id);
  };
}
