import DataLoader from 'dataloader';
import type { Discovery } from '../../domain/identity/discovery';
import type { IdentityIndex } from '../../domain/identity/indexer';
import type { IdentityStore, RecordRef } from '../../domain/identity/store';
import type { BaseContext } from '../kit/server';
import type { CustomerModel } from './model';

export interface IdentityDeps {
  store: IdentityStore;
  discovery: Discovery;
  identityIndex: Pick<IdentityIndex, 'complete'>;
  /** how long a look-up by phone or name waits for the index's pass under way */
  indexWaitMs: number;
}

export interface IdentityContext extends BaseContext, IdentityDeps {
  /** the access rules' view of who is who: here, the store itself */
  identity: IdentityStore;
  customerById: DataLoader<string, CustomerModel | null>;
  /** whose each legacy record is: the orders of a list resolved in one query */
  customerOfRecord: DataLoader<RecordRef, string | null, string>;
}

export function identityContext(deps: IdentityDeps): Omit<IdentityContext, keyof BaseContext> {
  return {
    ...deps,
    identity: deps.store,
    // Ids handed out before a merge still resolve, to the surviving customer.
    customerById: new DataLoader(async (ids) => {
      const found = await deps.store.identitiesOf(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    customerOfRecord: new DataLoader((refs) => deps.store.customersOfRecords(refs), {
      cacheKeyFn: (ref) => `${ref.system}:${ref.externalId}`,
    }),
  };
}
