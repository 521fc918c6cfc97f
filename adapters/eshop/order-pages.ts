// An account's web orders, a page at a time, newest first (the e-shop's own order): a reader
// stops at the page it needs instead of reading the account's whole history.
import type { EshopClient } from './client';
import type { EshopOrder } from './wire';

/** The e-shop's largest page. */
export const MAX_ORDERS_PER_PAGE = 100;

export async function* webOrderPages(eshop: EshopClient, accountId: string, perPage = MAX_ORDERS_PER_PAGE): AsyncGenerator<EshopOrder[]> {
  for (let page = 1; ; page++) {
    const { data, meta } = await eshop.listOrders(accountId, page, perPage);
    if (data.length > 0) yield data;
    if (page * perPage >= meta.total || data.length === 0) return;
  }
}
