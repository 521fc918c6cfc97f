// The people two silos can list, by reading their ids in the order they number them: e-shop
// accounts from A-10001, CRM contacts from C-000101 (legacy-systems.md: `GET /api/v2/customers/{id}`,
// `contact.get`, up to 50 in one JSON-RPC batch). Loyalty cannot be listed: its members are reached
// through the cards, emails and phones of the others. The identity index and the ROPO ingestion
// both read accounts through here.
import type { CrmClient } from '../../adapters/crm/client';
import type { CrmContact } from '../../adapters/crm/wire';
import type { EshopClient } from '../../adapters/eshop/client';
import type { EshopAccount } from '../../adapters/eshop/wire';
import { probeBatchesUntilGap, probeUntilGap } from '../../adapters/transport/sequence';

export const FIRST_ACCOUNT_NUMBER = 10001;
export const FIRST_CONTACT_NUMBER = 101;
/** Missing numbers in a row that end the list (a number may be burnt by a failed write). */
const MAX_ID_GAP = 20;

export interface Numbered<T> {
  number: number;
  record: T;
}

/** Reads accounts from number `first` on, handing each batch found to `save`; returns the last number found. */
export function readAccounts(
  first: number,
  getAccount: EshopClient['getAccount'],
  save: (found: Numbered<EshopAccount>[], lastFound: number) => Promise<void> | void,
): Promise<number> {
  const probe = async (number: number) => {
    const record = await getAccount(`A-${number}`);
    return record && { number, record };
  };
  return probeUntilGap(first, MAX_ID_GAP, probe, save);
}

/** Reads contacts from number `first` on, one JSON-RPC batch per step; returns the last number found. */
export function readContacts(
  first: number,
  getContactsMany: CrmClient['getContactsMany'],
  save: (found: Numbered<CrmContact>[], lastFound: number) => Promise<void> | void,
): Promise<number> {
  const probeMany = async (numbers: number[]) => {
    const outcomes = await getContactsMany(numbers.map((n) => `C-${String(n).padStart(6, '0')}`));
    return outcomes.map((outcome, i) => {
      if (outcome instanceof Error) throw outcome;
      return outcome && { number: numbers[i], record: outcome };
    });
  };
  return probeBatchesUntilGap(first, MAX_ID_GAP, probeMany, save);
}
