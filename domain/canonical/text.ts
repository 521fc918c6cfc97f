// Text people type: what an agent writes (a case's subject and body, a resolution, a goodwill
// reason) as the systems are sent it, trimmed, neither empty nor longer than the field allows; and
// what a search compares, folded.
import { badInput } from '../../platform/errors';

/** `value` trimmed, or BAD_USER_INPUT naming `field` when that leaves nothing or more than `max` characters. */
export function checkedText(field: string, value: string, max: number): string {
  const kept = value.trim();
  if (kept.length === 0 || kept.length > max) throw badInput(`${field} must have 1 to ${max} characters`);
  return kept;
}

const COMBINING_MARKS = /\p{M}/gu;
const SPACES = /\s+/g;

/**
 * What a person types and what a system holds, compared alike: ' Éclairage ' -> 'eclairage'
 * (accents stripped, case and runs of spaces folded, trimmed). Names are typed differently in every
 * system ('Lefèvre', 'LEFEVRE'), and a tablet's user leaves the accents out.
 */
export function folded(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(SPACES, ' ').trim().toLowerCase();
}
