import { paidByLine, refundDue } from '../../../domain/orders/refunds';

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

describe('paidByLine', () => {
  const orderLine = (quantity: number, unitPriceCents: number) => ({ sku: null, ean: null, quantity, unitPriceCents, lineTotalCents: 0 });

  it("is each line's value less its share of the discount, prorated by value, rounded half to even", () => {
    // 12.50 + 3 x 1.20 = 16.10, less 1.61: 1.25 off the mug, 0.36 off the pens
    expect(paidByLine({ lines: [orderLine(1, 1250), orderLine(3, 120)], discountCents: 161, totalCents: 1449 })).toEqual([1125, 324]);
    // 10 x 100 / 400 = 2.5 cents off the first line: 2
    expect(paidByLine({ lines: [orderLine(1, 100), orderLine(1, 300)], discountCents: 10, totalCents: 390 })).toEqual([98, 292]);
  });

  it('gives the last line what is left, so that the lines add up to the total', () => {
    // 1.00 off three lines of 1.00: 0.33 off each of the first two, 0.34 off the last
    expect(paidByLine({ lines: [orderLine(1, 100), orderLine(1, 100), orderLine(1, 100)], discountCents: 100, totalCents: 200 })).toEqual([
      67, 67, 66,
    ]);
  });

  it("is the lines' value without a discount, and nothing for an order without lines", () => {
    expect(paidByLine({ lines: [orderLine(2, 333), orderLine(1, 334)], discountCents: 0, totalCents: 1000 })).toEqual([666, 334]);
    expect(paidByLine({ lines: [], discountCents: 0, totalCents: 0 })).toEqual([]);
  });
});
