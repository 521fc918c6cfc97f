// What an agent types (a case's subject and body, a resolution, a goodwill reason) as the systems
// are sent it: trimmed, neither empty nor longer than the field allows.
import { badInput } from '../../platform/errors';

/** `value` trimmed, or BAD_USER_INPUT naming `field` when that leaves nothing or more than `max` characters. */
export function checkedText(field: string, value: string, max: number): string {
  const kept = value.trim();
  if (kept.length === 0 || kept.length > max) throw badInput(`${field} must have 1 to ${max} characters`);
  return kept;
}
