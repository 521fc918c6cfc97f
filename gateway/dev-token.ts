// POST /dev/token: an agent token for the web pages in development, signed as `npm run token`
// signs them. Not there in production (404, like any unknown path), nor when tokens come from a
// JWKS issuer, whose tokens this process cannot sign: the pages then expect the retailer's login.
import type express from 'express';
import type { Config } from '../platform/config';
import { signToken, tokenSettings } from '../platform/auth/tokens';

const DEV_TOKEN_TTL_S = 8 * 3600; // an agent's shift

export function devTokenRoute(config: Config): (app: express.Express) => void {
  if (config.production || config.env.JWT_JWKS_URL) return () => undefined;
  const settings = tokenSettings(config.env);
  return (app) => {
    app.post('/dev/token', (_req, res, next) => {
      signToken({ role: 'agent', sub: 'dev-agent' }, settings, DEV_TOKEN_TTL_S)
        .then((token) => res.set('cache-control', 'no-store').json({ token }))
        .catch(next);
    });
  };
}
