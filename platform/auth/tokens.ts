// The bearer tokens clients send: HS256 with the configured secret, or the keys of a JWKS when
// one is configured. Expiry, not-before, issuer and audience are checked by jose.
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Env } from '../config';
import { graphqlError } from '../errors';
import { callerFromClaims, type Caller } from './caller';

export interface TokenSettings {
  /** HS256 secret; unused when jwksUrl is set */
  secret: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
}

export const tokenSettings = (env: Env): TokenSettings => ({
  secret: env.JWT_SECRET,
  jwksUrl: env.JWT_JWKS_URL,
  issuer: env.JWT_ISSUER,
  audience: env.JWT_AUDIENCE,
});

/** A refusal of the request as a whole: HTTP 401, and no data. */
const unauthenticated = (message: string) => graphqlError('UNAUTHENTICATED', message, { http: { status: 401 } });

export type TokenVerifier = (authorization: string | undefined) => Promise<Caller | null>;

/**
 * A token verified is known until it expires, for a minute at most (a key withdrawn from the JWKS
 * stops being honoured that soon): a client sends the same token with every request, and checking
 * its signature again each time was most of what authentication cost.
 */
const KNOWN_FOR_MS = 60_000;
const KNOWN_TOKENS = 10_000;

/** No Authorization header: an anonymous caller. A header that is not a valid token is refused, whatever the operation. */
export function tokenVerifier(settings: TokenSettings): TokenVerifier {
  const checks = { issuer: settings.issuer, audience: settings.audience, requiredClaims: ['exp', 'sub'] };
  const verify = settings.jwksUrl ? jwksVerify(settings.jwksUrl, checks) : secretVerify(settings.secret, checks);
  const known = new LRUCache<string, { caller: Caller; untilMs: number }>({ max: KNOWN_TOKENS });
  return async (authorization) => {
    if (authorization === undefined) return null;
    // the scheme is case-insensitive (RFC 7235 §2.1)
    const token = /^Bearer (\S+)$/i.exec(authorization)?.[1];
    if (!token) throw unauthenticated('Authorization must be "Bearer <JWT>"');
    // a signed JWT's three parts (an unsigned one has no third): anything else is no token of ours
    if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) throw unauthenticated('The token is not valid');
    const seen = known.get(token);
    // past its expiry, verified again: refused as expired
    if (seen && Date.now() < seen.untilMs) return seen.caller;
    let claims: JWTPayload;
    try {
      claims = await verify(token);
    } catch (err) {
      throw unauthenticated(err instanceof errors.JWTExpired ? 'The token has expired' : 'The token is not valid');
    }
    const caller = callerFromClaims(claims);
    if (!caller) throw unauthenticated('The token names no known role (customer, agent, store with its storeId, service)');
    // `exp` is a required claim: jose refused the token without one
    known.set(token, { caller, untilMs: Math.min(claims.exp! * 1000, Date.now() + KNOWN_FOR_MS) });
    return caller;
  };
}

type Checks = { issuer: string; audience: string; requiredClaims: string[] };

function jwksVerify(url: string, checks: Checks) {
  const keys = createRemoteJWKSet(new URL(url));
  // the JWKS's keys say their own algorithms
  return async (token: string): Promise<JWTPayload> => (await jwtVerify(token, keys, checks)).payload;
}

function secretVerify(secret: string, checks: Checks) {
  const key = new TextEncoder().encode(secret);
  // a shared secret signs HS256 only: no algorithm confusion
  return async (token: string): Promise<JWTPayload> => (await jwtVerify(token, key, { ...checks, algorithms: ['HS256'] })).payload;
}

/** A token for a caller, as `npm run token` and the tests mint them. */
export function signToken(caller: Caller, settings: Omit<TokenSettings, 'jwksUrl'>, ttlSeconds = 3600): Promise<string> {
  return new SignJWT({ role: caller.role, ...(caller.storeId ? { storeId: caller.storeId } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(new TextEncoder().encode(settings.secret));
}
