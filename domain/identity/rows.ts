// The link store's rows as the database holds them.
import { randomBytes } from 'node:crypto';
import type { Instant, PersonRecord } from '../types';
import type { System } from '../../platform/errors';
import { cluster, type MatchReason } from './match';

/** How a record came into its customer: created it, matched a record, came along in a merge, or by hand. */
export type LinkReason = MatchReason | 'new' | 'merge' | 'manual';

export interface RecordRow {
  id: number;
  system: System;
  external_id: string;
  customer_id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  card: string | null;
  created_at: Instant | null;
  link_reason: LinkReason;
  linked_via: number | null;
  linked_at: Instant;
}

export function toPersonRecord(row: RecordRow): PersonRecord {
  return {
    system: row.system,
    externalId: row.external_id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    card: row.card,
    createdAt: row.created_at,
  };
}

export const newCustomerId = (): string => `cus_${randomBytes(8).toString('hex')}`;

/** Rows grouped into people by the matching rules, each group in row order, groups by their first row. */
export function clusterRows(rows: readonly RecordRow[]): RecordRow[][] {
  const byKey = new Map(rows.map((row) => [`${row.system}/${row.external_id}`, row]));
  return cluster(rows.map(toPersonRecord))
    .map((group) => group.map((r) => byKey.get(`${r.system}/${r.externalId}`)!).sort((a, b) => a.id - b.id))
    .sort((a, b) => a[0].id - b[0].id);
}
