export type IdentityAction =
  | 'LINK'
  | 'UNLINK';

/** A key two records share, which the matching rules link them by. */
export type IdentityKey =
  | 'EMAIL'
  | 'FIRST_NAME'
  | 'LAST_NAME'
  | 'LOYALTY_CARD'
  | 'PHONE';

/** The legacy systems a record can come from. */
export type LegacySystem =
  | 'CRM'
  | 'ESHOP'
  | 'LOYALTY'
  | 'POS';
