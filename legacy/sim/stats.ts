export interface SimStats {
  total: number;
  /** "GET /pos/stores/:code/stock": count */
  byRoute: Record<string, number>;
  /** calls counted one by one inside a request (CRM JSON-RPC batches) */
  byMethod?: Record<string, number>;
}

/** Business requests served since the last reset. Maps, not objects: keys come from clients. */
export class Stats {
  private total = 0;
  private readonly byRoute = new Map<string, number>();
  private readonly byMethod = new Map<string, number>();

  constructor(private readonly countsMethods: boolean) {}

  hit(route: string, methods: string[] = []): void {
    this.total += 1;
    bump(this.byRoute, route);
    for (const method of methods) bump(this.byMethod, method);
  }

  reset(): void {
    this.total = 0;
    this.byRoute.clear();
    this.byMethod.clear();
  }

  snapshot(): SimStats {
    const byRoute = Object.fromEntries(this.byRoute);
    if (!this.countsMethods) return { total: this.total, byRoute };
    return { total: this.total, byRoute, byMethod: Object.fromEntries(this.byMethod) };
  }
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
