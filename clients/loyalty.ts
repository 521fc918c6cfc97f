// The loyalty vendor's JSON API (legacy-systems.md §4): OAuth2 client credentials, a 20
// requests/second limit answered with 429 + Retry-After, and 401 once a token has expired.
import type { AxiosInstance, AxiosRequestConfig, AxiosResponse } from 'axios';
import { LegacyUnavailableError } from '../errors';
import type { LoyaltyMember, LoyaltyOffer, LoyaltyTxn } from '../legacy/model';
import { inParallelChunks } from './chunks';
import { systemClock, type Clock } from './clock';
import { createHttpClient, failureForStatus } from './http';
import { nullIfNotFound } from './not-found';
import { RateLimiter } from './rate-limiter';
import { TokenCache, type IssuedToken } from './token-cache';

const MAX_CARDS_PER_BATCH = 100;
const REQUESTS_PER_SECOND = 20;
const MAX_RATE_LIMITED_RETRIES = 2;
const DEFAULT_RETRY_AFTER_S = 1;
// A caller waits on the answer: beyond this, waiting for the vendor is worse than failing.
const MAX_RETRY_AFTER_MS = 5_000;

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
  private readonly http: AxiosInstance;
  private readonly limiter: RateLimiter;
  private readonly tokens: TokenCache;

  constructor(
    baseUrl: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
    timeoutMs: number,
    private readonly clock: Clock = systemClock,
  ) {
    this.http = createHttpClient({ system: 'loyalty', baseUrl, timeoutMs });
    this.limiter = new RateLimiter(REQUESTS_PER_SECOND, 1000, clock);
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
      const { members } = await this.send<{ members: LoyaltyMember[] }>({ method: 'POST', url: '/v1/members:batchGet', data });
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

  /** One authorised call: retried once with a new token after a 401, and after a 429 when told to. */
  private async send<T>(request: AxiosRequestConfig): Promise<T> {
    let renewedToken = false;
    let rateLimitedRetries = 0;
    for (;;) {
      const token = await this.tokens.get();
      const response = await this.limited({
        ...request,
        headers: { Authorization: `Bearer ${token}` },
        // Handled here rather than turned into errors: both can be retried.
        validateStatus: (status) => status < 400 || status === 401 || status === 429,
      });
      if (response.status === 401 && !renewedToken) {
        this.tokens.invalidate(token);
        renewedToken = true;
        continue;
      }
      if (response.status === 429 && rateLimitedRetries < MAX_RATE_LIMITED_RETRIES) {
        const waitMs = retryAfterMs(response.headers['retry-after'], this.clock.now());
        if (waitMs <= MAX_RETRY_AFTER_MS) {
          rateLimitedRetries += 1;
          await this.clock.sleep(waitMs);
          continue;
        }
      }
      if (response.status >= 400) throw failureForStatus('loyalty', response);
      return response.data as T;
    }
  }

  private async issueToken(): Promise<IssuedToken> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.clientId,
      client_secret: this.clientSecret,
    });
    const { data } = await this.limited<{ access_token?: unknown; expires_in?: unknown }>({
      method: 'POST',
      url: '/oauth/token',
      data: form,
    });
    if (typeof data.access_token !== 'string' || typeof data.expires_in !== 'number') {
      throw new LegacyUnavailableError('loyalty', 'POST /oauth/token: no token in the answer');
    }
    return { accessToken: data.access_token, expiresInS: data.expires_in };
  }

  private async limited<T>(request: AxiosRequestConfig): Promise<AxiosResponse<T>> {
    await this.limiter.acquire();
    return this.http.request<T>(request);
  }
}

/** Retry-After is seconds or an HTTP date; without a usable one, a second. */
function retryAfterMs(header: unknown, now: number): number {
  const text = typeof header === 'string' ? header.trim() : '';
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_S * 1000 : Math.max(0, date - now);
}
