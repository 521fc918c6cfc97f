// Per-request loaders of a customer's orders, shared by the subgraphs that read them (orders,
// insights). Neither silo can list several customers' orders in one call: one call per account
// or card, all in parallel, each asked once per request however many fields need it.
import DataLoader from 'dataloader';
import { eachKey } from './settle';
import type { EshopClient } from '../../../adapters/eshop/client';
import type { PosClient } from '../../../adapters/pos/client';
import type { Order } from '../../../domain/types';
import { orderFromEshop } from '../../../adapters/eshop/mapping';
import { orderFromPosReceipt } from '../../../adapters/pos/mapping';

const WEB_PAGE = 100;
/** The POS wants a start date; the whole history is what a customer's orders are. */
const HISTORY_START = '2000-01-01';

export function webOrdersByAccount(eshop: EshopClient): DataLoader<string, Order[]> {
  return new DataLoader((accounts) => eachKey(accounts, (account) => allWebOrders(eshop, account)));
}

export function receiptsByCard(pos: PosClient): DataLoader<string, Order[]> {
  return new DataLoader((cards) => eachKey(cards, async (card) => (await pos.listReceipts(card, HISTORY_START)).map(orderFromPosReceipt)));
}

async function allWebOrders(eshop: EshopClient, account: string): Promise<Order[]> {
  const orders: Order[] = [];
  for (let page = 1; ; page++) {
    const { data, meta } = await eshop.listOrders(account, page, WEB_PAGE);
    orders.push(...data.map(orderFromEshop));
    if (page * WEB_PAGE >= meta.total || data.length === 0) return orders;
  }
}
