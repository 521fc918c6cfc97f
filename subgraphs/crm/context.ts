import DataLoader from 'dataloader';
import type { CrmClient } from '../../clients/crm';
import type { SupportCase } from '../../domain/types';
import { supportCaseFromCrm } from '../../mapping/crm';
import type { BaseContext } from '../server';

export interface CrmDeps {
  crm: CrmClient;
}

export interface CrmContext extends BaseContext, CrmDeps {
  casesByContact: DataLoader<string, SupportCase[]>;
}

export function crmContext(deps: CrmDeps): Omit<CrmContext, 'partial'> {
  return {
    ...deps,
    // Every contact's cases in one JSON-RPC batch.
    casesByContact: new DataLoader<string, SupportCase[]>(async (contactIds) => {
      const results = await deps.crm.listCasesMany([...contactIds]);
      return results.map((r) => (r instanceof Error ? r : r.map(supportCaseFromCrm)));
    }, { maxBatchSize: 50 }),
  };
}
