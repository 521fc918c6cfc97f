// Who is calling: the claims of a verified token, reduced to what the rules decide on.
import { isStoreId } from '../../domain/canonical/store';

export const ROLES = ['customer', 'agent', 'store', 'service'] as const;
export type Role = (typeof ROLES)[number];

export interface Caller {
  /** a customer's id (cus_...) for a customer; whoever the issuer names for the others */
  sub: string;
  role: Role;
  /** the store a member of store staff works in (ST042) */
  storeId?: string;
}

const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** The caller some verified claims name; null when they name none (no subject, an unknown role, a store without its store). */
export function callerFromClaims(claims: Record<string, unknown>): Caller | null {
  const { sub, role, storeId } = claims;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200 || !isRole(role)) return null;
  if (role !== 'store') return { sub, role };
  return typeof storeId === 'string' && isStoreId(storeId) ? { sub, role, storeId } : null;
}
