// The loyalty vendor's JSON API (legacy-systems.md §4): OAuth2 client credentials, a 20
// requests/second limit answered with 429 + Retry-After (waited out by the guard, as every
// system's retries are), and 401 once a token has expired.
import type { AxiosRequestConfig } from 'axios';
import { LegacyUnavailableError } from '../../platform/errors';
import type { LoyaltyMember, LoyaltyOffer, LoyaltyTxn } from './wire';
import { inParallelChunks } from '../transport/chunks';
import { systemClock, type Clock } from '../transport/clock';
import { createHttpClient, failureForStatus, type LegacyHttp } from '../transport/http';
import { nullIfNotFound } from '../transport/not-found';
import { RateLimiter } from './rate-limiter';
import type { LegacyGuard } from '../transport/resilience';
import { TokenCache, type IssuedToken } from './token-cache';

const MAX_CARDS_PER_BATCH = 100;
const REQUESTS_PER_SECOND = 20;

export type LoyaltyMemberQuery = { email: string } | { phone: string };

/** The transactions API leaves out the card the transactions were asked for. */
export type LoyaltyTxnRecord = Omit<LoyaltyTxn, 'card_number'>;

export interface NewLoyaltyTxn {
  type: LoyaltyTxn['type'];
  points: number;
  channel: LoyaltyTxn['channel'];
  external_ref: string | null;
}

export class LoyaltyClient {
  private readonly http: LegacyHttp;
  private readonly limiter: RateLimiter;
  private readonly tokens: TokenCache;

  constructor(
    baseUrl: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
    timeoutMs: number,
    clock: Clock = systemClock,
    guard?: LegacyGuard,
  ) {
    this.limiter = new RateLimiter(REQUESTS_PER_SECOND, 1000, clock);
    this.http = createHttpClient({ system: 'loyalty', baseUrl, timeoutMs, pace: () => this.limiter.acquire(), guard });
    this.tokens = new TokenCache(() => this.issueToken(), clock);
  }

  getMember(card: string): Promise<LoyaltyMember | null> {
    return nullIfNotFound(this.send({ method: 'GET', url: `/v1/members/${encodeURIComponent(card)}` }));
  }

  /** `phone` in E.164. */
  async findMembers(query: LoyaltyMemberQuery): Promise<LoyaltyMember[]> {
    const { members } = await this.send<{ members: LoyaltyMember[] }>({ method: 'GET', url: '/v1/members', params: query });
    return members;
  }

  /** Unknown cards are left out. */
  batchGetMembers(cards: readonly string[]): Promise<LoyaltyMember[]> {
    return inParallelChunks([...new Set(cards)], MAX_CARDS_PER_BATCH, async (chunk) => {
      const data = { cards: chunk };
      const request = { method: 'POST', url: '/v1/members:batchGet', data, retry: true } as const; // a read
      const { members } = await this.send<{ members: LoyaltyMember[] }>(request);
      return members;
    });
  }

  /** Newest first. */
  async listTransactions(card: string, limit: number): Promise<LoyaltyTxnRecord[]> {
    const url = `/v1/members/${encodeURIComponent(card)}/transactions`;
    const { transactions } = await this.send<{ transactions: LoyaltyTxnRecord[] }>({ method: 'GET', url, params: { limit } });
    return transactions;
  }

  /** Rejected with `duplicate_external_ref` (409) or `insufficient_points` (422). */
  createTransaction(card: string, txn: NewLoyaltyTxn): Promise<LoyaltyTxnRecord> {
    return this.send({ method: 'POST', url: `/v1/members/${encodeURIComponent(card)}/transactions`, data: txn });
  }

  async listOffers(tier: LoyaltyMember['tier']): Promise<LoyaltyOffer[]> {
    const { offers } = await this.send<{ offers: LoyaltyOffer[] }>({ method: 'GET', url: '/v1/offers', params: { tier } });
    return offers;
  }

  /** One authorised call, retried once with a new token after a 401. */
  private async send<T>(request: AxiosRequestConfig): Promise<T> {
    for (let renewedToken = false; ; renewedToken = true) {
      const token = await this.tokens.get();
      const response = await this.http.request<T>({
        ...request,
        headers: { Authorization: `Bearer ${token}` },
        // Handled here rather than turned into an error: it can be retried.
        validateStatus: (status) => status < 400 || status === 401,
      });
      if (response.status === 401 && !renewedToken) {
        this.tokens.invalidate(token);
        continue;
      }
      if (response.status >= 400) throw failureForStatus('loyalty', response);
      return response.data;
    }
  }

  private async issueToken(): Promise<IssuedToken> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.clientId,
      client_secret: this.clientSecret,
    });
    const { data } = await this.http.request<{ access_token?: unknown; expires_in?: unknown }>({
      method: 'POST',
      url: '/oauth/token',
      data: form,
      retry: true, // a token more changes nothing
    });
    if (typeof data.access_token !== 'string' || typeof data.expires_in !== 'number') {
      throw new LegacyUnavailableError('loyalty', 'POST /oauth/token: no token in the answer');
    }
    return { accessToken: data.access_token, expiresInS: data.expires_in };
  }
}
