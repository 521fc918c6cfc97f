import type { CrmClient } from '../../../adapters/crm/client';
import type { EshopClient } from '../../../adapters/eshop/client';
import type { LoyaltyClient } from '../../../adapters/loyalty/client';
import { Discovery } from '../../../domain/identity/discovery';
import type { IdentityStore } from '../../../domain/identity/store';
import { LegacyUnavailableError } from '../../../platform/errors';

const store = { observe: () => undefined } as unknown as IdentityStore;
const nobody = {
  crm: { searchContactsMany: async (queries: unknown[]) => queries.map(() => []) } as unknown as CrmClient,
  loyalty: { findMembers: async () => [], batchGetMembers: async () => [] } as unknown as LoyaltyClient,
};
const email = { kind: 'email', value: 'someone@example.fr' } as const;

describe('Discovery', () => {
  it('reports a silo that is down as failed, and answers what the others hold', async () => {
    const eshop = {
      findAccountsByEmail: async () => {
        throw new LegacyUnavailableError('eshop', 'down');
      },
    } as unknown as EshopClient;
    const result = await new Discovery({ ...nobody, eshop }, store, 60_000).discover([email]);
    expect([...result.failed]).toEqual(['eshop']);
  });

  it('does not pass a bug off as a silo outage: the error reaches the caller', async () => {
    const eshop = {
      findAccountsByEmail: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'toLowerCase')");
      },
    } as unknown as EshopClient;
    await expect(new Discovery({ ...nobody, eshop }, store, 60_000).discover([email])).rejects.toBeInstanceOf(TypeError);
  });

  it('does not fetch again by its card a member a search answered whole, and fetches the card an e-shop account names', async () => {
    const member = {
      card_number: '1234567812345678',
      email: 'someone@example.fr',
      phone_e164: null,
      first_name: 'A',
      last_name: 'B',
      enrolled_at: '2024-01-01T00:00:00Z',
    };
    const account = {
      id: 'A-1',
      email: 'someone@example.fr',
      loyalty_card: '8765432187654321',
      first_name: 'A',
      last_name: 'B',
      phone: null,
      created_at: '2024-01-01T00:00:00Z',
    };
    const fetched: string[][] = [];
    const loyalty = {
      findMembers: async ({ email: e }: { email?: string }) => (e === member.email ? [member] : []),
      batchGetMembers: async (cards: string[]) => (fetched.push(cards), []),
    } as unknown as LoyaltyClient;
    const eshop = { findAccountsByEmail: async () => [account] } as unknown as EshopClient;
    await new Discovery({ ...nobody, eshop, loyalty }, store, 60_000).discover([email]);
    expect(fetched).toEqual([[account.loyalty_card]]);
  });

  it('searches each key once in a look-up while a silo is down, however many records carry it', async () => {
    // a household: three members sharing the mailbox and the phone, each with a CRM contact
    const members = ['1111222233334444', '5555666677778888', '9999000011112222'].map((card, i) => ({
      card_number: card,
      email: email.value,
      phone_e164: '+33612345678',
      first_name: `P${i}`,
      last_name: 'B',
      enrolled_at: '2024-01-01T00:00:00Z',
    }));
    const contacts = members.map((m, i) => ({
      id: `C-${i}`,
      email: m.email,
      phone: '06 12 34 56 78',
      first_name: m.first_name,
      last_name: 'B',
      created_at: 1704067200,
    }));
    const searched: string[] = [];
    const loyalty = {
      findMembers: async (by: { email?: string; phone?: string }) => (searched.push(`loyalty ${JSON.stringify(by)}`), members),
      batchGetMembers: async (cards: string[]) => (searched.push(...cards.map((c) => `loyalty card ${c}`)), []),
    } as unknown as LoyaltyClient;
    const crm = {
      searchContactsMany: async (queries: unknown[]) => queries.map((q) => (searched.push(`crm ${JSON.stringify(q)}`), contacts)),
    } as unknown as CrmClient;
    const eshop = {
      findAccountsByEmail: async () => {
        throw new LegacyUnavailableError('eshop', 'down');
      },
    } as unknown as EshopClient;
    const result = await new Discovery({ eshop, crm, loyalty }, store, 60_000).discover([email]);
    expect([...result.failed]).toEqual(['eshop']);
    expect(searched.filter((call, i) => searched.indexOf(call) !== i)).toEqual([]);
  });

  it("keeps what a silo's other searches found when one of its searches fails, and reports the silo failed", async () => {
    const member = {
      card_number: '1234567812345678',
      email: email.value,
      phone_e164: '+33612345678',
      first_name: 'A',
      last_name: 'B',
      enrolled_at: '2024-01-01T00:00:00Z',
    };
    const contact = { id: 'C-1', email: email.value, phone: null, first_name: 'A', last_name: 'B', created_at: 1704067200 };
    const observed: string[] = [];
    const recording = {
      observe: async (records: { system: string; externalId: string }[]) =>
        void observed.push(...records.map((r) => `${r.system} ${r.externalId}`)),
    };
    // the loyalty platform answers the email search and fails the phone one; the CRM fails one query of its batch
    const loyalty = {
      findMembers: async ({ phone }: { phone?: string }) => {
        if (phone) throw new LegacyUnavailableError('loyalty', 'throttled');
        return [member];
      },
      batchGetMembers: async () => [],
    } as unknown as LoyaltyClient;
    const crm = {
      searchContactsMany: async (queries: { phone?: string }[]) =>
        queries.map((q) => (q.phone ? new LegacyUnavailableError('crm', 'one query failed') : [contact])),
    } as unknown as CrmClient;
    const eshop = { findAccountsByEmail: async () => [] } as unknown as EshopClient;
    const phone = { kind: 'phone', value: '+33612345678' } as const;
    const result = await new Discovery({ eshop, crm, loyalty }, recording as unknown as IdentityStore, 60_000).discover([email, phone]);
    expect([...result.failed].sort()).toEqual(['crm', 'loyalty']);
    expect(observed).toEqual(expect.arrayContaining([`loyalty ${member.card_number}`, 'crm C-1']));
  });
});
