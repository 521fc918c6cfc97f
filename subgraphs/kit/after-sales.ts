// What followed the sale of orders placed through the graph (hand-over, returns), for a customer's
// journey: the orders subgraph owns those facts, and answers them through its API.
import type { AfterSale } from '../../domain/journey/timeline';
import type { SubgraphClient } from './graph-client';

const AFTER_SALES = `query OrderAfterSales($orderIds: [ID!]!) { orderAfterSales(orderIds: $orderIds) { orderId storeId collectedAt returns { at storeId } } }`;

export const afterSalesOf =
  (graph: SubgraphClient) =>
  async (orderIds: readonly string[]): Promise<AfterSale[]> =>
    orderIds.length === 0
      ? []
      : (await graph.request<{ orderAfterSales: AfterSale[] }>('orders', AFTER_SALES, { orderIds })).orderAfterSales;
