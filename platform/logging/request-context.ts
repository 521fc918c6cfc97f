// Which request a piece of work belongs to, without threading an id through every call: each
// server names the request first thing (and answers with that name), the GraphQL chain runs in
// its context, the logger stamps the id on every line written inside it, and the gateway hands it
// to the subgraphs, so one id follows a request from the client to the silos.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's id is kept when it is a plain token; anything else could forge or break log lines. */
const PLAIN_TOKEN = /^[\w.:-]{1,64}$/;
const current = new AsyncLocalStorage<string>();

export const currentRequestId = (): string | undefined => current.getStore();

/** The id `requestId` gave this request. */
export const requestIdOf = (res: Response): string => res.locals.requestId as string;

/** The caller's id when it is a plain token, else a new one. */
export const requestIdFrom = (given: string | null | undefined): string =>
  given != null && PLAIN_TOKEN.test(given) ? given : randomUUID();

/** Takes the caller's id when it is a plain token, or makes one, and answers with it: mounted before anything else. */
export const requestId: RequestHandler = (req, res, next) => {
  res.locals.requestId = requestIdFrom(req.get(REQUEST_ID_HEADER));
  res.setHeader(REQUEST_ID_HEADER, res.locals.requestId);
  next();
};

/**
 * Runs the rest of the request in its id's context. Mounted after the body parser: a stream's
 * callbacks run outside the context they were started in.
 */
export const requestContext: RequestHandler = (_req, res, next) => current.run(requestIdOf(res), next);
