export type IdentityAction =
  | 'LINK'
  | 'UNLINK';

/** The legacy systems a record can come from. */
export type LegacySystem =
  | 'CRM'
  | 'ESHOP'
  | 'LOYALTY'
  | 'POS';
