import { storeSaleOwner, withRecordedOwner } from '../../../domain/orders/owner';
import type { Order } from '../../../domain/types';

describe('storeSaleOwner (whose a store sale is when its receipt names no one)', () => {
  const account = { system: 'eshop', externalId: 'A-10001' } as const;
  const contact = { system: 'crm', externalId: 'C-20001' } as const;
  const card = { system: 'loyalty', externalId: '4000123412341234' } as const;

  it("is the customer's e-shop account for a card-less sale, whatever else they hold", () => {
    expect(storeSaleOwner({ kind: 'storeSale', card: null }, [contact, account])).toEqual(account);
  });

  it('is their CRM contact when they have no e-shop account', () => {
    expect(storeSaleOwner({ kind: 'storeSale', card: null }, [contact])).toEqual(contact);
  });

  it('is no one when the receipt carries the card (the card owns it), or for an e-shop order (its account owns it)', () => {
    expect(storeSaleOwner({ kind: 'storeSale', card: card.externalId }, [account, contact, card])).toBeNull();
    expect(storeSaleOwner({ kind: 'web', card: null }, [account])).toBeNull();
    expect(storeSaleOwner({ kind: 'pickup', card: null }, [account])).toBeNull();
  });

  it('is no one when the customer has neither', () => {
    expect(storeSaleOwner({ kind: 'storeSale', card: null }, [])).toBeNull();
  });
});

describe('withRecordedOwner (an order as the project knows it)', () => {
  const sale = (owner: Order['owner']): Order => ({
    id: 'ST001-20261125-0001',
    system: 'pos',
    channel: 'STORE',
    placedAt: '2026-11-25T10:00:00.000Z',
    status: 'PAID',
    lines: [],
    discountCents: 0,
    totalCents: 0,
    fulfillment: { type: 'HOME_DELIVERY', storeId: 'ST001', address: null },
    promoCodes: [],
    owner,
  });
  const recorded = { system: 'eshop', externalId: 'A-10001' } as const;

  it('takes the owner recorded when the legacy record names none', () => {
    expect(withRecordedOwner(sale(null), recorded).owner).toEqual(recorded);
  });

  it("keeps the legacy record's own owner, and an order nobody recorded as no one's", () => {
    const byCard = { system: 'loyalty', externalId: '4000123412341234' } as const;
    expect(withRecordedOwner(sale(byCard), recorded).owner).toEqual(byCard);
    expect(withRecordedOwner(sale(null), null).owner).toBeNull();
    expect(withRecordedOwner(sale(null), undefined).owner).toBeNull();
  });
});
