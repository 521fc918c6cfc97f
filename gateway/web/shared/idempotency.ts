// One key per submission of a form: made when what the form says changes, sent again unchanged by
// a double click or a retry, so that the graph places one order whatever happens on the way.
// getRandomValues, unlike randomUUID, also exists on a page served over plain http.
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
