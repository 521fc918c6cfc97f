import type { GraphQLResolveInfo } from 'graphql';
import { afterSaleEvents, browsingEvents, callEvents, caseEvents, loyaltyEvents, orderEvents, timeline } from '../../journey/timeline';
import { externalIds, type CustomerRef } from '../customerRef';
import { settleSources, unwrap } from '../server';
import type { CustomerHistory, InsightsContext } from './context';

/** Every silo's part of a customer's history; a silo that fails is one partial error, once. */
export function customerHistory(ctx: InsightsContext, customer: CustomerRef, info: GraphQLResolveInfo): Promise<CustomerHistory> {
  let history = ctx.histories.get(customer.id);
  if (!history) {
    history = read(ctx, customer, info);
    ctx.histories.set(customer.id, history);
  }
  return history;
}

async function read(ctx: InsightsContext, customer: CustomerRef, info: GraphQLResolveInfo): Promise<CustomerHistory> {
  const accounts = externalIds(customer, 'ESHOP');
  const cards = externalIds(customer, 'LOYALTY');
  const contacts = externalIds(customer, 'CRM');
  const orders = await settleSources(ctx, info, [
    ctx.webOrders.loadMany(accounts).then((r) => unwrap(r).flat()),
    ctx.receipts.loadMany(cards).then((r) => unwrap(r).flat()),
  ]);
  const drafts = await settleSources(ctx, info, [
    Promise.resolve(orderEvents(orders)),
    Promise.resolve(afterSaleEvents(ctx.sagas.afterSale(orders.map((o) => o.id)))),
    Promise.all(accounts.map(async (a) => browsingEvents(a, await ctx.browsing.load(a)))).then((l) => l.flat()),
    ctx.cases.loadMany(contacts).then((r) => caseEvents(unwrap(r).flat())),
    ctx.calls.loadMany(contacts).then((r) => callEvents(unwrap(r).flat())),
    ctx.ledgers.loadMany(cards).then((r) => loyaltyEvents(unwrap(r).flat())),
  ]);
  return { orders, events: timeline(drafts) };
}
