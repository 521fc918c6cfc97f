// The store POS: XML over HTTP, no authentication, business errors as HTTP 200 <error/>.
import express, { type Request, type RequestHandler } from 'express';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { PosLine, PosReceipt, PosReservation, PosReturn, PosStock } from '../adapters/pos/wire';
import type { PosData } from './model';
import { BODY_LIMIT, queryParam } from './sim/http';
import { IdSequence } from './sim/ids';
import { addTo, groupBy, indexBy } from './sim/indexes';
import { digitsOf } from './sim/keys';
import { pristineCopies } from './sim/pristine';
import { badRequest, notFound, Rejection } from './sim/rejection';
import type { SimSystem } from './sim/types';
import { validate } from './sim/validate';
import { attributes, parseXml, sendXml, type XmlNode } from './sim/xml';

const MAX_EANS = 200;
const PARIS = 'Europe/Paris';

const insufficientStock = (message: string) => new Rejection(409, 'insufficient_stock', message);
const invalidState = (message: string) => new Rejection(409, 'invalid_state', message);

const count = z.coerce.number().int().positive();
const cents = z.coerce.number().int().min(0);
const lineSchema = z.object({ ean: z.string().min(1), qty: count });
const reservationSchema = z.object({ reservation: z.object({ store: z.string(), ref: z.string(), line: z.array(lineSchema).min(1) }) });
const saleSchema = z.object({
  sale: z.object({
    store: z.string(),
    card: z.string().optional(),
    deliver: z.literal('home').optional(),
    line: z.array(lineSchema.extend({ unit_cents: cents })).min(1),
  }),
});
const returnSchema = z.object({
  return: z.object({
    store: z.string(),
    ref: z.string(),
    refund: z.enum(['none', 'till']).default('till'),
    line: z.array(lineSchema).min(1),
  }),
});
const pricesSchema = z.object({ prices: z.object({ price: z.array(z.object({ ean: z.string().min(1), cents })).default([]) }) });

function readBody<S extends z.ZodTypeAny>(req: Request, schema: S): z.infer<S> {
  return validate(schema, parseXml(req.body));
}

function requiredParam(req: Request, name: string): string {
  const value = queryParam(req, name);
  if (!value) throw badRequest(`missing ${name}`);
  return value;
}

/** The POS prints a card in groups of four digits. */
function printedCard(card: string): string {
  return card.replace(/\D/g, '').replace(/(\d{4})(?=\d)/g, '$1 ');
}

class PosDb {
  private readonly stores;
  private readonly stock;
  private readonly prices;
  private readonly promotions;
  private readonly receipts;
  private readonly receiptsByCard;
  private readonly reservations;
  private readonly ids;

  constructor(readonly data: PosData) {
    this.stores = indexBy(data.stores, (s) => s.code);
    this.stock = indexBy(data.stock, (s) => stockKey(s.store, s.ean));
    this.prices = new Map([...groupBy(data.prices, (p) => p.store)].map(([store, rows]) => [store, indexBy(rows, (p) => p.ean)]));
    this.promotions = groupBy(data.promotions, (p) => p.store);
    this.receipts = indexBy(data.receipts, (r) => r.id);
    this.receiptsByCard = groupBy(
      data.receipts.filter((r) => r.card !== null),
      (r) => digitsOf(r.card ?? ''),
    );
    this.reservations = indexBy(data.reservations, (r) => r.id);
    this.ids = new IdSequence([...data.receipts, ...data.reservations, ...data.returns].map((r) => r.id));
  }

  store(code: string) {
    const store = this.stores.get(code);
    if (!store) throw notFound(`unknown store ${code}`);
    return store;
  }

  stockOf(store: string, ean: string): PosStock | undefined {
    return this.stock.get(stockKey(store, ean));
  }

  pricesOf(store: string) {
    return this.prices.get(this.store(store).code) ?? new Map();
  }

  shelfCents(store: string, ean: string): number {
    return this.pricesOf(store).get(ean)?.cents ?? 0;
  }

  setPrice(store: string, ean: string, cents: number): void {
    const row = this.pricesOf(store).get(ean);
    if (row) row.cents = cents;
    else {
      const added = { store, ean, cents };
      this.data.prices.push(added);
      if (!this.prices.has(store)) this.prices.set(store, new Map());
      this.prices.get(store)?.set(ean, added);
    }
  }

  promotionsOf(store: string) {
    return this.promotions.get(this.store(store).code) ?? [];
  }

  receipt(id: string): PosReceipt | undefined {
    return this.receipts.get(id);
  }

  receiptsOfCard(card: string) {
    return this.receiptsByCard.get(digitsOf(card)) ?? [];
  }

  reservation(id: string): PosReservation {
    const reservation = this.reservations.get(id);
    if (!reservation) throw notFound(`unknown reservation ${id}`);
    return reservation;
  }

