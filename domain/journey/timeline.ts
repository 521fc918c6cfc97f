// One customer's events in every channel, as one timeline. Pure: the silos' records come in,
// already read; what each becomes (kind, channel) is decided here and nowhere else.
import type { Call, Channel, Instant, LoyaltyTransaction, Order, SupportCase } from '../types';
import type { EshopAccountEvent } from '../../adapters/eshop/client';
import { eshopCodeToStoreId } from '../canonical/store';
import { toInstant } from '../canonical/time';

export type JourneyEventKind =
  | 'PRODUCT_VIEW'
  | 'ADD_TO_CART'
  | 'AVAILABILITY_CHECK'
  | 'STORE_LOCATOR_VIEW'
  | 'WEB_ORDER'
  | 'PHONE_ORDER'
  | 'STORE_PURCHASE'
  | 'PICKUP'
  | 'RETURN'
  | 'CALL'
  | 'CASE_OPENED'
  | 'CASE_CLOSED'
  | 'LOYALTY_EARN'
  | 'LOYALTY_BURN'
  | 'LOYALTY_ADJUST';

export interface JourneyEvent {
  /** unique in the timeline: the cursor of its edge */
  id: string;
  at: Instant;
  channel: Channel;
  kind: JourneyEventKind;
  sku: string | null;
  storeId: string | null;
  orderId: string | null;
  detail: string | null;
}

type Draft = Omit<JourneyEvent, 'id'> & { ref: string };

const BROWSING: Record<EshopAccountEvent['type'], JourneyEventKind> = {
  product_view: 'PRODUCT_VIEW',
  add_to_cart: 'ADD_TO_CART',
  availability_check: 'AVAILABILITY_CHECK',
  store_locator_view: 'STORE_LOCATOR_VIEW',
};

export function browsingEvents(accountId: string, events: EshopAccountEvent[]): Draft[] {
  return events.map((e) => ({
    ref: accountId,
    at: toInstant(e.at),
    channel: 'WEB',
    kind: BROWSING[e.type],
    sku: e.sku,
    storeId: e.store_code ? eshopCodeToStoreId(e.store_code) : null,
    orderId: null,
    detail: null,
  }));
}

const ORDER_KIND: Record<Channel, JourneyEventKind> = { WEB: 'WEB_ORDER', CALL_CENTER: 'PHONE_ORDER', STORE: 'STORE_PURCHASE' };

export function orderEvents(orders: Order[]): Draft[] {
  return orders.map((o) => ({
    ref: o.id,
    at: o.placedAt,
    channel: o.channel,
    kind: ORDER_KIND[o.channel],
    sku: null,
    storeId: o.fulfillment.storeId,
    orderId: o.id,
    detail: o.status === 'CANCELLED' ? 'cancelled' : null,
  }));
}

/** What followed an order's sale through the graph: its hand-over (pickups) and its returns (the orders subgraph's facts). */
export interface AfterSale {
  orderId: string;
  storeId: string | null;
  collectedAt: Instant | null;
  returns: { at: Instant; storeId: string }[];
}

export function afterSaleEvents(facts: readonly AfterSale[]): Draft[] {
  return facts.flatMap((f) => [
    ...(f.collectedAt
      ? [
          {
            ref: f.orderId,
            at: f.collectedAt,
            channel: 'STORE' as const,
            kind: 'PICKUP' as const,
            sku: null,
            storeId: f.storeId,
            orderId: f.orderId,
            detail: null,
          },
        ]
      : []),
    ...f.returns.map((r) => ({
      ref: f.orderId,
      at: r.at,
      channel: 'STORE' as const,
      kind: 'RETURN' as const,
      sku: null,
      storeId: r.storeId,
      orderId: f.orderId,
      detail: null,
    })),
  ]);
}

export function callEvents(calls: Call[]): Draft[] {
  return calls.map((c) => ({
    ref: c.id,
    at: c.at,
    channel: 'CALL_CENTER',
    kind: 'CALL',
    sku: null,
    storeId: null,
    orderId: null,
    detail: c.reason,
  }));
}

const CASE_CHANNEL: Record<SupportCase['channel'], Channel> = { PHONE: 'CALL_CENTER', EMAIL: 'CALL_CENTER', STORE: 'STORE' };

export function caseEvents(cases: SupportCase[]): Draft[] {
  return cases.flatMap((c) => {
    const base = { ref: c.id, channel: CASE_CHANNEL[c.channel], sku: null, storeId: null, orderId: null, detail: c.subject };
    return [
      { ...base, at: c.openedAt, kind: 'CASE_OPENED' as const },
      ...(c.closedAt ? [{ ...base, at: c.closedAt, kind: 'CASE_CLOSED' as const }] : []),
    ];
  });
}

const LEDGER_CHANNEL: Record<LoyaltyTransaction['channel'], Channel> = { WEB: 'WEB', STORE: 'STORE', PHONE: 'CALL_CENTER' };

