export type { CustomerRef } from '../customerRef';
