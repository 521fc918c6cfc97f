// An OAuth2 access token, fetched once and shared: renewed a margin before it expires, and
// fetched by a single request however many callers need it at the same moment.
import { systemClock, type Clock } from '../transport/clock';

export interface IssuedToken {
  accessToken: string;
  expiresInS: number;
}

const RENEWAL_MARGIN_MS = 30_000;

export class TokenCache {
  private current: { value: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    private readonly clock: Clock = systemClock,
  ) {}

  get(): Promise<string> {
    if (this.current && this.clock.now() < this.current.expiresAt) return Promise.resolve(this.current.value);
    this.pending ??= this.renew().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forgets a token the server refused, unless another caller has already replaced it. */
  invalidate(value: string): void {
    if (this.current?.value === value) this.current = undefined;
  }

  private async renew(): Promise<string> {
    const requestedAt = this.clock.now(); // the lifetime runs from the request, not the answer
    const { accessToken, expiresInS } = await this.issue();
    const lifetimeMs = expiresInS * 1000;
    // A token shorter-lived than twice the margin is used for half its life instead.
    const expiresAt = requestedAt + lifetimeMs - Math.min(RENEWAL_MARGIN_MS, lifetimeMs / 2);
    this.current = { value: accessToken, expiresAt };
    return accessToken;
  }
}
