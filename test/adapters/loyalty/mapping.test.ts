import type { LoyaltyMember, LoyaltyTxn } from '../../../adapters/loyalty/wire';
import { loyaltyAccountFromMember, loyaltyTransactionFromLoyalty, personFromLoyaltyMember } from '../../../adapters/loyalty/mapping';
import { jsonFixture } from '../../fixtures/legacy';

const member = jsonFixture<LoyaltyMember>('loyalty-member.json');

describe('loyalty members', () => {
  it('are people keyed by their card', () => {
    expect(personFromLoyaltyMember(member)).toEqual({
      system: 'loyalty',
      externalId: '4000123456781234',
      firstName: 'Marie',
      lastName: 'Dupont',
      email: 'marie.dupont@example.fr',
      phone: '+33612345678',
      card: '4000123456781234',
      createdAt: '2024-05-17T08:30:00.000Z',
    });
  });

  it('are accounts', () => {
    expect(loyaltyAccountFromMember(member)).toEqual({ cardNumber: '4000123456781234', tier: 'SILVER', pointsBalance: 1240 });
  });
});

describe('loyaltyTransactionFromLoyalty', () => {
  it('keeps signed points and the external reference', () => {
    const [burn, earn] = jsonFixture<{ transactions: Omit<LoyaltyTxn, 'card_number'>[] }>('loyalty-transactions.json').transactions;
    expect(loyaltyTransactionFromLoyalty(burn)).toEqual({
      id: 'T-9001',
      type: 'BURN',
      points: -200,
      channel: 'WEB',
      externalRef: 'W-2026-000123',
      at: '2026-11-03T18:21:06.000Z',
    });
    expect(loyaltyTransactionFromLoyalty(earn)).toMatchObject({ externalRef: null, at: '2026-11-01T13:32:10.000Z' });
  });
});
