// What the rest of the project asks of who is who. The identity subgraph alone owns the identity
// store; everyone else depends on this port, which the subgraph layer implements over the identity
// subgraph's API (subgraphs/kit/identity-directory.ts) and the identity store implements as well.
import type { CustomerIds } from '../../platform/auth/rules';
import type { PersonRecord } from '../types';

/** A legacy record of a customer, by its system and id. */
export type RecordRef = Pick<PersonRecord, 'system' | 'externalId'>;

export interface CustomerDirectory extends CustomerIds {
  /** each customer id's current customer (an alias names its survivor) and its legacy records; unknown ids are left out */
  identitiesOf(customerIds: readonly string[]): Promise<Map<string, { id: string; records: RecordRef[] }>>;
  /** the customer holding a loyalty card: its member, or an account it was typed on (the oldest when agents split holders) */
  customerOfCard(card: string): Promise<string | null>;
  /** records read from a silo, for the matching rules */
  observe(records: readonly PersonRecord[]): Promise<void>;
}
