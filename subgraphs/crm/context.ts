import type DataLoader from 'dataloader';
import type { CrmClient } from '../../adapters/crm/client';
import type { CustomerDirectory } from '../../domain/identity/directory';
import type { SupportCase } from '../../domain/types';
import { casesByContact } from '../kit/loaders/crm';
import type { BaseContext } from '../kit/server';

export interface CrmDeps {
  crm: CrmClient;
  /** whose CRM contact a customer is */
  identity: CustomerDirectory;
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
