// The e-shop: JSON over HTTP behind an X-Api-Key; it stores the orders it is given and checks nothing.
import express from 'express';
import { z } from 'zod';
import type { EshopAccount, EshopOrder, EshopReturn } from '../adapters/eshop/wire';
import type { EshopData } from './model';
import { BODY_LIMIT, created, jsonRoute, ok, queryParam, sendJsonError } from './sim/http';
import { IdSequence } from './sim/ids';
import { addTo, groupBy, indexBy } from './sim/indexes';
import { newestFirst } from './sim/newest-first';
import { pristineCopies } from './sim/pristine';
import { badRequest, notFound, Rejection } from './sim/rejection';
import type { SimSystem } from './sim/types';
import { validate } from './sim/validate';

export const DEFAULT_ESHOP_API_KEY = 'sim-eshop-key';
const MAX_PER_PAGE = 100;
const MAX_SKUS = 100;
/** Orders in these states can no longer be cancelled. */
const FINAL_STATES = new Set<EshopOrder['status']>(['shipped', 'collected', 'returned', 'cancelled']);

const invalidState = (order: EshopOrder) => new Rejection(409, 'invalid_state', `order ${order.id} is ${order.status}`);

const paging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  per_page: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(20),
});
const money = z.string().regex(/^-?\d+(\.\d{1,2})?$/);
const newOrder = z.object({
  account_id: z.string().min(1),
  lines: z.array(z.object({ sku: z.string().min(1), qty: z.number().int().positive(), unit_price: money })).min(1),
  promo_codes: z.array(z.string()).default([]),
  discount: money.default('0.00'),
  total: money,
  shipping: z.object({
    method: z.enum(['home', 'store_pickup']),
    store_code: z.string().nullable().default(null),
    address: z.object({ street: z.string(), zip: z.string(), city: z.string() }).nullable().default(null),
  }),
  origin: z.enum(['web', 'phone']).default('web'),
});
const newReturn = z.object({
  lines: z.array(z.object({ sku: z.string().min(1), qty: z.number().int().positive() })).min(1),
  where: z.enum(['store', 'post']),
  store_code: z.string().nullable().default(null),
});

const toCents = (amount: string) => Math.round(Number(amount) * 100);
const toAmount = (cents: number) => (cents / 100).toFixed(2);

function pageOf<T>(items: T[], { page, per_page }: z.infer<typeof paging>) {
  return { data: items.slice((page - 1) * per_page, page * per_page), meta: { page, per_page, total: items.length } };
}

class EshopDb {
  private readonly products;
  private readonly accounts;
  private readonly accountsByEmail;
  private readonly orders;
  private readonly ordersByAccount;
  private readonly eventsByAccount;
  private readonly returnsByOrder;
  private readonly ids;

  constructor(readonly data: EshopData) {
    this.products = indexBy(data.products, (p) => p.sku);
    this.accounts = indexBy(data.accounts, (a) => a.id);
    this.accountsByEmail = groupBy(data.accounts, (a) => a.email);
    this.orders = indexBy(data.orders, (o) => o.id);
    this.ordersByAccount = groupBy(data.orders, (o) => o.account_id);
    this.eventsByAccount = groupBy(data.events, (e) => e.account_id);
    this.returnsByOrder = groupBy(data.returns, (r) => r.order_id);
    this.ids = new IdSequence([...data.orders.map((o) => o.id), ...data.returns.map((r) => r.return_id)]);
  }

  product(sku: string) {
    return this.products.get(sku);
  }

  account(id: string): EshopAccount {
    const account = this.accounts.get(id);
    if (!account) throw notFound(`account ${id} not found`);
    return account;
  }

  /** Emails are stored lower-cased; the query is lower-cased too, and otherwise matched exactly (no trimming). */
  accountsWithEmail(email: string) {
    return this.accountsByEmail.get(email.toLowerCase()) ?? [];
  }

  order(id: string): EshopOrder {
    const order = this.orders.get(id);
    if (!order) throw notFound(`order ${id} not found`);
    return order;
  }

