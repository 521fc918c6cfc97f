// How the gateway tells a subgraph who is calling, and how a subgraph knows the request comes from
// the gateway: a short-lived JWT signed with a secret only they share, in one header, on every
// request (an anonymous caller too). A subgraph answers nothing without it.
import type { RequestHandler } from 'express';
import { jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { ConfigError, type Config } from '../config';
import { callerFromClaims, type Caller } from './caller';

export const CALLER_HEADER = 'x-omnigraph-caller';

const ISSUER = 'omnigraph-gateway';
const AUDIENCE = 'omnigraph-subgraphs';
/** one operation's subgraph fetches fit in it; a captured header is soon worthless */
const TTL_S = 60;

export const subgraphKey = (secret: string) => new TextEncoder().encode(secret);

/** The key of a gateway and subgraphs served apart: SUBGRAPH_SECRET, which must then be set, the same for all. */
export function sharedSubgraphKey(config: Config): Uint8Array {
  if (!config.env.SUBGRAPH_SECRET)
    throw new ConfigError('Invalid configuration: set SUBGRAPH_SECRET, the same for the gateway and every subgraph');
  return subgraphKey(config.env.SUBGRAPH_SECRET);
}

export function assertCaller(caller: Caller | null, key: Uint8Array): Promise<string> {
  return new SignJWT({ caller })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime(Math.floor(Date.now() / 1000) + TTL_S)
    .sign(key);
}

/**
 * The assertions of one signer (the gateway, a subgraph calling another), each caller's signed once
 * for all its requests within half the assertion's life: the signature was most of what vouching
 * cost a request, and a header reused for 30 s is still worthless a minute after it was signed.
 */
export function callerAssertions(key: Uint8Array, now: () => number = Date.now): (caller: Caller | null) => Promise<string> {
  const signed = new LRUCache<string, { assertion: Promise<string>; untilMs: number }>({ max: 10_000 });
  return (caller) => {
    const id = JSON.stringify(caller);
    const known = signed.get(id);
    if (known && now() < known.untilMs) return known.assertion;
    const assertion = assertCaller(caller, key);
    signed.set(id, { assertion, untilMs: now() + (TTL_S * 1000) / 2 });
    assertion.catch(() => signed.get(id)?.assertion === assertion && signed.delete(id));
    return assertion;
  };
}

/** The caller the gateway vouched for; throws when the assertion is missing, forged or stale. */
async function vouchedCaller(assertion: string | undefined, key: Uint8Array): Promise<Caller | null> {
  if (!assertion) throw new Error('no assertion');
  const { payload } = await jwtVerify(assertion, key, {
    issuer: ISSUER,
    audience: AUDIENCE,
    algorithms: ['HS256'],
    requiredClaims: ['exp'],
  });
  if (payload.caller === null) return null;
  const caller = callerFromClaims((payload.caller ?? {}) as Record<string, unknown>);
  if (!caller) throw new Error('no caller in the assertion');
  return caller;
}

/**
 * Express middleware of a subgraph: refuses (401, no data, before the body is read) whatever
 * does not come from the gateway, and leaves the caller in res.locals.caller.
 */
export function requireGateway(key: Uint8Array): RequestHandler {
  return async (req, res, next) => {
    try {
      res.locals.caller = await vouchedCaller(req.get(CALLER_HEADER), key);
    } catch {
      res.status(401).json({ errors: [{ message: 'This service answers the gateway only', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    next();
  };
}
