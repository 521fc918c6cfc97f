/**
 * A request the system refuses. Thrown from a route, it reaches the system's `fail`, which writes
 * it the way that system does (a JSON error with this status, an XML <error/>, a JSON-RPC error).
 */
export class Rejection extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'Rejection';
  }
}

export const internalError = (message = 'internal error') => new Rejection(500, 'internal_error', message);
export const badRequest = (message: string) => new Rejection(400, 'bad_request', message);
export const notFound = (message: string) => new Rejection(404, 'not_found', message);

/** Anything a route or a body parser threw, as the rejection the client gets. */
export function toRejection(err: unknown): Rejection {
  if (err instanceof Rejection) return err;
  // body-parser's errors carry a 4xx status: the request was unreadable.
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status < 500) return badRequest('malformed request body');
  return internalError();
}
