import { assertFullCustomerView, requireRole } from '../../platform/auth/rules';
import { EVERYTHING, preferredChannel, preferredChannelReads, union } from '../../domain/journey/timeline';
import { money } from '../kit/money';
import { keyedConnection, pageSize } from '../kit/relay';
import type { RopoCounts } from '../../domain/journey/ropo';
import type { Resolvers } from './generated';
import { customerHistory, reportGaps } from './history';

const revenue = {
  storeRevenue: (r: Pick<RopoCounts, 'storeRevenueCents'>) => money(r.storeRevenueCents),
  ropoRevenue: (r: Pick<RopoCounts, 'ropoRevenueCents'>) => money(r.ropoRevenueCents),
  webRevenue: (r: RopoCounts) => money(r.webRevenueCents),
  showroomingRevenue: (r: RopoCounts) => money(r.showroomingRevenueCents),
};

export const resolvers: Resolvers = {
  Query: {
    ropoReport: (_, { from, to, lookbackDays }, ctx) => {
      requireRole(ctx, 'agent');
      return ctx.ropo.report(new Date(from), new Date(to), lookbackDays ?? 30, ctx.identity);
    },
  },
  Customer: {
    journey: async (customer, { first, after }, ctx, info) => {
      assertFullCustomerView(ctx);
      const history = await customerHistory(ctx, customer);
      reportGaps(ctx, info, history, EVERYTHING);
      return keyedConnection(history.events, (e) => e.id, pageSize(first, 20), after);
    },
    channelSummary: async (customer, _, ctx, info) => {
      assertFullCustomerView(ctx);
      const history = await customerHistory(ctx, customer);
      reportGaps(ctx, info, history, EVERYTHING);
      return history.summary;
    },
    preferredChannel: async (customer, _, ctx, info) => {
      assertFullCustomerView(ctx);
      const history = await customerHistory(ctx, customer);
      // a silo's failure matters here only if the answer needs it: activity only breaks a tie
      reportGaps(ctx, info, history, preferredChannelReads(history.summary));
      return preferredChannel(history.summary, union(history.gaps));
    },
  },
  JourneyEvent: {
    product: (e) => (e.sku ? { sku: e.sku } : null),
    store: (e) => (e.storeId ? { id: e.storeId } : null),
    order: (e) => (e.orderId ? { id: e.orderId } : null),
  },
  ChannelSummary: {
    spend: (s) => (s.spendCents === null ? null : money(s.spendCents)),
  },
  RopoReport: revenue,
  CategoryRopo: revenue,
  WeekRopo: revenue,
  StoreRopo: {
    store: (s) => ({ id: s.storeId }),
    storeRevenue: revenue.storeRevenue,
    ropoRevenue: revenue.ropoRevenue,
  },
};
