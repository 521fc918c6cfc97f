import DataLoader from 'dataloader';
import { eachKey } from '../kit/loaders/settle';
import type { Catalog } from '../../domain/reference/catalog';
import type { EshopClient } from '../../adapters/eshop/client';
import type { PosClient } from '../../adapters/pos/client';
import type { Order } from '../../domain/types';
import { orderFromEshop } from '../../adapters/eshop/mapping';
import { orderFromPosReceipt } from '../../adapters/pos/mapping';
import type { BaseContext } from '../kit/server';
import { receiptsByCard, webOrderPagesByAccount } from '../kit/loaders/orders';
import type { PagedList } from '../kit/merged-pages';
import type { Commerce } from '../../domain/orders';
import type { CommerceDeps } from '../../domain/orders/deps';
import type { CustomerDirectory } from '../../domain/identity/directory';
import { perRequestPricing, type PricingPieces } from '../kit/pricing';
import { orderIdKind } from '../../domain/orders/orderIds';
import type { PricingSources } from '../../domain/pricing/promotions/quoting';
import type { OrderFacts, RecordedReturn } from '../../domain/orders/saga/store';
import { withRecordedOwner, type OrderOwner } from '../../domain/orders/owner';

export interface OrdersDeps extends PricingPieces {
  eshop: EshopClient;
  pos: PosClient;
  catalog: Catalog;
  commerce: Commerce;
}

export interface OrdersContext extends BaseContext, OrdersDeps {
  /** each account's web orders, a page at a time */
  webOrderPages: DataLoader<string, PagedList<Order>>;
  receiptsByCard: DataLoader<string, Order[]>;
  orderById: DataLoader<string, Order | null>;
  /** what the project recorded of the orders it placed (collected, returned, reservation) */
  factsById: DataLoader<string, OrderFacts | undefined>;
  /** the ids of the store sales the project recorded as owned by each record (a sale placed for a customer without a card) */
  salesOwnedBy: DataLoader<OrderOwner, string[], string>;
  /** who is who, for this request alone (pieces.ts says why) */
  identity: CustomerDirectory;
  pricing: PricingSources;
  /** what an order's plan reads, with this request's identity directory */
  planning: CommerceDeps;
  /** the returns of the orders made through the graph */
  returnsById: DataLoader<string, RecordedReturn[]>;
}

const ownerKey = (o: OrderOwner) => `${o.system}:${o.externalId}`;

export function ordersContext(deps: OrdersDeps): Omit<OrdersContext, keyof BaseContext> {
  const factsById = new DataLoader<string, OrderFacts | undefined>(async (ids) => {
    const facts = await deps.commerce.deps.sagas.orderFactsMany(ids);
    return ids.map((id) => facts.get(id));
  });
  const orderById = new DataLoader<string, Order | null>((ids) =>
    eachKey(ids, async (id) => {
      if (orderIdKind(id) === 'web') {
        const order = await deps.eshop.getOrder(id);
        return order && orderFromEshop(order);
      }
      const receipt = await deps.pos.getReceipt(id);
      if (!receipt) return null;
      const order = orderFromPosReceipt(receipt);
      if (order.owner) return order;
      // the POS names a receipt's customer by its card only: a card-less sale the project placed is
      // owned as its facts recorded (those unreadable, the sale stands as the POS has it, no one's)
      const facts = await factsById.load(id).catch(() => undefined);
      return withRecordedOwner(order, facts?.owner);
    }),
  );
  const salesOwnedBy = new DataLoader<OrderOwner, string[], string>(
    async (owners) => {
      const sales = await deps.commerce.deps.sagas.salesOwnedBy(owners);
      return owners.map((owner) => sales.filter((s) => ownerKey(s.owner) === ownerKey(owner)).map((s) => s.orderId));
    },
    { cacheKeyFn: ownerKey },
  );
  const { identity, pricing } = perRequestPricing(deps);
  return {
    ...deps,
    webOrderPages: webOrderPagesByAccount(deps.eshop),
    receiptsByCard: receiptsByCard(deps.pos),
    orderById,
    factsById,
    salesOwnedBy,
    identity,
    pricing,
    planning: { ...deps.commerce.deps, identity },
    returnsById: new DataLoader(async (ids) => {
      const returns = await deps.commerce.deps.sagas.returnsOfMany(ids);
      return ids.map((id) => returns.get(id)!);
    }),
  };
}
