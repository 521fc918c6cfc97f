import type { LegacySystem } from './generated';

/**
 * A Customer as the silo subgraphs receive it from the gateway: its id and, through
 * @requires, the legacy records the identity subgraph linked to it.
 */
export interface CustomerRef {
  id: string;
  identities?: { system: LegacySystem; externalId: string }[];
}

export function externalIds(customer: CustomerRef, system: LegacySystem): string[] {
  return (customer.identities ?? []).filter((i) => i.system === system).map((i) => i.externalId);
}