  ordersOf(accountId: string) {
    return this.ordersByAccount.get(this.account(accountId).id) ?? [];
  }

  eventsOf(accountId: string) {
    return this.eventsByAccount.get(this.account(accountId).id) ?? [];
  }

  returnsOf(orderId: string) {
    return this.returnsByOrder.get(orderId) ?? [];
  }

  addOrder(order: Omit<EshopOrder, 'id'>, year: number): EshopOrder {
    const added = { id: this.ids.next(`W-${year}-`, 6), ...order };
    this.data.orders.push(added);
    this.orders.set(added.id, added);
    addTo(this.ordersByAccount, added.account_id, added);
    return added;
  }

  addReturn(taken: Omit<EshopReturn, 'return_id'>): EshopReturn {
    const added = { return_id: this.ids.next('R-', 6), ...taken };
    this.data.returns.push(added);
    addTo(this.returnsByOrder, added.order_id, added);
    return added;
  }
}

/** Quantities per SKU, summed over lines. */
function quantities(lines: { sku: string; qty: number }[]): Map<string, number> {
  const bySku = new Map<string, number>();
  for (const line of lines) bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.qty);
  return bySku;
}

const everyUnitBack = (order: EshopOrder, returnedLines: { sku: string; qty: number }[]) => {
  const returned = quantities(returnedLines);
  return [...quantities(order.lines)].every(([sku, qty]) => (returned.get(sku) ?? 0) >= qty);
};

/** a / b in whole cents, a half cent to the even one */
function halfEvenCents(a: number, b: number): number {
  const floor = Math.floor(a / b);
  const rest = 2 * (a - floor * b);
  return rest > b || (rest === b && floor % 2 === 1) ? floor + 1 : floor;
}

/**
 * What was paid for the units returned: each line's units at their unit price, taken in the order of
 * the order's lines, less the order's discount prorated by their value (half to even); the return that
 * brings the last units back takes what is left of the total, so a whole order's refunds add up to it.
 */
function refundOf(order: EshopOrder, before: EshopReturn[], lines: { sku: string; qty: number }[]): number {
  const taken = quantities(before.flatMap((r) => r.lines));
  const subtotal = order.lines.reduce((sum, l) => sum + l.qty * toCents(l.unit_price), 0);
  const discount = toCents(order.discount);
  const refund = lines.reduce((sum, { sku, qty }) => {
    const units = order.lines.filter((l) => l.sku === sku).flatMap((l) => Array<number>(l.qty).fill(toCents(l.unit_price)));
    const from = taken.get(sku) ?? 0;
    taken.set(sku, from + qty);
    const value = units.slice(from, from + qty).reduce((a, b) => a + b, 0);
    return sum + value - (subtotal === 0 ? 0 : halfEvenCents(discount * value, subtotal));
  }, 0);
  const last = everyUnitBack(order, [...before.flatMap((r) => r.lines), ...lines]);
  return last ? toCents(order.total) - before.reduce((sum, r) => sum + toCents(r.refund), 0) : refund;
}

