// Per-request CRM loaders: every contact's cases (or calls) of a request in one JSON-RPC batch.
import DataLoader from 'dataloader';
import type { CrmCallRecord, CrmClient } from '../../../adapters/crm/client';
import type { SupportCase } from '../../../domain/types';
import { supportCaseFromCrm } from '../../../adapters/crm/mapping';

export function casesByContact(crm: CrmClient): DataLoader<string, SupportCase[]> {
  return new DataLoader<string, SupportCase[]>(
    async (contactIds) => (await crm.listCasesMany([...contactIds])).map((r) => (r instanceof Error ? r : r.map(supportCaseFromCrm))),
    { maxBatchSize: 50 },
  );
}

export function callsByContact(crm: CrmClient): DataLoader<string, CrmCallRecord[]> {
  return new DataLoader<string, CrmCallRecord[]>(async (contactIds) => crm.listCallsMany([...contactIds]), { maxBatchSize: 50 });
}
