import type DataLoader from 'dataloader';
import type { CrmClient } from '../../clients/crm';
import type { IdentityStore } from '../../identity/store';
import type { SupportCase } from '../../domain/types';
import { casesByContact } from '../../loaders/crm';
import type { BaseContext } from '../server';

export interface CrmDeps {
  crm: CrmClient;
  /** whose CRM contact a customer is */
  store: IdentityStore;
}

export interface CrmContext extends BaseContext, CrmDeps {
  casesByContact: DataLoader<string, SupportCase[]>;
}

export function crmContext(deps: CrmDeps): Omit<CrmContext, keyof BaseContext> {
  return {
    ...deps,
    casesByContact: casesByContact(deps.crm),
  };
}
