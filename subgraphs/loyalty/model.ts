import type { CustomerRef } from '../kit/customerRef';

export type { CustomerRef };

/** An Order as the loyalty subgraph receives it: its id and, through @requires, its customer's records. */
export interface OrderRef {
  id: string;
  customer?: CustomerRef | null;
}
