// The orders subgraph reads what the project knows of an order beyond its legacy record (a pickup
// collected, a return, the list prices of a store sale) from the database. That read failing alone
// (the orders subgraph's database connection lost, served apart, or a query timing out) degrades
// those fields, with one SYSTEM_UNAVAILABLE (database) per field: the customer and their orders,
// read from the silos, still stand.
import { SagaStore } from '../../domain/orders/saga/store';
import { DatabaseUnavailableError } from '../../platform/errors';
import type { Stack } from '../../platform/tools/stack';
import { gql, inEverySilo, seeded, startTestStack } from './harness';

const { world, truth } = seeded();
const account = (id: string) => world.eshop.accounts.find((a) => a.id === id)!;
const buyer = truth.find((p) => inEverySilo(p) && world.eshop.orders.filter((o) => o.account_id === p.eshopAccountId).length >= 2)!;
const webOrders = world.eshop.orders.filter((o) => o.account_id === buyer.eshopAccountId && o.origin === 'web');

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());
afterEach(() => jest.restoreAllMocks());

const ORDERS = `query($id: ID!) { customer(id: $id) { id firstName orders(first: 50, channel: WEB) { edges { node {
  id status total { centAmount } discount { centAmount } lines { quantity } fulfillment { type } } } } } }`;

it("answers a customer's orders from the silos, their facts' fields degraded, when the facts cannot be read", async () => {
  const found = await gql(stack, 'query($e: String) { findCustomers(email: $e) { id } }', { e: account(buyer.eshopAccountId!).email });
  const id: string = found.data.findCustomers[0].id;
  jest.spyOn(SagaStore.prototype, 'orderFactsMany').mockRejectedValue(new DatabaseUnavailableError('connection reset'));

  const { data, errors } = await gql(stack, ORDERS, { id });
  expect(data.customer).toMatchObject({ id, firstName: account(buyer.eshopAccountId!).first_name });
  const shown = data.customer.orders.edges.map((e: { node: { id: string; total: { centAmount: number } } }) => e.node);
  expect(new Map(shown.map((o: { id: string; total: { centAmount: number } }) => [o.id, o.total.centAmount]))).toEqual(
    new Map(webOrders.map((o) => [o.id, Math.round(Number(o.total) * 100)])),
  );
  for (const order of shown) expect(order.status).toEqual(expect.any(String));
  expect(errors?.length).toBeGreaterThan(0);
  for (const error of errors!) {
    expect(error.extensions).toEqual(expect.objectContaining({ code: 'SYSTEM_UNAVAILABLE', system: 'database' }));
    expect(error.path?.slice(0, 4)).toEqual(['customer', 'orders', 'edges', expect.any(Number)]);
  }
  // once per field of the list, not once per order
  const fields = errors!.map((e) => e.path!.at(-1));
  expect(new Set(fields).size).toBe(fields.length);
});
