// Text people type: what an agent writes (a case's subject and body, a resolution, a goodwill
// reason) as the systems are sent it, trimmed, neither empty nor longer than the field allows; and
// what a search compares, folded.
import { badInput } from '../../platform/errors';

/**
 * The control characters text may not hold: all of C0 but tab and line breaks. PostgreSQL cannot
 * store NUL (U+0000), and the POS speaks XML 1.0, which cannot carry the others.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
export const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/**
 * `value` trimmed, or BAD_USER_INPUT naming `field` when that leaves nothing or more than `max`
 * characters, or when it holds a control character (CONTROL_IN_TEXT): checked here, whatever gateway
 * a request came through, before a system is asked (a goodwill reason, after the CRM's grant).
 */
export function checkedText(field: string, value: string, max: number): string {
  const kept = value.trim();
  if (kept.length === 0 || kept.length > max) throw badInput(`${field} must have 1 to ${max} characters`);
  if (CONTROL_IN_TEXT.test(kept)) throw badInput(`${field} has control characters (other than tab and line breaks)`);
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
