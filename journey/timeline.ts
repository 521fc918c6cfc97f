// One customer's events in every channel, as one timeline. Pure: the silos' records come in,
// already read; what each becomes (kind, channel) is decided here and nowhere else.
import type { Channel, Instant, LoyaltyTransaction, Order, SupportCase } from '../domain/types';
import type { EshopAccountEvent } from '../clients/eshop';
import type { CrmCallRecord } from '../clients/crm';
import { eshopCodeToStoreId } from '../canonical/store';
import { epochToIso, toInstant } from '../canonical/time';

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

/** Pick-ups and returns the project recorded (the silos keep no date for them). */
export function afterSaleEvents(facts: { orderId: string; storeId: string | null; collectedAt: Instant | null; returns: { at: Instant; storeId: string }[] }[]): Draft[] {
  return facts.flatMap((f) => [
    ...(f.collectedAt ? [{ ref: f.orderId, at: f.collectedAt, channel: 'STORE' as const, kind: 'PICKUP' as const, sku: null, storeId: f.storeId, orderId: f.orderId, detail: null }] : []),
    ...f.returns.map((r) => ({ ref: f.orderId, at: r.at, channel: 'STORE' as const, kind: 'RETURN' as const, sku: null, storeId: r.storeId, orderId: f.orderId, detail: null })),
  ]);
}

export function callEvents(calls: CrmCallRecord[]): Draft[] {
  return calls.map((c) => ({
    ref: c.id,
    at: epochToIso(c.at),
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
    (a, b) => b.at.localeCompare(a.at) || a.kind.localeCompare(b.kind) || a.ref.localeCompare(b.ref) || (a.sku ?? '').localeCompare(b.sku ?? ''),
  );
  const seen = new Map<string, number>();
  return sorted.map(({ ref, ...e }) => {
    const base = `${e.at}|${e.kind}|${ref}|${e.sku ?? ''}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { id: n === 1 ? base : `${base}#${n}`, ...e };
  });
}

export interface ChannelSummary {
  channel: Channel;
  orders: number;
  spendCents: number;
  lastActivityAt: Instant | null;
}

const CHANNELS: Channel[] = ['WEB', 'STORE', 'CALL_CENTER'];

export function channelSummary(orders: Order[], events: JourneyEvent[]): ChannelSummary[] {
  return CHANNELS.map((channel) => {
    const kept = orders.filter((o) => o.channel === channel && o.status !== 'CANCELLED');
    const last = events.find((e) => e.channel === channel); // the timeline is newest first
    return { channel, orders: kept.length, spendCents: kept.reduce((s, o) => s + o.totalCents, 0), lastActivityAt: last?.at ?? null };
  });
}

/** The channel of most orders; ties go to the latest activity; null without any order. */
export function preferredChannel(summary: ChannelSummary[]): Channel | null {
  const ranked = summary
    .filter((s) => s.orders > 0)
    .sort((a, b) => b.orders - a.orders || (b.lastActivityAt ?? '').localeCompare(a.lastActivityAt ?? ''));
  return ranked[0]?.channel ?? null;
}
