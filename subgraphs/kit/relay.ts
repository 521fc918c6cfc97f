// Relay connections: opaque cursors and the `first`/`after` rules shared by every list.
import { badInput } from '../../platform/errors';

export const MAX_PAGE_SIZE = 100;

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  if (encodeCursor(value) !== cursor) throw badInput('Invalid cursor');
  return value;
}

export function pageSize(first: number | null | undefined, fallback: number): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return n;
}

/** Offset cursors, for lists whose order is stable (the catalogue). */
export function decodeOffset(after: string | null | undefined): number {
  if (!after) return 0;
  const offset = Number(decodeCursor(after));
  if (!Number.isInteger(offset) || offset < 0) throw badInput('Invalid cursor');
  return offset + 1;
}

export function offsetConnection<T>(items: T[], start: number, hasNextPage: boolean): Connection<T> {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(String(start + i)), node }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** Keyed cursors, for merged lists where offsets would shift as new items arrive (orders). */
export function keyedConnection<T>(
  sorted: T[],
  keyOf: (item: T) => string,
  first: number,
  after: string | null | undefined,
): Connection<T> {
  let start = 0;
  if (after) {
    const key = decodeCursor(after);
    const index = sorted.findIndex((item) => keyOf(item) === key);
    if (index < 0) throw badInput('Invalid cursor');
    start = index + 1;
  }
  const page = sorted.slice(start, start + first);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return { edges, pageInfo: { hasNextPage: start + first < sorted.length, endCursor: edges.at(-1)?.cursor ?? null } };
}
