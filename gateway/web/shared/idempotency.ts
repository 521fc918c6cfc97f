// One key per submission of a form: made when what the form says changes, sent again unchanged by
// a double click or a retry, so that the graph does the form's work once (an order placed, a
// voucher granted) whatever happens on the way.
// getRandomValues, unlike randomUUID, also exists on a page served over plain http.
import { useState } from 'react';

export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A form's key, and `changed(set)`: a setter of the form's that also makes the key anew. */
export function useIdempotencyKey(): [string, <T>(set: (value: T) => void) => (value: T) => void] {
  const [key, setKey] = useState(newIdempotencyKey);
  const changed =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setKey(newIdempotencyKey());
    };
  return [key, changed];
}
