// A customer's history read from every silo and from the orders subgraph's after-sale facts: the
// facts asked once for every customer of a request, and their failure a gap of its own, not the
// whole history's.
import DataLoader from 'dataloader';
import type { AfterSale } from '../../../domain/journey/timeline';
import type { Order } from '../../../domain/types';
import { SubgraphCallError } from '../../../platform/errors';
import { afterSalesLoader, type InsightsContext } from '../../../subgraphs/insights/context';
import { customerHistory } from '../../../subgraphs/insights/history';

const order = (id: string, account: string): Order => ({
  id,
  system: 'eshop',
  channel: 'WEB',
  placedAt: '2026-11-02T10:00:00.000Z',
  status: 'COMPLETED',
  lines: [],
  discountCents: 0,
  totalCents: 1000,
  fulfillment: { type: 'STORE_PICKUP', storeId: 'ST042', address: null },
  promoCodes: [],
  owner: { system: 'eshop', externalId: account },
});

const none = <V>() => new DataLoader<string, V[]>(async (keys) => keys.map(() => []));

function context(afterSalesOf: (ids: readonly string[]) => Promise<AfterSale[]>): InsightsContext {
  return {
    webOrders: new DataLoader<string, Order[]>(async (accounts) => accounts.map((a) => [order(`W-${a}`, a)])),
    receipts: none(),
    cases: none(),
    calls: none(),
    ledgers: none(),
    browsing: none(),
    afterSales: afterSalesLoader(afterSalesOf),
    histories: new Map(),
  } as unknown as InsightsContext;
}

const customer = (account: string) => ({ id: `cus_${account}`, identities: [{ system: 'ESHOP' as const, externalId: account }] });

it("asks the orders subgraph once for the after-sale facts of every customer of the request, and adds them to each one's history", async () => {
  const asked: string[][] = [];
  const ctx = context(async (ids) => {
    asked.push([...ids]);
    return [{ orderId: 'W-A-1', storeId: 'ST042', collectedAt: '2026-11-03T15:00:00.000Z', returns: [] }];
  });
  const [first, second] = await Promise.all([customerHistory(ctx, customer('A-1')), customerHistory(ctx, customer('A-2'))]);
  expect(asked).toEqual([['W-A-1', 'W-A-2']]);
  expect(first.events.map((e) => [e.kind, e.orderId])).toEqual([
    ['PICKUP', 'W-A-1'],
    ['WEB_ORDER', 'W-A-1'],
  ]);
  expect(second.events.map((e) => e.kind)).toEqual(['WEB_ORDER']);
  expect(first.gaps).toEqual([]);
});

it('keeps the history when the orders subgraph fails, with a gap for the store activity it holds', async () => {
  const failure = new SubgraphCallError('orders', 'no answer within 5000 ms');
  const history = await customerHistory(
    context(() => Promise.reject(failure)),
    customer('A-1'),
  );
  expect(history.events.map((e) => e.kind)).toEqual(['WEB_ORDER']);
  expect(history.gaps).toEqual([{ error: failure, orders: [], activity: ['STORE'] }]);
  // the web order's figures stand; the store's latest activity is unknown, not "none"
  const web = history.summary.find((s) => s.channel === 'WEB')!;
  expect(web).toMatchObject({ orders: 1, spendCents: 1000, lastActivityAt: '2026-11-02T10:00:00.000Z' });
  expect(history.summary.find((s) => s.channel === 'STORE')).toMatchObject({ orders: 0, lastActivityAt: null });
  const known = await customerHistory(
    context(async () => []),
    customer('A-1'),
  );
  expect(known.summary.find((s) => s.channel === 'STORE')).toMatchObject({ orders: 0, lastActivityAt: null });
  expect(known.gaps).toEqual([]);
});
