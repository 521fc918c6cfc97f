import { assertFullCustomerView, requireRole } from '../../auth/rules';
import { channelSummary, preferredChannel } from '../../journey/timeline';
import { money } from '../money';
import { keyedConnection, pageSize } from '../relay';
import type { Resolvers } from './generated';
import { customerHistory } from './history';

export const resolvers: Resolvers = {
  Query: {
    ropoReport: (_, { from, to, lookbackDays }, ctx) => {
      requireRole(ctx, 'agent');
      return ctx.ropo.report(new Date(from), new Date(to), lookbackDays ?? 30);
    },
  },
  Customer: {
    journey: async (customer, { first, after }, ctx, info) => {
      assertFullCustomerView(ctx);
      const { events } = await customerHistory(ctx, customer, info);
      return keyedConnection(events, (e) => e.id, pageSize(first, 20), after);
    },
    channelSummary: async (customer, _, ctx, info) => {
      assertFullCustomerView(ctx);
      const { orders, events } = await customerHistory(ctx, customer, info);
      return channelSummary(orders, events);
    },
    preferredChannel: async (customer, _, ctx, info) => {
      assertFullCustomerView(ctx);
      const { orders, events } = await customerHistory(ctx, customer, info);
      return preferredChannel(channelSummary(orders, events));
    },
  },
  JourneyEvent: {
    product: (e) => (e.sku ? { sku: e.sku } : null),
    store: (e) => (e.storeId ? { id: e.storeId } : null),
    order: (e) => (e.orderId ? { id: e.orderId } : null),
  },
  ChannelSummary: {
    spend: (s) => money(s.spendCents),
  },
};
