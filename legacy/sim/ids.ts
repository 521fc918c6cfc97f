/**
 * Hands out ids that follow the ones already in the data: a prefix and a zero-padded number,
 * numbered on from the highest id that has the same prefix ("W-2026-" after "W-2026-000123").
 */
export class IdSequence {
  private readonly highest = new Map<string, number>();

  constructor(ids: Iterable<string>) {
    for (const id of ids) {
      const match = /^(.*?)(\d+)$/.exec(id);
      if (match) this.highest.set(match[1], Math.max(this.highest.get(match[1]) ?? 0, Number(match[2])));
    }
  }

  next(prefix: string, width: number): string {
    const n = (this.highest.get(prefix) ?? 0) + 1;
    this.highest.set(prefix, n);
    return prefix + String(n).padStart(width, '0');
  }
}
