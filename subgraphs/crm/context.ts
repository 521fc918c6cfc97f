import type DataLoader from 'dataloader';
import type { CrmClient } from '../../adapters/crm/client';
import type { ClosedCases } from '../../domain/cases/closed-cases';
import type { CustomerDirectory } from '../../domain/identity/directory';
import type { Call, SupportCase } from '../../domain/types';
import { callsByContact, casesByContact } from '../kit/loaders/crm';
import type { BaseContext } from '../kit/server';

export interface CrmDeps {
  crm: CrmClient;
  /** whose CRM contact a customer is: a directory per request (pieces.ts says why) */
  identityDirectory: () => CustomerDirectory;
  closedCases: ClosedCases;
}

export interface CrmContext extends BaseContext, CrmDeps {
  identity: CustomerDirectory;
  casesByContact: DataLoader<string, SupportCase[]>;
  callsByContact: DataLoader<string, Call[]>;
}

export function crmContext(deps: CrmDeps): Omit<CrmContext, keyof BaseContext> {
  return {
    ...deps,
    identity: deps.identityDirectory(),
    casesByContact: casesByContact(deps.crm),
    callsByContact: callsByContact(deps.crm),
  };
}
