// Names are typed differently in every system ('Lefèvre', 'LEFEVRE ', 'lefevre'): matching and
// search compare them under one key. Emails, phones and cards have their canonical forms in
// ../canonical.
import { folded } from '../canonical/text';

/** ' Lefèvre ' -> 'lefevre': trimmed, lower-cased, accents stripped; null when nothing is left. */
export function nameKey(text: string | null | undefined): string | null {
  const key = text ? folded(text) : '';
  return key ? key : null;
}
