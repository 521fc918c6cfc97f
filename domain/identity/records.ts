// Reading a customer's linked legacy records: those a system holds, or the first (a loyalty
// record's id is the card, a CRM record's the contact, an e-shop record's the account).
import type { RecordRef } from './directory';
import type { System } from '../../platform/errors';

export function externalIdsIn(records: readonly RecordRef[], system: System): string[] {
  return records.filter((r) => r.system === system).map((r) => r.externalId);
}

export function externalIdIn(records: readonly RecordRef[], system: System): string | null {
  return externalIdsIn(records, system)[0] ?? null;
}
