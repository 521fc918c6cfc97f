// Reading a customer's linked legacy records: the first one a system holds (a loyalty record's
// id is the card, a CRM record's the contact, an e-shop record's the account).
import type { RecordRef } from './directory';
import type { System } from '../../platform/errors';

export function externalIdIn(records: readonly RecordRef[], system: System): string | null {
  return records.find((r) => r.system === system)?.externalId ?? null;
}
