import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import {
  afterSaleEvents,
  browsingEvents,
  callEvents,
  caseEvents,
  channelSummary,
  HOLDS,
  loyaltyEvents,
  orderEvents,
  overlaps,
  timeline,
  union,
  type Reach,
} from '../../domain/journey/timeline';
import { externalIds, type CustomerRef } from '../kit/customerRef';
import { unwrap } from '../kit/server';
import type { CustomerHistory, Gap, InsightsContext } from './context';

/**
 * Every silo's part of a customer's history, read once per request whatever fields ask for it.
 * A silo that fails is kept as a gap, for each field to report where it needed that silo.
 */
export function customerHistory(ctx: InsightsContext, customer: CustomerRef): Promise<CustomerHistory> {
  let history = ctx.histories.get(customer.id);
  if (!history) {
    history = read(ctx, customer);
    ctx.histories.set(customer.id, history);
  }
  return history;
}

/** Reports at this field each silo that failed holding some of what the field reads. */
export function reportGaps(ctx: InsightsContext, info: GraphQLResolveInfo, { gaps }: CustomerHistory, reads: Reach): void {
  for (const gap of gaps) if (overlaps(gap, reads)) ctx.partial.add(gap.error, responsePathAsArray(info.path));
}

interface Part<T> {
  items: T[];
  gap: Gap | null;
}

/** One silo's part: what it gave, or the figures its failure leaves unknown. */
async function part<T>(holds: Reach, source: Promise<T[]>): Promise<Part<T>> {
  try {
    return { items: await source, gap: null };
  } catch (error) {
    return { items: [], gap: { error, ...holds } };
  }
}

async function read(ctx: InsightsContext, customer: CustomerRef): Promise<CustomerHistory> {
  const accounts = externalIds(customer, 'ESHOP');
  const cards = externalIds(customer, 'LOYALTY');
  const contacts = externalIds(customer, 'CRM');
  const webOrders = part(
    HOLDS.webOrders,
    ctx.webOrders.loadMany(accounts).then((r) => unwrap(r).flat()),
  );
  const receipts = part(
    HOLDS.receipts,
    ctx.receipts.loadMany(cards).then((r) => unwrap(r).flat()),
  );
  // as soon as the orders are known, while the other silos may still be answering
  const afterSales = Promise.all([webOrders, receipts]).then(([web, store]) =>
    part(
      HOLDS.afterSales,
      ctx.afterSales
        .loadMany([...web.items, ...store.items].map((o) => o.id))
        .then((found) => afterSaleEvents(unwrap(found).filter(known))),
    ),
  );
  const parts = await Promise.all([
    webOrders,
    receipts,
    part(
      HOLDS.browsing,
      Promise.all(accounts.map(async (a) => browsingEvents(a, await ctx.browsing.load(a)))).then((l) => l.flat()),
    ),
    part(
      HOLDS.cases,
      ctx.cases.loadMany(contacts).then((r) => caseEvents(unwrap(r).flat())),
    ),
    part(
      HOLDS.calls,
      ctx.calls.loadMany(contacts).then((r) => callEvents(unwrap(r).flat())),
    ),
    part(
      HOLDS.ledger,
      ctx.ledgers.loadMany(cards).then((r) => loyaltyEvents(unwrap(r).flat())),
    ),
    afterSales,
  ]);
  const [web, store, ...activity] = parts;
  const orders = [...web.items, ...store.items];
  const events = timeline([...orderEvents(orders), ...activity.flatMap((p) => p.items)]);
  const gaps = parts.flatMap((p) => p.gap ?? []);
  return { events, summary: channelSummary(orders, events, union(gaps)), gaps };
}

const known = <T>(item: T | null): item is T => item !== null;
