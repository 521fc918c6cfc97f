import { paidUnits } from '../../../domain/orders/paidUnits';
import { sameLines } from '../../../domain/orders/placeOrder';
import { orderStatus } from '../../../domain/orders/status';
import type { OrderFacts } from '../../../domain/orders/saga/store';

describe('paidUnits', () => {
  it('keeps an even line whole', () => {
    expect(paidUnits(3, 900)).toEqual([{ qty: 3, unitCents: 300 }]);
  });

  it('cuts an uneven line so the lines add up to the cent', () => {
    const lines = paidUnits(3, 1000);
    expect(lines).toEqual([
      { qty: 2, unitCents: 333 },
      { qty: 1, unitCents: 334 },
    ]);
    expect(lines.reduce((s, l) => s + l.qty * l.unitCents, 0)).toBe(1000);
  });

  it('handles a free line', () => {
    expect(paidUnits(2, 0)).toEqual([{ qty: 2, unitCents: 0 }]);
  });
});

describe('sameLines (an e-shop order whose creating call lost its answer, found again)', () => {
  const plan = {
    lines: [
      { sku: 'A', ean: '1', quantity: 3, listCents: 400, netCents: 1000 },
      { sku: 'B', ean: '2', quantity: 1, listCents: 500, netCents: 500 },
    ],
  };

  it('knows the order whatever the split of its lines at two prices, or their order', () => {
    expect(
      sameLines(
        [
          { sku: 'B', qty: 1 },
          { sku: 'A', qty: 2 },
          { sku: 'A', qty: 1 },
        ],
        plan,
      ),
    ).toBe(true);
  });

  it('tells another basket', () => {
    expect(sameLines([{ sku: 'A', qty: 3 }], plan)).toBe(false);
    expect(
      sameLines(
        [
          { sku: 'A', qty: 2 },
          { sku: 'B', qty: 1 },
        ],
        plan,
      ),
    ).toBe(false);
    expect(
      sameLines(
        [
          { sku: 'A', qty: 3 },
          { sku: 'B', qty: 1 },
          { sku: 'C', qty: 1 },
        ],
        plan,
      ),
    ).toBe(false);
  });
});

describe('orderStatus', () => {
  const facts = (f: Partial<OrderFacts>): OrderFacts => ({
    orderId: 'W-2026-000001',
    reservationId: null,
    pickupStore: null,
    collectedAt: null,
    orderedUnits: 4,
    returnedUnits: 0,
    deliveryAddress: null,
    voidedAt: null,
    priced: null,
    placedBy: null,
    owner: null,
    pointsEarned: null,
    ...f,
  });

  it('keeps the legacy status of orders the project knows nothing of', () => {
    expect(orderStatus('SHIPPED', undefined)).toBe('SHIPPED');
  });

  it('shows a paid order with its goods held as ready for pickup, and collected as completed', () => {
    expect(orderStatus('PAID', facts({ reservationId: 'RSV-1' }))).toBe('READY_FOR_PICKUP');
    expect(orderStatus('PAID', facts({ reservationId: 'RSV-1', collectedAt: '2026-11-25T10:00:00.000Z' }))).toBe('COMPLETED');
  });

  it('tells a partial return from a full one', () => {
    expect(orderStatus('PAID', facts({ returnedUnits: 1 }))).toBe('PARTIALLY_RETURNED');
    expect(orderStatus('PAID', facts({ returnedUnits: 4 }))).toBe('RETURNED');
  });

  it('shows a store sale its own saga took back as cancelled', () => {
    expect(orderStatus('COMPLETED', facts({ orderId: 'ST001-20261125-0003', voidedAt: '2026-11-25T10:00:00.000Z' }))).toBe('CANCELLED');
  });

  it('never hides a cancellation', () => {
    expect(orderStatus('CANCELLED', facts({ reservationId: 'RSV-1' }))).toBe('CANCELLED');
  });
});
