import DataLoader from 'dataloader';
import type { Discovery } from '../../domain/identity/discovery';
import type { IdentityIndex } from '../../domain/identity/indexer';
import type { IdentityStore } from '../../domain/identity/store';
import type { BaseContext } from '../kit/server';
import type { CustomerModel } from './model';

export interface IdentityDeps {
  store: IdentityStore;
  discovery: Discovery;
  identityIndex: Pick<IdentityIndex, 'caughtUp'>;
}

export interface IdentityContext extends BaseContext, IdentityDeps {
  /** the access rules' view of who is who: here, the store itself */
  identity: IdentityStore;
  customerById: DataLoader<string, CustomerModel | null>;
}

export function identityContext(deps: IdentityDeps): Omit<IdentityContext, keyof BaseContext> {
  return {
    ...deps,
    identity: deps.store,
    // Ids handed out before a merge still resolve, to the surviving customer.
    customerById: new DataLoader(async (ids) => {
      const current = await Promise.all(ids.map((id) => deps.store.resolve(id)));
      const records = await deps.store.recordsOfMany(current.filter((id): id is string => id !== null));
      return current.map((id) => (id ? { id, records: records.get(id) ?? [] } : null));
    }),
  };
}
