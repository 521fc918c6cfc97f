import { refundDue } from '../../../domain/orders/refunds';

const line = (key: string, qty: number, unitCents: number) => ({ key, qty, unitCents });
// 12.50 + 3 x 1.20 = 16.10, less 1.61: 14.49 paid
const order = { lines: [line('MUG', 1, 1250), line('PEN', 3, 120)], discountCents: 161, totalCents: 1449 };

describe('refundDue', () => {
  it('is what was paid for the units: their prices less the discount prorated by value', () => {
    expect(refundDue(order, { lines: [], cents: 0 }, [{ key: 'PEN', qty: 2 }])).toBe(216);
    expect(refundDue(order, { lines: [], cents: 0 }, [{ key: 'MUG', qty: 1 }])).toBe(1125);
  });

  it('rounds a share of the discount half to even', () => {
    // 10 x 100 / 400 = 2.5 cents: 2
    const halves = { lines: [line('A', 1, 100), line('B', 1, 300)], discountCents: 10, totalCents: 390 };
    expect(refundDue(halves, { lines: [], cents: 0 }, [{ key: 'A', qty: 1 }])).toBe(98);
  });

  it('gives the return of the last units what is left, so that the refunds add up to the total', () => {
    const before = { lines: [{ key: 'PEN', qty: 2 }], cents: 216 };
    expect(
      refundDue(order, before, [
        { key: 'PEN', qty: 1 },
        { key: 'MUG', qty: 1 },
      ]),
    ).toBe(1449 - 216);
  });

  it('takes the units of a product in the order of its lines, each at its price', () => {
    const split = { lines: [line('A', 2, 333), line('A', 1, 334)], discountCents: 0, totalCents: 1000 };
    expect(refundDue(split, { lines: [], cents: 0 }, [{ key: 'A', qty: 2 }])).toBe(666);
    expect(refundDue(split, { lines: [{ key: 'A', qty: 2 }], cents: 666 }, [{ key: 'A', qty: 1 }])).toBe(334);
  });
});