export function loyaltyEvents(txns: LoyaltyTransaction[]): Draft[] {
  return txns.map((t) => ({
    ref: t.id,
    at: t.at,
    channel: LEDGER_CHANNEL[t.channel],
    kind: `LOYALTY_${t.type}` as JourneyEventKind,
    sku: null,
    storeId: null,
    orderId: null,
    detail: `${t.points > 0 ? '+' : ''}${t.points} points`,
  }));
}

/** Newest first; ids made unique by their rank among equals, so cursors never skip an event. */
export function timeline(drafts: Draft[]): JourneyEvent[] {
  const sorted = [...drafts].sort(
    (a, b) =>
      b.at.localeCompare(a.at) || a.kind.localeCompare(b.kind) || a.ref.localeCompare(b.ref) || (a.sku ?? '').localeCompare(b.sku ?? ''),
  );
  const seen = new Map<string, number>();
  return sorted.map(({ ref, ...e }) => {
    const base = `${e.at}|${e.kind}|${ref}|${e.sku ?? ''}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { id: n === 1 ? base : `${base}#${n}`, ...e };
  });
}

const CHANNELS: readonly Channel[] = ['WEB', 'STORE', 'CALL_CENTER'];

/** Channels' figures: whose orders (count and spend) and whose latest activity. */
export interface Reach {
  orders: readonly Channel[];
  activity: readonly Channel[];
}

export const NOTHING: Reach = { orders: [], activity: [] };
export const EVERYTHING: Reach = { orders: CHANNELS, activity: CHANNELS };

const distinct = <T>(items: T[]): T[] => [...new Set(items)];

/**
 * What each silo's part of a history holds: when that part is missing, exactly these figures are
 * unknown. Pick-ups and returns are found by order id, so web orders missing hide store activity.
 */
export const HOLDS = {
  webOrders: { orders: ['WEB', 'CALL_CENTER'], activity: CHANNELS },
  receipts: { orders: ['STORE'], activity: ['STORE'] },
  browsing: { orders: [], activity: ['WEB'] },
  cases: { orders: [], activity: distinct(Object.values(CASE_CHANNEL)) },
  calls: { orders: [], activity: ['CALL_CENTER'] },
  ledger: { orders: [], activity: distinct(Object.values(LEDGER_CHANNEL)) },
  /** collections and returns in store of the orders placed through the graph (the orders subgraph's) */
  afterSales: { orders: [], activity: ['STORE'] },
} satisfies Record<string, Reach>;

export const union = (reaches: Reach[]): Reach => ({
  orders: distinct(reaches.flatMap((r) => r.orders)),
  activity: distinct(reaches.flatMap((r) => r.activity)),
});

export const overlaps = (a: Reach, b: Reach): boolean =>
  a.orders.some((c) => b.orders.includes(c)) || a.activity.some((c) => b.activity.includes(c));

export interface ChannelSummary {
  channel: Channel;
  /** null: unknown, a system holding this channel's orders did not answer */
  orders: number | null;
  spendCents: number | null;
  /** null: no activity, or unknown (a system holding some of it did not answer) */
  lastActivityAt: Instant | null;
}

/** Per channel; a figure `unknown` names is null, never counted from the other systems' part alone. */
export function channelSummary(orders: Order[], events: JourneyEvent[], unknown: Reach = NOTHING): ChannelSummary[] {
  return CHANNELS.map((channel) => {
    const kept = orders.filter((o) => o.channel === channel && o.status !== 'CANCELLED');
    const last = events.find((e) => e.channel === channel); // the timeline is newest first
    const ordersKnown = !unknown.orders.includes(channel);
    return {
      channel,
      orders: ordersKnown ? kept.length : null,
      spendCents: ordersKnown ? kept.reduce((s, o) => s + o.totalCents, 0) : null,
      lastActivityAt: unknown.activity.includes(channel) ? null : (last?.at ?? null),
    };
  });
}

/** The channels sharing the most orders; none without any order. */
function leaders(summary: ChannelSummary[]): ChannelSummary[] {
  const most = Math.max(0, ...summary.map((s) => s.orders ?? 0));
  return summary.filter((s) => most > 0 && s.orders === most);
}

/** What the preferred channel depends on: every channel's orders, and the latest activity of a tie. */
export function preferredChannelReads(summary: ChannelSummary[]): Reach {
  const tied = leaders(summary);
  return { orders: CHANNELS, activity: tied.length > 1 ? tied.map((s) => s.channel) : [] };
}

/** The channel of most orders; ties go to the latest activity; null without any order, or when what decides it is unknown. */
export function preferredChannel(summary: ChannelSummary[], unknown: Reach = NOTHING): Channel | null {
  if (overlaps(preferredChannelReads(summary), unknown)) return null;
  const [first] = leaders(summary).sort((a, b) => (b.lastActivityAt ?? '').localeCompare(a.lastActivityAt ?? ''));
  return first?.channel ?? null;
}
