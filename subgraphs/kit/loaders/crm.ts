// Per-request CRM loaders: every contact's cases (or calls) of a request in one JSON-RPC batch.
import DataLoader from 'dataloader';
import type { CrmClient } from '../../../adapters/crm/client';
import type { Call, SupportCase } from '../../../domain/types';
import { callFromCrm, supportCaseFromCrm } from '../../../adapters/crm/mapping';

export function casesByContact(crm: CrmClient): DataLoader<string, SupportCase[]> {
  return new DataLoader<string, SupportCase[]>(
    async (contactIds) => (await crm.listCasesMany([...contactIds])).map((r) => (r instanceof Error ? r : r.map(supportCaseFromCrm))),
    { maxBatchSize: 50 },
  );
}

export function callsByContact(crm: CrmClient): DataLoader<string, Call[]> {
  return new DataLoader<string, Call[]>(
    async (contactIds) =>
      (await crm.listCallsMany([...contactIds])).map((r, i) =>
        r instanceof Error ? r : r.map((call) => callFromCrm(call, contactIds[i])),
      ),
    { maxBatchSize: 50 },
  );
}
