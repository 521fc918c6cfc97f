// ropoReport through the gateway, every figure a dashboard asks for, against the plain computation
// over everything the simulators hold (./ropo-reference.ts): revenue as Money, stores as references.
import type { RopoReport } from '../../domain/journey/ropo';
import type { Stack } from '../../platform/tools/stack';
import { dump, gql, startTestStack } from './harness';
import { expectedRopo } from './ropo-reference';

const FIGURES = `storePurchases ropoPurchases ropoRate webPurchases showroomingPurchases showroomingRate
  storeRevenue { centAmount currencyCode } ropoRevenue { centAmount currencyCode }
  webRevenue { centAmount currencyCode } showroomingRevenue { centAmount currencyCode }`;
const REPORT = `query($from: DateTime!, $to: DateTime!, $lookbackDays: Int) {
  ropoReport(from: $from, to: $to, lookbackDays: $lookbackDays) {
    from to lookbackDays ${FIGURES}
    byCategory { category ${FIGURES} }
    byStore { store { id } storePurchases ropoPurchases ropoRate showroomingPurchases
      storeRevenue { centAmount currencyCode } ropoRevenue { centAmount currencyCode } }
    byWeek { weekStart ${FIGURES} }
  }
}`;

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

/** The report as the graph gives it: cents as Money in EUR, a store as its reference. */
function asGraph(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asGraph);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      if (key.endsWith('Cents')) return [key.slice(0, -'Cents'.length), { centAmount: v, currencyCode: 'EUR' }];
      if (key === 'storeId') return ['store', { id: v }];
      return [key, asGraph(v)];
    }),
  );
}

async function expected(from: string, to: string, lookbackDays: number): Promise<RopoReport> {
  const [eshop, pos, loyalty, crm] = await Promise.all([
    dump(stack, 'eshop'),
    dump(stack, 'pos'),
    dump(stack, 'loyalty'),
    dump(stack, 'crm'),
  ]);
  return expectedRopo({ eshop, pos, loyalty, crm }, new Date(from), new Date(to), lookbackDays);
}

const cents = (money: { centAmount: number }) => money.centAmount;

describe('ropoReport through the gateway', () => {
  // three months across the autumn change of time (25 October 2026)
  const from = '2026-08-20T00:00:00.000Z';
  const to = '2026-11-20T00:00:00.000Z';

  it.each([30, 7])(
    'gives every figure, by category, store and week, as the simulators hold them (lookback %i days)',
    async (lookbackDays) => {
      const { data, errors } = await gql(stack, REPORT, { from, to, lookbackDays }, { as: 'agent' });
      expect(errors).toBeUndefined();
      const report = data.ropoReport;
      const truth = await expected(from, to, lookbackDays);
      expect(report).toEqual(asGraph(truth));
      expect(truth.ropoPurchases * truth.showroomingPurchases * truth.ropoRevenueCents).toBeGreaterThan(0);

      // the breakdowns add up to the report
      const sum = (rows: any[], figure: (row: any) => number) => rows.reduce((n, row) => n + figure(row), 0);
      for (const key of ['storePurchases', 'ropoPurchases', 'showroomingPurchases']) {
        expect([key, sum(report.byStore, (s) => s[key])]).toEqual([key, report[key]]);
        expect([key, sum(report.byWeek, (w) => w[key])]).toEqual([key, report[key]]);
      }
      for (const key of ['storeRevenue', 'ropoRevenue']) {
        expect([key, sum(report.byStore, (s) => cents(s[key]))]).toEqual([key, cents(report[key])]);
      }
      for (const key of ['webPurchases', 'storeRevenue', 'ropoRevenue', 'webRevenue', 'showroomingRevenue']) {
        const figure = (row: any) => (typeof row[key] === 'number' ? row[key] : cents(row[key]));
        expect([key, sum(report.byWeek, figure)]).toEqual([key, figure(report)]);
      }
      // Monday 17 August 2026 (summer time) to Monday 16 November (winter time), oldest first
      expect(report.byWeek).toHaveLength(14);
      expect(report.byWeek[0].weekStart).toBe('2026-08-16T22:00:00.000Z');
      expect(report.byWeek.at(-1).weekStart).toBe('2026-11-15T23:00:00.000Z');
    },
    // the first report reads the seed's history from the silos
    180_000,
  );

  it("names each store from the POS's own list: a Store of the pos subgraph", async () => {
    const q = `query($from: DateTime!, $to: DateTime!) { ropoReport(from: $from, to: $to, lookbackDays: 7) { byStore { store { id name } } } }`;
    const { data, errors } = await gql(stack, q, { from, to }, { as: 'agent' });
    expect(errors).toBeUndefined();
    const names = new Map<string, string>((await dump(stack, 'pos')).stores.map((s: any) => [s.code, s.name]));
    expect(data.ropoReport.byStore.length).toBeGreaterThan(0);
    for (const { store } of data.ropoReport.byStore) expect(store.name).toBe(names.get(store.id));
  });

  it('gives zeros and every week of a period without purchases', async () => {
    const empty = { from: '2026-11-22T00:00:00.000Z', to: '2026-12-13T00:00:00.000Z' };
    const { data, errors } = await gql(stack, REPORT, { ...empty, lookbackDays: 7 }, { as: 'agent' });
    expect(errors).toBeUndefined();
    const zero = { centAmount: 0, currencyCode: 'EUR' };
    const nothing = {
      storePurchases: 0,
      ropoPurchases: 0,
      ropoRate: 0,
      webPurchases: 0,
      showroomingPurchases: 0,
      showroomingRate: 0,
      storeRevenue: zero,
      ropoRevenue: zero,
      webRevenue: zero,
      showroomingRevenue: zero,
    };
    expect(data.ropoReport).toEqual({
      ...empty,
      lookbackDays: 7,
      ...nothing,
      byCategory: [],
      byStore: [],
      byWeek: ['2026-11-15T23:00:00.000Z', '2026-11-22T23:00:00.000Z', '2026-11-29T23:00:00.000Z', '2026-12-06T23:00:00.000Z'].map(
        (weekStart) => ({ weekStart, ...nothing }),
      ),
    });
    expect(data.ropoReport).toEqual(asGraph(await expected(empty.from, empty.to, 7)));
  });

  it.each([
    ['a reversed period', { from: to, to: from, lookbackDays: 7 }],
    ['a period longer than three years', { from: '2024-01-01T00:00:00Z', to: '2027-01-02T00:00:00Z', lookbackDays: 7 }],
    ['a lookback of more than a year', { from, to, lookbackDays: 366 }],
    ['a negative lookback', { from, to, lookbackDays: -1 }],
  ])('refuses %s with BAD_USER_INPUT', async (_, variables) => {
    const { data, errors } = await gql(stack, REPORT, variables, { as: 'agent' });
    expect(data).toBeNull();
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
