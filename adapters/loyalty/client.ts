// The loyalty vendor's JSON API (legacy-systems.md §4): OAuth2 client credentials, a 20
// requests/second limit answered with 429 + Retry-After (waited out by the guard, as every
// system's retries are), and 401 once a token has expired.
import type { AxiosRequestConfig } from 'axios';
import type { z } from 'zod';
import {
  loyaltyMember,
  loyaltyMembers,
  loyaltyOffers,
  loyaltyToken,
  loyaltyTransactions,
  loyaltyTxnRecord,
  type LoyaltyMember,
  type LoyaltyTierOffer,
  type LoyaltyTxn,
} from './wire';
import { readAnswer } from '../transport/answers';
import { inParallelChunks } from '../transport/chunks';
import { systemClock, type Clock } from '../transport/clock';
import { createHttpClient, failureForStatus, type LegacyHttp } from '../transport/http';
import { nullIfNotFound } from '../transport/not-found';
import { RateLimiter } from './rate-limiter';
import type { LegacyGuard } from '../transport/resilience';
import { route, type Route } from '../transport/routes';
import { TokenCache, type IssuedToken } from './token-cache';

const MAX_CARDS_PER_BATCH = 100;
const REQUESTS_PER_SECOND = 20;
/** a 401 with a token that may have expired: asked again with a new one */
const TOKEN_REFUSED = Symbol('token refused');

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
    private readonly guard?: LegacyGuard,
  ) {
    this.limiter = new RateLimiter(REQUESTS_PER_SECOND, 1000, clock);
    this.http = createHttpClient({ system: 'loyalty', baseUrl, timeoutMs, pace: () => this.limiter.acquire(), guard });
    this.tokens = new TokenCache(() => this.issueToken(), clock);
  }

  /** 0 when a call now would go at once; else how long, at least, the platform's rate would hold it back. */
  delayMs(): number {
    return this.limiter.delayMs();
  }

  getMember(card: string): Promise<LoyaltyMember | null> {
    return nullIfNotFound(this.send(loyaltyMember, 'GET', route`/v1/members/${card}`));
  }

  /** `phone` in E.164. */
  async findMembers(query: LoyaltyMemberQuery): Promise<LoyaltyMember[]> {
    const { members } = await this.send(loyaltyMembers, 'GET', route`/v1/members`, { params: query });
    return members;
  }

  /** Unknown cards are left out. */
  batchGetMembers(cards: readonly string[]): Promise<LoyaltyMember[]> {
    return inParallelChunks([...new Set(cards)], MAX_CARDS_PER_BATCH, async (chunk) => {
      const request = { data: { cards: chunk }, retry: true }; // a read
      const { members } = await this.send(loyaltyMembers, 'POST', route`/v1/members:batchGet`, request);
      return members;
    });
  }

  /** Newest first. */
  async listTransactions(card: string, limit: number): Promise<LoyaltyTxnRecord[]> {
    const url = route`/v1/members/${card}/transactions`;
    const { transactions } = await this.send(loyaltyTransactions, 'GET', url, { params: { limit } });
    return transactions;
  }

  /** Rejected with `duplicate_external_ref` (409) or `insufficient_points` (422). */
  createTransaction(card: string, txn: NewLoyaltyTxn): Promise<LoyaltyTxnRecord> {
    return this.send(loyaltyTxnRecord, 'POST', route`/v1/members/${card}/transactions`, { data: txn });
  }

  async listOffers(tier: LoyaltyMember['tier']): Promise<LoyaltyTierOffer[]> {
    const { offers } = await this.send(loyaltyOffers, 'GET', route`/v1/offers`, { params: { tier } });
    return offers;
  }

  /** One authorised call, retried once with a new token after a 401. */
  private async send<S extends z.ZodTypeAny>(
    answer: S,
    method: 'GET' | 'POST',
    { path, name }: Route,
    request: AxiosRequestConfig = {},
  ): Promise<z.output<S>> {
    for (let renewedToken = false; ; renewedToken = true) {
      const token = await this.tokens.get();
      const answered = await this.http.request(
        {
          ...request,
          method,
          url: path,
          route: name,
          headers: { Authorization: `Bearer ${token}` },
          // Handled here rather than turned into an error: it can be retried.
          validateStatus: (status) => status < 400 || status === 401,
        },
        (response) => {
          if (response.status === 401 && !renewedToken) return TOKEN_REFUSED;
          if (response.status >= 400) throw failureForStatus('loyalty', response);
          return this.read(answer, `${method} ${name}`, response.data);
        },
      );
      if (answered !== TOKEN_REFUSED) return answered;
      this.tokens.invalidate(token);
    }
  }

  private async issueToken(): Promise<IssuedToken> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.clientId,
      client_secret: this.clientSecret,
    });
    const token = await this.http.request(
      {
        method: 'POST',
        url: '/oauth/token',
        route: '/oauth/token',
        data: form,
        retry: true, // a token more changes nothing
      },
      ({ data }) => this.read(loyaltyToken, 'POST /oauth/token', data),
    );
    return { accessToken: token.access_token, expiresInS: token.expires_in };
  }

  private read<S extends z.ZodTypeAny>(answer: S, route: string, data: unknown): z.output<S> {
    return readAnswer(answer, data, { system: 'loyalty', route, guard: this.guard });
  }
}