export function eshopSimulator(seed: EshopData, { apiKey = DEFAULT_ESHOP_API_KEY }: { apiKey?: string } = {}): SimSystem {
  const freshCopy = pristineCopies(seed);
  let db = new EshopDb(freshCopy());

  const returnGoods = (order: EshopOrder, input: z.infer<typeof newReturn>): EshopReturn => {
    if (order.status === 'cancelled' || order.status === 'returned') throw invalidState(order);
    const ordered = quantities(order.lines);
    const returned = quantities(db.returnsOf(order.id).flatMap((r) => r.lines));
    for (const [sku, qty] of quantities(input.lines)) {
      if ((returned.get(sku) ?? 0) + qty > (ordered.get(sku) ?? 0)) throw badRequest(`more ${sku} returned than ordered`);
    }
    const refund = refundOf(order, db.returnsOf(order.id), input.lines);
    const added = db.addReturn({
      order_id: order.id,
      lines: input.lines,
      where: input.where,
      store_code: input.store_code,
      refund: toAmount(refund),
    });
    if (
      everyUnitBack(
        order,
        db.returnsOf(order.id).flatMap((r) => r.lines),
      )
    )
      order.status = 'returned';
    return added;
  };

  return {
    parsers: [express.json({ limit: BODY_LIMIT })],
    guard: (req, res, next) => {
      if (req.get('x-api-key') === apiKey) next();
      else sendJsonError(res, 401, 'unauthorized');
    },
    routes: [
      {
        method: 'get',
        path: '/api/v2/products',
        handle: jsonRoute((req) => {
          const skus = queryParam(req, 'skus');
          if (skus === undefined) return ok(pageOf(db.data.products, validate(paging, req.query)));
          const wanted = skus.split(',').filter(Boolean);
          if (wanted.length > MAX_SKUS) throw badRequest(`at most ${MAX_SKUS} skus`);
          return ok({ data: wanted.flatMap((sku) => db.product(sku) ?? []) });
        }),
      },
      {
        method: 'get',
        path: '/api/v2/products/:sku',
        handle: jsonRoute((req) => {
          const product = db.product(String(req.params.sku));
          if (!product) throw notFound(`product ${String(req.params.sku)} not found`);
          return ok(product);
        }),
      },
      {
        method: 'get',
        path: '/api/v2/customers',
        handle: jsonRoute((req) => {
          const email = queryParam(req, 'email');
          if (email === undefined) throw badRequest('email is required');
          return ok({ data: db.accountsWithEmail(email) });
        }),
      },
      {
        method: 'get',
        path: '/api/v2/customers/:accountId',
        handle: jsonRoute((req) => ok(db.account(String(req.params.accountId)))),
      },
      {
        method: 'get',
        path: '/api/v2/customers/:accountId/orders',
        handle: jsonRoute((req) => {
          const orders = [...db.ordersOf(String(req.params.accountId))].sort(newestFirst((o) => o.created_at));
          return ok(pageOf(orders, validate(paging, req.query)));
        }),
      },
      {
        method: 'get',
        path: '/api/v2/customers/:accountId/events',
        handle: jsonRoute((req) => {
          const since = queryParam(req, 'since');
          const sinceMs = since === undefined ? -Infinity : Date.parse(since);
          if (Number.isNaN(sinceMs)) throw badRequest('since is an ISO date-time');
          const events = db
            .eventsOf(String(req.params.accountId))
            .filter((e) => Date.parse(e.at) >= sinceMs)
            .sort((a, b) => a.at.localeCompare(b.at))
            .map(({ account_id: _owner, ...event }) => event);
          return ok({ data: events });
        }),
      },
      {
        method: 'get',
        path: '/api/v2/orders/:orderId',
        handle: jsonRoute((req) => ok(db.order(String(req.params.orderId)))),
      },
      {
        method: 'post',
        path: '/api/v2/orders',
        handle: jsonRoute((req) => {
          const input = validate(newOrder, req.body);
          const now = new Date();
          const order = db.addOrder({ ...input, status: 'paid', created_at: now.toISOString() }, now.getUTCFullYear());
          return created(order);
        }),
      },
      {
        method: 'post',
        path: '/api/v2/orders/:orderId/cancel',
        handle: jsonRoute((req) => {
          const order = db.order(String(req.params.orderId));
          if (FINAL_STATES.has(order.status)) throw invalidState(order);
          order.status = 'cancelled';
          return ok(order);
        }),
      },
      {
        method: 'post',
        path: '/api/v2/orders/:orderId/returns',
        handle: jsonRoute((req) => {
          const order = db.order(String(req.params.orderId));
          const { return_id, refund } = returnGoods(order, validate(newReturn, req.body));
          return created({ return_id, refund });
        }),
      },
      {
        method: 'get',
        path: '/api/v2/promotions',
        handle: jsonRoute(() => ok({ data: db.data.promotions })),
      },
    ],
    fail: (_req, res, { status, code, message }) => sendJsonError(res, status, code, message),
    dump: () => db.data,
    reset: () => {
      db = new EshopDb(freshCopy());
    },
  };
}
