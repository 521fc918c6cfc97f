// Per-request loaders of a customer's orders, shared by the subgraphs that read them (orders,
// insights). Neither silo can list several customers' orders in one call: one call per account
// or card, all in parallel, each asked once per request however many fields need it.
import DataLoader from 'dataloader';
import { eachKey } from './settle';
import { PagedList } from '../merged-pages';
import { webOrderPages } from '../../../adapters/eshop/order-pages';
import type { EshopClient } from '../../../adapters/eshop/client';
import type { EshopOrder } from '../../../adapters/eshop/wire';
import type { PosClient } from '../../../adapters/pos/client';
import type { Order } from '../../../domain/types';
import { orderFromEshop } from '../../../adapters/eshop/mapping';
import { orderFromPosReceipt } from '../../../adapters/pos/mapping';

/** The POS wants a start date; the whole history is what a customer's orders are. */
const HISTORY_START = '2000-01-01';

/** Every web order of each account (the insights read a customer's whole history). */
export function webOrdersByAccount(eshop: EshopClient): DataLoader<string, Order[]> {
  return new DataLoader((accounts) => eachKey(accounts, (account) => allWebOrders(eshop, account)));
}

/** Each account's web orders, read a page at a time as far as a page of a customer's orders needs. */
export function webOrderPagesByAccount(eshop: EshopClient): DataLoader<string, PagedList<Order>> {
  return new DataLoader(async (accounts) => accounts.map((account) => new PagedList(ordersOf(webOrderPages(eshop, account)))));
}

async function* ordersOf(pages: AsyncIterable<EshopOrder[]>): AsyncGenerator<Order[]> {
  for await (const page of pages) yield page.map(orderFromEshop);
}

export function receiptsByCard(pos: PosClient): DataLoader<string, Order[]> {
  return new DataLoader((cards) => eachKey(cards, async (card) => (await pos.listReceipts(card, HISTORY_START)).map(orderFromPosReceipt)));
}

async function allWebOrders(eshop: EshopClient, account: string): Promise<Order[]> {
  const orders: Order[] = [];
  for await (const page of ordersOf(webOrderPages(eshop, account))) orders.push(...page);
  return orders;
}
