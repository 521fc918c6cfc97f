import type { Request, RequestHandler, Response } from 'express';

/** Bodies as big as a whole store's shelf prices at scale 100 (express's default is 100 kB). */
export const BODY_LIMIT = '50mb';

/** One query parameter as a string; a repeated parameter counts as its first value. */
export function queryParam(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

/** The JSON error body of the e-shop and the loyalty platform. */
export function sendJsonError(res: Response, status: number, code: string, message?: string): void {
  res.status(status).json({ error: message === undefined ? { code } : { code, message } });
}

export interface JsonAnswer {
  status?: number;
  body: unknown;
}
export const ok = (body: unknown): JsonAnswer => ({ body });
export const created = (body: unknown): JsonAnswer => ({ status: 201, body });

/** A route that answers JSON; what it throws goes to the system's `fail`. */
export function jsonRoute(handle: (req: Request) => JsonAnswer): RequestHandler {
  return (req, res) => {
    const { status = 200, body } = handle(req);
    res.status(status).json(body);
  };
}
