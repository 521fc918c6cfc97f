import { decodeReceipt, decodeReceipts, decodeStock, decodeStores, parsePosXml } from '../../../adapters/pos/xml';
import { orderFromPosReceipt, stockLevelFromPos, storeFromPos } from '../../../adapters/pos/mapping';
import { fixture } from '../../fixtures/legacy';

describe('storeFromPos', () => {
  const [rivoli, lyon] = decodeStores(parsePosXml(fixture('pos-stores.xml'))).map(storeFromPos);

  it('maps address, E.164 phone and opening days', () => {
    expect(rivoli).toEqual({
      id: 'ST042',
      name: 'Paris Rivoli & Halles',
      address: { street: '10 rue de Rivoli', zip: '75004', city: 'Paris' },
      phone: '+33142000042',
      openingHours: [
        { day: 'MONDAY', opens: '09:00', closes: '19:30' },
        { day: 'TUESDAY', opens: '09:00', closes: '19:30' },
        { day: 'SATURDAY', opens: '10:00', closes: '20:00' },
      ],
    });
  });

  it('has no phone when the POS has none', () => {
    expect(lyon.phone).toBeNull();
    expect(lyon.openingHours).toEqual([{ day: 'WEDNESDAY', opens: '10:00', closes: '18:00' }]);
  });
});

describe('stockLevelFromPos', () => {
  it('subtracts what is reserved, never below zero', () => {
    const levels = decodeStock(parsePosXml(fixture('pos-stock.xml')), 'ST042').map(stockLevelFromPos);
    expect(levels).toEqual([
      { storeId: 'ST042', ean: '3017620422003', onHand: 3, reserved: 1, available: 2 },
      { storeId: 'ST042', ean: '0012345678905', onHand: 1, reserved: 2, available: 0 },
    ]);
  });
});

describe('orderFromPosReceipt', () => {
  const [inStore, deliveredHome] = decodeReceipts(parsePosXml(fixture('pos-receipts.xml')));

  it('maps a till receipt to a completed store order owned by the loyalty card', () => {
    expect(orderFromPosReceipt(inStore)).toEqual({
      id: 'ST042-20261101-0042',
      system: 'pos',
      channel: 'STORE',
      placedAt: '2026-11-01T13:32:10.000Z',
      status: 'COMPLETED',
      lines: [
        { sku: null, ean: '3017620422003', quantity: 1, unitPriceCents: 3790, lineTotalCents: 3790 },
        { sku: null, ean: '0012345678905', quantity: 2, unitPriceCents: 500, lineTotalCents: 1000 },
      ],
      discountCents: 200,
      totalCents: 4590,
      fulfillment: { type: 'IN_STORE', storeId: 'ST042', address: null },
      promoCodes: [],
      owner: { system: 'loyalty', externalId: '4000123456781234' },
    });
  });

  it('maps a sale shipped home, paid and not yet known to be delivered, written in the autumn DST overlap', () => {
    expect(orderFromPosReceipt(deliveredHome)).toMatchObject({
      status: 'PAID',
      placedAt: '2026-10-25T00:30:00.000Z',
      discountCents: 0,
      fulfillment: { type: 'HOME_DELIVERY', storeId: 'ST042', address: null },
    });
  });

  it('has no owner without a card, and summer time is UTC+2', () => {
    const receipt = decodeReceipt(parsePosXml(fixture('pos-receipt.xml')));
    expect(orderFromPosReceipt(receipt)).toMatchObject({ owner: null, placedAt: '2026-07-14T09:05:00.000Z', totalCents: 1500 });
  });
});
