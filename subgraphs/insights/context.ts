import DataLoader from 'dataloader';
import { eachKey } from '../kit/loaders/settle';
import type { CrmClient } from '../../adapters/crm/client';
import type { EshopAccountEvent, EshopClient } from '../../adapters/eshop/client';
import type { LoyaltyClient } from '../../adapters/loyalty/client';
import type { PosClient } from '../../adapters/pos/client';
import type { Call, LoyaltyTransaction, Order, SupportCase } from '../../domain/types';
import type { AfterSale, ChannelSummary, JourneyEvent, Reach } from '../../domain/journey/timeline';
import { callsByContact, casesByContact } from '../kit/loaders/crm';
import { ledgerByCard } from '../kit/loaders/loyalty';
import { receiptsByCard, webOrdersByAccount } from '../kit/loaders/orders';
import type { RopoService } from '../../domain/journey/ropo';
import type { BaseContext } from '../kit/server';
import type { CustomerDirectory } from '../../domain/identity/directory';

export interface InsightsDeps {
  eshop: EshopClient;
  pos: PosClient;
  crm: CrmClient;
  loyalty: LoyaltyClient;
  /** what followed the sale of orders placed through the graph: the orders subgraph's (subgraphs/kit/after-sales.ts) */
  afterSalesOf: (orderIds: readonly string[]) => Promise<AfterSale[]>;
  ropo: RopoService;
  /** who is who, a directory per request (pieces.ts says why): the ROPO report's look-ups */
  identityDirectory: () => CustomerDirectory;
}

/** A system that did not answer, and the figures of the history it holds. */
export interface Gap extends Reach {
  error: unknown;
}

export interface CustomerHistory {
  events: JourneyEvent[];
  summary: ChannelSummary[];
  gaps: Gap[];
}

export interface InsightsContext extends BaseContext, InsightsDeps {
  webOrders: DataLoader<string, Order[]>;
  receipts: DataLoader<string, Order[]>;
  cases: DataLoader<string, SupportCase[]>;
  calls: DataLoader<string, Call[]>;
  ledgers: DataLoader<string, LoyaltyTransaction[]>;
  browsing: DataLoader<string, EshopAccountEvent[]>;
  /** the order ids asked in one tick (those of every customer whose orders are known then), in calls of at most 500; null: nothing followed the sale through the graph */
  afterSales: DataLoader<string, AfterSale | null>;
  identity: CustomerDirectory;
  /** a customer's whole history, read once per request whatever fields ask for it */
  histories: Map<string, Promise<CustomerHistory>>;
}

/** Browsing events since the beginning: the e-shop wants a date. */
const SINCE = '2000-01-01T00:00:00Z';

export function insightsContext(deps: InsightsDeps): Omit<InsightsContext, keyof BaseContext> {
  return {
    ...deps,
    identity: deps.identityDirectory(),
    webOrders: webOrdersByAccount(deps.eshop),
    receipts: receiptsByCard(deps.pos),
    cases: casesByContact(deps.crm),
    calls: callsByContact(deps.crm),
    ledgers: ledgerByCard(deps.loyalty),
    browsing: new DataLoader((accounts) => eachKey(accounts, (a) => deps.eshop.listEvents(a, SINCE))),
    afterSales: afterSalesLoader(deps.afterSalesOf),
    histories: new Map(),
  };
}

/** A batch of order ids is one call of the orders subgraph's API, of a bounded size. */
export function afterSalesLoader(afterSalesOf: InsightsDeps['afterSalesOf']): DataLoader<string, AfterSale | null> {
  return new DataLoader(
    async (orderIds) => {
      const facts = new Map((await afterSalesOf(orderIds)).map((f) => [f.orderId, f]));
      return orderIds.map((id) => facts.get(id) ?? null);
    },
    { maxBatchSize: 500 },
  );
}
