// Names are typed differently in every system ('Lefèvre', 'LEFEVRE ', 'lefevre'): matching and
// search compare them under one key. Emails, phones and cards have their canonical forms in
// ../canonical.

const COMBINING_MARKS = /\p{M}/gu;
const SPACES = /\s+/g;

/** ' Lefèvre ' -> 'lefevre': trimmed, lower-cased, accents stripped; null when nothing is left. */
export function nameKey(text: string | null | undefined): string | null {
  const key = text?.normalize('NFD').replace(COMBINING_MARKS, '').replace(SPACES, ' ').trim().toLowerCase();
  return key ? key : null;
}
