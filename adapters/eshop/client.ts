// The e-shop's JSON API (legacy-systems.md §1), as it is: legacy shapes in, legacy shapes out.
import type { EshopAccount, EshopEvent, EshopOrder, EshopProduct, EshopPromo, EshopShipping } from './wire';
import { inParallelChunks } from '../transport/chunks';
import { createHttpClient, type LegacyHttp } from '../transport/http';
import { nullIfNotFound } from '../transport/not-found';
import type { LegacyGuard } from '../transport/resilience';

const MAX_SKUS_PER_REQUEST = 100;

export interface EshopPage<T> {
  data: T[];
  meta: { page: number; per_page: number; total: number };
}

export interface NewWebOrder {
  account_id: string;
  lines: { sku: string; qty: number; unit_price: string }[];
  promo_codes: string[];
  discount: string;
  total: string;
  shipping: EshopShipping;
  origin: 'web' | 'phone';
}

export interface NewWebReturn {
  lines: { sku: string; qty: number }[];
  where: 'store' | 'post';
  store_code?: string; // "042", for a return in store
}

export interface WebReturnReceipt {
  return_id: string;
  refund: string;
}

/** The events API leaves out the account the events were asked for. */
export type EshopAccountEvent = Omit<EshopEvent, 'account_id'>;

export class EshopClient {
  private readonly http: LegacyHttp;

  constructor(baseUrl: string, apiKey: string, timeoutMs: number, guard?: LegacyGuard) {
    this.http = createHttpClient({ system: 'eshop', baseUrl, timeoutMs, headers: { 'X-Api-Key': apiKey }, guard });
  }

  listProducts(page: number, perPage: number): Promise<EshopPage<EshopProduct>> {
    return this.get('/api/v2/products', { page, per_page: perPage });
  }

  /** Unknown SKUs are left out, as the e-shop does. */
  getProductsBySkus(skus: readonly string[]): Promise<EshopProduct[]> {
    return inParallelChunks([...new Set(skus)], MAX_SKUS_PER_REQUEST, async (chunk) => {
      const { data } = await this.get<{ data: EshopProduct[] }>('/api/v2/products', { skus: chunk.join(',') });
      return data;
    });
  }

  getProduct(sku: string): Promise<EshopProduct | null> {
    return nullIfNotFound(this.get(`/api/v2/products/${encodeURIComponent(sku)}`));
  }

  /** The e-shop matches the lower-cased email exactly. */
  async findAccountsByEmail(email: string): Promise<EshopAccount[]> {
    const { data } = await this.get<{ data: EshopAccount[] }>('/api/v2/customers', { email });
    return data;
  }

  getAccount(accountId: string): Promise<EshopAccount | null> {
    return nullIfNotFound(this.get(`/api/v2/customers/${encodeURIComponent(accountId)}`));
  }

  /** Newest first. */
  listOrders(accountId: string, page: number, perPage: number): Promise<EshopPage<EshopOrder>> {
    return this.get(`/api/v2/customers/${encodeURIComponent(accountId)}/orders`, { page, per_page: perPage });
  }

  getOrder(orderId: string): Promise<EshopOrder | null> {
    return nullIfNotFound(this.get(`/api/v2/orders/${encodeURIComponent(orderId)}`));
  }

  /** Not idempotent: the same body posted twice makes two orders. Callers must deduplicate. */
  createOrder(order: NewWebOrder): Promise<EshopOrder> {
    return this.post('/api/v2/orders', order);
  }

  /** Rejected with `invalid_state` once the order is shipped or collected. */
  cancelOrder(orderId: string): Promise<EshopOrder> {
    return this.post(`/api/v2/orders/${encodeURIComponent(orderId)}/cancel`);
  }

  createReturn(orderId: string, request: NewWebReturn): Promise<WebReturnReceipt> {
    return this.post(`/api/v2/orders/${encodeURIComponent(orderId)}/returns`, request);
  }

  async listPromotions(): Promise<EshopPromo[]> {
    const { data } = await this.get<{ data: EshopPromo[] }>('/api/v2/promotions');
    return data;
  }

  /** Oldest first. */
  async listEvents(accountId: string, sinceIso: string): Promise<EshopAccountEvent[]> {
    const path = `/api/v2/customers/${encodeURIComponent(accountId)}/events`;
    const { data } = await this.get<{ data: EshopAccountEvent[] }>(path, { since: sinceIso });
    return data;
  }

  private async get<T>(path: string, params?: Record<string, string | number>): Promise<T> {
    return (await this.http.get<T>(path, { params })).data;
  }

  private async post<T>(path: string, body?: unknown): Promise<T> {
    return (await this.http.post<T>(path, body)).data;
  }
}
