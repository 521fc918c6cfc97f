// The e-shop's JSON API (legacy-systems.md §1), as it is: legacy shapes in, legacy shapes out.
import type { z } from 'zod';
import {
  eshopAccount,
  eshopAccountEvent,
  eshopList,
  eshopOrder,
  eshopPage,
  eshopProduct,
  eshopPromo,
  eshopReturnReceipt,
  type EshopAccount,
  type EshopEvent,
  type EshopOrder,
  type EshopPage,
  type EshopProduct,
  type EshopPromo,
  type EshopShipping,
} from './wire';
import { readAnswer } from '../transport/answers';
import { inParallelChunks } from '../transport/chunks';
import { createHttpClient, type LegacyHttp } from '../transport/http';
import { nullIfNotFound } from '../transport/not-found';
import type { LegacyGuard } from '../transport/resilience';
import { route, type Route } from '../transport/routes';

// The list answers' schemas, built once: zod compiles a schema the first time it reads with it.
const ANSWERS = {
  productPage: eshopPage(eshopProduct),
  products: eshopList(eshopProduct),
  accounts: eshopList(eshopAccount),
  orderPage: eshopPage(eshopOrder),
  promotions: eshopList(eshopPromo),
  events: eshopList(eshopAccountEvent),
};

const MAX_SKUS_PER_REQUEST = 100;

export type { EshopPage };

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

export type WebReturnReceipt = z.infer<typeof eshopReturnReceipt>;

/** The events API leaves out the account the events were asked for. */
export type EshopAccountEvent = Omit<EshopEvent, 'account_id'>;

export class EshopClient {
  private readonly http: LegacyHttp;

  constructor(
    baseUrl: string,
    apiKey: string,
    timeoutMs: number,
    private readonly guard?: LegacyGuard,
  ) {
    this.http = createHttpClient({ system: 'eshop', baseUrl, timeoutMs, headers: { 'X-Api-Key': apiKey }, guard });
  }

  listProducts(page: number, perPage: number): Promise<EshopPage<EshopProduct>> {
    return this.get(ANSWERS.productPage, route`/api/v2/products`, { page, per_page: perPage });
  }

  /** Unknown SKUs are left out, as the e-shop does. */
  getProductsBySkus(skus: readonly string[]): Promise<EshopProduct[]> {
    return inParallelChunks([...new Set(skus)], MAX_SKUS_PER_REQUEST, async (chunk) => {
      const { data } = await this.get(ANSWERS.products, route`/api/v2/products`, { skus: chunk.join(',') });
      return data;
    });
  }

  getProduct(sku: string): Promise<EshopProduct | null> {
    return nullIfNotFound(this.get(eshopProduct, route`/api/v2/products/${sku}`));
  }

  /** The e-shop matches the lower-cased email exactly. */
  async findAccountsByEmail(email: string): Promise<EshopAccount[]> {
    const { data } = await this.get(ANSWERS.accounts, route`/api/v2/customers`, { email });
    return data;
  }

  getAccount(accountId: string): Promise<EshopAccount | null> {
    return nullIfNotFound(this.get(eshopAccount, route`/api/v2/customers/${accountId}`));
  }

  /** Newest first. */
  listOrders(accountId: string, page: number, perPage: number): Promise<EshopPage<EshopOrder>> {
    return this.get(ANSWERS.orderPage, route`/api/v2/customers/${accountId}/orders`, { page, per_page: perPage });
  }

  getOrder(orderId: string): Promise<EshopOrder | null> {
    return nullIfNotFound(this.get(eshopOrder, route`/api/v2/orders/${orderId}`));
  }

  /** Not idempotent: the same body posted twice makes two orders. Callers must deduplicate. */
  createOrder(order: NewWebOrder): Promise<EshopOrder> {
    return this.post(eshopOrder, route`/api/v2/orders`, order);
  }

  /** Rejected with `invalid_state` once the order is shipped or collected. */
  cancelOrder(orderId: string): Promise<EshopOrder> {
    return this.post(eshopOrder, route`/api/v2/orders/${orderId}/cancel`);
  }

  createReturn(orderId: string, request: NewWebReturn): Promise<WebReturnReceipt> {
    return this.post(eshopReturnReceipt, route`/api/v2/orders/${orderId}/returns`, request);
  }

  async listPromotions(): Promise<EshopPromo[]> {
    const { data } = await this.get(ANSWERS.promotions, route`/api/v2/promotions`);
    return data;
  }

  /** Oldest first. */
  async listEvents(accountId: string, sinceIso: string): Promise<EshopAccountEvent[]> {
    const events = route`/api/v2/customers/${accountId}/events`;
    const { data } = await this.get(ANSWERS.events, events, { since: sinceIso });
    return data;
  }

  private get<S extends z.ZodTypeAny>(answer: S, { path, name }: Route, params?: Record<string, string | number>): Promise<z.output<S>> {
    return this.http.get(path, { params, route: name }, ({ data }) => this.read(answer, `GET ${name}`, data));
  }

  private post<S extends z.ZodTypeAny>(answer: S, { path, name }: Route, body?: unknown): Promise<z.output<S>> {
    return this.http.post(path, body, { route: name }, ({ data }) => this.read(answer, `POST ${name}`, data));
  }

  private read<S extends z.ZodTypeAny>(answer: S, route: string, data: unknown): z.output<S> {
    return readAnswer(answer, data, { system: 'eshop', route, guard: this.guard });
  }
}
