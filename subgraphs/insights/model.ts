export type { CustomerRef } from '../kit/customerRef';
