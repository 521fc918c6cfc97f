import type { Order } from '../../../domain/types';
import {
  browsingEvents,
  callEvents,
  caseEvents,
  channelSummary,
  loyaltyEvents,
  orderEvents,
  preferredChannel,
  timeline,
} from '../../../domain/journey/timeline';

const order = (id: string, channel: Order['channel'], placedAt: string, totalCents: number, status: Order['status'] = 'PAID'): Order => ({
  id,
  system: channel === 'STORE' ? 'pos' : 'eshop',
  channel,
  placedAt,
  status,
  lines: [],
  discountCents: 0,
  totalCents,
  fulfillment: { type: channel === 'STORE' ? 'IN_STORE' : 'HOME_DELIVERY', storeId: channel === 'STORE' ? 'ST042' : null, address: null },
  promoCodes: [],
  owner: null,
});

describe('journey timeline', () => {
  const events = timeline([
    ...browsingEvents('A-1', [
      { type: 'product_view', sku: 'SKU-1', store_code: null, at: '2026-11-01T10:00:00Z' },
      { type: 'availability_check', sku: 'SKU-1', store_code: '042', at: '2026-11-01T10:05:00Z' },
      { type: 'product_view', sku: 'SKU-1', store_code: null, at: '2026-11-01T10:00:00Z' },
    ]),
    ...orderEvents([
      order('ST042-20261103-0001', 'STORE', '2026-11-03T15:00:00.000Z', 4999),
      order('W-2026-000001', 'CALL_CENTER', '2026-10-01T09:00:00.000Z', 1000),
    ]),
    ...callEvents([
      { id: 'CL-1', contactId: 'C-000001', at: '2025-10-01T09:00:00.000Z', durationSeconds: 60, agent: 'x', reason: 'delivery' },
    ]),
    ...caseEvents([
      {
        id: 'K-1',
        contactId: 'C-1',
        subject: 'Late',
        body: '',
        status: 'CLOSED',
        channel: 'STORE',
        openedAt: '2026-10-02T00:00:00.000Z',
        closedAt: '2026-10-05T00:00:00.000Z',
      },
    ]),
    ...loyaltyEvents([
      { id: 'TX-1', type: 'EARN', points: 49, channel: 'STORE', externalRef: 'ST042-20261103-0001', at: '2026-11-03T15:00:01.000Z' },
    ]),
  ]);

  it('is newest first, each silo event with its channel and kind', () => {
    expect(events.map((e) => [e.kind, e.channel])).toEqual([
      ['LOYALTY_EARN', 'STORE'],
      ['STORE_PURCHASE', 'STORE'],
      ['AVAILABILITY_CHECK', 'WEB'],
      ['PRODUCT_VIEW', 'WEB'],
      ['PRODUCT_VIEW', 'WEB'],
      ['CASE_CLOSED', 'STORE'],
      ['CASE_OPENED', 'STORE'],
      ['PHONE_ORDER', 'CALL_CENTER'],
      ['CALL', 'CALL_CENTER'],
    ]);
    expect(events.every((e, i) => i === 0 || events[i - 1].at >= e.at)).toBe(true);
  });

  it('keeps the product, the store and the order of each event, in canonical forms', () => {
    const check = events.find((e) => e.kind === 'AVAILABILITY_CHECK')!;
    expect(check).toMatchObject({ sku: 'SKU-1', storeId: 'ST042', at: '2026-11-01T10:05:00.000Z' });
    expect(events.find((e) => e.kind === 'STORE_PURCHASE')).toMatchObject({ orderId: 'ST042-20261103-0001', storeId: 'ST042' });
    expect(events.find((e) => e.kind === 'CALL')).toMatchObject({ at: '2025-10-01T09:00:00.000Z', detail: 'delivery' });
  });

  it('gives two identical events two ids, so a cursor never skips one', () => {
    const views = events.filter((e) => e.kind === 'PRODUCT_VIEW');
    expect(new Set(views.map((e) => e.id)).size).toBe(2);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });
});

describe('channel summary and preferred channel', () => {
  const orders = [
    order('W-1', 'WEB', '2026-01-01T00:00:00.000Z', 1000),
    order('W-2', 'WEB', '2026-02-01T00:00:00.000Z', 2000),
    order('W-3', 'WEB', '2026-03-01T00:00:00.000Z', 9999, 'CANCELLED'),
    order('ST001-20260401-0001', 'STORE', '2026-04-01T00:00:00.000Z', 500),
  ];

  it('counts orders and spend per channel, cancelled ones left out, with the last activity', () => {
    const summary = channelSummary(orders, timeline(orderEvents(orders)));
    expect(summary).toEqual([
      { channel: 'WEB', orders: 2, spendCents: 3000, lastActivityAt: '2026-03-01T00:00:00.000Z' },
      { channel: 'STORE', orders: 1, spendCents: 500, lastActivityAt: '2026-04-01T00:00:00.000Z' },
      { channel: 'CALL_CENTER', orders: 0, spendCents: 0, lastActivityAt: null },
    ]);
    expect(preferredChannel(summary)).toBe('WEB');
  });

  it('breaks a tie by the latest activity, and has no preference without orders', () => {
    const tie = [order('W-1', 'WEB', '2026-01-01T00:00:00.000Z', 1), order('ST001-20260401-0001', 'STORE', '2026-04-01T00:00:00.000Z', 1)];
    expect(preferredChannel(channelSummary(tie, timeline(orderEvents(tie))))).toBe('STORE');
    expect(preferredChannel(channelSummary([], []))).toBeNull();
  });
});
