// POST /dev/token mints an agent token outside production only.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { devTokenRoute } from '../../gateway/dev-token';
import { tokenVerifier, tokenSettings } from '../../platform/auth/tokens';
import { loadConfig, type Config } from '../../platform/config';

async function post(config: Config): Promise<Response> {
  const app = express();
  devTokenRoute(config)(app);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    return await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/dev/token`, { method: 'POST' });
  } finally {
    server.close();
  }
}

it('gives an agent token, signed with the configured secret, in development', async () => {
  const config = loadConfig({});
  const res = await post(config);
  expect(res.status).toBe(200);
  const { token } = (await res.json()) as { token: string };
  expect(await tokenVerifier(tokenSettings(config.env))(`Bearer ${token}`)).toMatchObject({ role: 'agent' });
});

it('is not there in production (404)', async () => {
  const production = loadConfig({
    NODE_ENV: 'production',
    JWT_SECRET: 'a-production-secret-of-forty-characters!',
    SIMULATORS_IN_PRODUCTION: 'true',
  });
  expect((await post(production)).status).toBe(404);
});
