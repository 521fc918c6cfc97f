import DataLoader from 'dataloader';
import type { Catalog } from '../../catalog/catalog';
import type { EshopClient } from '../../clients/eshop';
import type { PosClient } from '../../clients/pos';
import type { Order } from '../../domain/types';
import { orderFromEshop } from '../../mapping/eshop';
import { orderFromPosReceipt } from '../../mapping/pos';
import type { BaseContext } from '../server';
import type { Commerce } from '../../commerce';
import { orderIdKind } from '../../commerce/orderIds';
import { pricingSources, type PricingDeps } from '../../promotions/profiles';
import type { PricingSources } from '../../promotions/quoting';
import type { OrderFacts } from '../../sagas/store';

export interface OrdersDeps extends PricingDeps {
  eshop: EshopClient;
  pos: PosClient;
  catalog: Catalog;
  commerce: Commerce;
}

export interface OrdersContext extends BaseContext, OrdersDeps {
  webOrdersByAccount: DataLoader<string, Order[]>;
  receiptsByCard: DataLoader<string, Order[]>;
  orderById: DataLoader<string, Order | null>;
  /** what the project recorded of the orders it placed (collected, returned, reservation) */
  factsById: DataLoader<string, OrderFacts | undefined>;
  pricing: PricingSources;
}

const WEB_PAGE = 100;
/** The POS wants a start date; the whole history is what a customer's orders are. */
const HISTORY_START = '2000-01-01';


export function ordersContext(deps: OrdersDeps): Omit<OrdersContext, 'partial'> {
  // Neither system can list several customers' orders in one call: one call per account or
  // card, all in parallel, each asked once per request however many fields need it.
  const webOrdersByAccount = new DataLoader<string, Order[]>((accounts) =>
    Promise.all(accounts.map((account) => allWebOrders(deps.eshop, account))),
  );
  const receiptsByCard = new DataLoader<string, Order[]>((cards) =>
    Promise.all(cards.map(async (card) => (await deps.pos.listReceipts(card, HISTORY_START)).map(orderFromPosReceipt))),
  );
  const orderById = new DataLoader<string, Order | null>((ids) =>
    Promise.all(
      ids.map(async (id) => {
        if (orderIdKind(id) === 'web') {
          const order = await deps.eshop.getOrder(id);
          return order && orderFromEshop(order);
        }
        const receipt = await deps.pos.getReceipt(id);
        return receipt && orderFromPosReceipt(receipt);
      }),
    ),
  );
  const factsById = new DataLoader<string, OrderFacts | undefined>(async (ids) => {
    const facts = deps.commerce.deps.sagas.orderFactsMany(ids);
    return ids.map((id) => facts.get(id));
  });
  return { ...deps, webOrdersByAccount, receiptsByCard, orderById, factsById, pricing: pricingSources(deps) };
}

async function allWebOrders(eshop: EshopClient, account: string): Promise<Order[]> {
  const orders: Order[] = [];
  for (let page = 1; ; page++) {
    const { data, meta } = await eshop.listOrders(account, page, WEB_PAGE);
    orders.push(...data.map(orderFromEshop));
    if (page * WEB_PAGE >= meta.total || data.length === 0) return orders;
  }
}
