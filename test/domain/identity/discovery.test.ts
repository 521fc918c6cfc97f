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
});
