import type { PersonRecord } from '../../domain/types';

/** A customer as the identity store knows it: the project's id and the linked legacy records. */
export interface CustomerModel {
  id: string;
  records: PersonRecord[];
}

/** The Order fields the identity subgraph receives through @requires. */
export interface OrderRef {
  id: string;
  placedBy?: { system: string; externalId: string } | null;
}