  /** Checks every line before touching any stock: an insufficient line changes nothing. */
  stockFor(store: string, lines: { ean: string; qty: number }[]): { row: PosStock; qty: number }[] {
    const wanted = new Map<string, number>();
    for (const line of lines) wanted.set(line.ean, (wanted.get(line.ean) ?? 0) + line.qty);
    return [...wanted].map(([ean, qty]) => {
      const row = this.stockOf(store, ean);
      if (!row || row.qty - row.reserved < qty) throw insufficientStock(`not enough ${ean} in ${store}`);
      return { row, qty };
    });
  }

  addReservation(reservation: Omit<PosReservation, 'id'>): PosReservation {
    const added = { id: this.ids.next('RSV-', 6), ...reservation };
    this.data.reservations.push(added);
    this.reservations.set(added.id, added);
    return added;
  }

  writeReceipt(store: string, at: DateTime, fields: Pick<PosReceipt, 'card' | 'deliver' | 'ref'>, lines: PosLine[]): PosReceipt {
    const receipt: PosReceipt = {
      id: this.ids.next(`${store}-${at.toFormat('yyyyMMdd')}-`, 4),
      store,
      at: parisTime(at),
      ...fields,
      total_cents: lines.reduce((sum, l) => sum + l.qty * l.unit_cents, 0),
      lines,
    };
    this.data.receipts.push(receipt);
    this.receipts.set(receipt.id, receipt);
    if (receipt.card) addTo(this.receiptsByCard, digitsOf(receipt.card), receipt);
    return receipt;
  }

  restock(store: string, ean: string, qty: number): void {
    const row = this.stockOf(store, ean);
    if (row) row.qty += qty;
    else {
      const added = { store, ean, qty, reserved: 0 };
      this.data.stock.push(added);
      this.stock.set(stockKey(store, ean), added);
    }
  }

  addReturn(taken: Omit<PosReturn, 'id'>): PosReturn {
    const added = { id: this.ids.next('RT-', 6), ...taken };
    this.data.returns.push(added);
    return added;
  }
}

function stockKey(store: string, ean: string): string {
  return `${store}|${ean}`;
}

function parisTime(at: DateTime): string {
  return at.toFormat('yyyy-MM-dd HH:mm:ss');
}

const receiptXml = (r: PosReceipt): XmlNode => ({
  ...attributes({ id: r.id, store: r.store, at: r.at, card: r.card, total_cents: r.total_cents, deliver: r.deliver, ref: r.ref }),
  line: r.lines.map((l) => attributes({ ean: l.ean, qty: l.qty, unit_cents: l.unit_cents })),
});

const reservationXml = (r: PosReservation): XmlNode => ({ reservation: attributes({ id: r.id, status: r.status }) });

function xml(handle: (req: Request) => XmlNode): RequestHandler {
  return (req, res) => sendXml(res, handle(req));
}

export function posSimulator(seed: PosData): SimSystem {
  const freshCopy = pristineCopies(seed);
  let db = new PosDb(freshCopy());
  const now = () => DateTime.now().setZone(PARIS);

  const heldReservation = (id: string) => {
    const reservation = db.reservation(id);
    if (reservation.status !== 'held') throw invalidState(`reservation ${id} is ${reservation.status}`);
    return reservation;
  };

  return {
    parsers: [express.text({ type: '*/*', limit: BODY_LIMIT })],
    routes: [
      {
        method: 'get',
        path: '/pos/stores',
        handle: xml(() => ({
          stores: {
            store: db.data.stores.map((s) => ({
              ...attributes({ code: s.code }),
              name: s.name,
              street: s.street,
              zip: s.zip,
              city: s.city,
              phone: s.phone,
              hours: s.hours.map((h) => attributes(h)),
            })),
          },
        })),
      },
      {
        method: 'get',
        path: '/pos/stores/:code/stock',
        handle: xml((req) => {
          const store = db.store(String(req.params.code)).code;
          const eans = [...new Set(requiredParam(req, 'ean').split(',').filter(Boolean))];
          if (eans.length > MAX_EANS) throw badRequest(`at most ${MAX_EANS} EANs`);
          const rows = eans.flatMap((ean) => db.stockOf(store, ean) ?? []);
          return {
            stock: { ...attributes({ store }), item: rows.map((r) => attributes({ ean: r.ean, qty: r.qty, reserved: r.reserved })) },
          };
        }),
      },
      {
        method: 'get',
        path: '/pos/prices',
        handle: xml((req) => {
          const store = requiredParam(req, 'store');
          const rows = [...db.pricesOf(store).values()];
          return { prices: { ...attributes({ store }), price: rows.map((p) => attributes({ ean: p.ean, cents: p.cents })) } };
        }),
      },
      {
        method: 'post',
        path: '/pos/prices',
        handle: xml((req) => {
          const store = db.store(requiredParam(req, 'store')).code;
          const { price } = readBody(req, pricesSchema).prices;
          for (const p of price) db.setPrice(store, p.ean, p.cents);
          return { ok: attributes({ updated: price.length }) };
        }),
      },
      {
        method: 'get',
        path: '/pos/promotions',
        handle: xml((req) => ({
          promotions: {
            promo: db
              .promotionsOf(requiredParam(req, 'store'))
              .map((p) => attributes({ id: p.id, kind: p.kind, value: p.value, ean: p.ean, category: p.category, from: p.from, to: p.to })),
          },
        })),
      },
      {
        method: 'get',
        path: '/pos/receipts',
        handle: xml((req) => {
          const card = requiredParam(req, 'card');
          const from = queryParam(req, 'from') ?? '';
          if (from && !/^\d{4}-\d{2}-\d{2}$/.test(from)) throw badRequest('from is YYYY-MM-DD');
          const found = db
            .receiptsOfCard(card)
            .filter((r) => r.at >= from)
            .sort((a, b) => a.at.localeCompare(b.at));
          return { receipts: { receipt: found.map(receiptXml) } };
        }),
      },
      {
        method: 'get',
        path: '/pos/receipts/:id',
        handle: xml((req) => {
          const receipt = db.receipt(String(req.params.id));
          if (!receipt) throw notFound('unknown receipt');
          return { receipt: receiptXml(receipt) };
        }),
      },
      {
        method: 'post',
        path: '/pos/reservations',
        handle: xml((req) => {
          const { store, ref, line } = readBody(req, reservationSchema).reservation;
          db.store(store);
          for (const { row, qty } of db.stockFor(store, line)) row.reserved += qty;
          const lines = line.map((l) => ({ ean: l.ean, qty: l.qty }));
          return reservationXml(db.addReservation({ store, ref, status: 'held', created_at: parisTime(now()), lines }));
        }),
      },
      {
        method: 'post',
        path: '/pos/reservations/:id/release',
        handle: xml((req) => {
          const reservation = heldReservation(String(req.params.id));
          for (const l of reservation.lines) {
            const row = db.stockOf(reservation.store, l.ean);
            if (row) row.reserved = Math.max(0, row.reserved - l.qty);
          }
          reservation.status = 'released';
          return reservationXml(reservation);
        }),
      },
      {
        method: 'post',
        path: '/pos/reservations/:id/collect',
        handle: xml((req) => {
          const reservation = heldReservation(String(req.params.id));
          const { store } = reservation;
          for (const l of reservation.lines) {
            const row = db.stockOf(store, l.ean);
            if (!row) continue;
            row.reserved = Math.max(0, row.reserved - l.qty);
            row.qty = Math.max(0, row.qty - l.qty);
          }
          const lines = reservation.lines.map((l) => ({ ean: l.ean, qty: l.qty, unit_cents: db.shelfCents(store, l.ean) }));
          db.writeReceipt(store, now(), { card: null, deliver: null, ref: reservation.ref }, lines);
          reservation.status = 'collected';
          return reservationXml(reservation);
        }),
      },
      {
        method: 'post',
        path: '/pos/sales',
        handle: xml((req) => {
          const sale = readBody(req, saleSchema).sale;
          db.store(sale.store);
          for (const { row, qty } of db.stockFor(sale.store, sale.line)) row.qty -= qty;
          const lines = sale.line.map((l) => ({ ean: l.ean, qty: l.qty, unit_cents: l.unit_cents }));
          const fields = { card: sale.card ? printedCard(sale.card) : null, deliver: sale.deliver ?? null, ref: null };
          return { receipt: receiptXml(db.writeReceipt(sale.store, now(), fields, lines)) };
        }),
      },
      {
        method: 'post',
        path: '/pos/returns',
        handle: xml((req) => {
          const { store, ref, refund, line } = readBody(req, returnSchema).return;
          db.store(store);
          // the till pays back this store's shelf price, whatever was paid and wherever it was bought
          const refund_cents = refund === 'none' ? 0 : line.reduce((sum, l) => sum + l.qty * db.shelfCents(store, l.ean), 0);
          for (const l of line) db.restock(store, l.ean, l.qty);
          const taken = db.addReturn({ store, ref, refund_cents, lines: line.map((l) => ({ ean: l.ean, qty: l.qty })) });
          return { return: attributes({ id: taken.id, refund_cents }) };
        }),
      },
    ],
    // Whatever went wrong, the POS answers 200: clients must read the body.
    fail: (_req, res, { code, message }) => sendXml(res, { error: attributes({ code, message }) }),
    dump: () => db.data,
    reset: () => {
      db = new PosDb(freshCopy());
    },
  };
}
