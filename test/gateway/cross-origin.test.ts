// A web shop's pages served from their own origin call the gateway from the browser: the origins
// configured in CORS_ORIGINS may (the browser's preflight answered, the request id readable), others
// not, and without the setting no page of another origin may.
import { loadConfig } from '../../platform/config';
import type { Stack } from '../../platform/tools/stack';
import { startTestStack, tokenFor } from '../e2e/harness';

const SHOP = 'http://localhost:5173';
let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack({ CORS_ORIGINS: `${SHOP}, https://shop.example.fr` });
});
afterAll(() => stack?.close());

const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
const query = async (url: string, origin: string) =>
  fetch(url, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('service')}` },
    body: JSON.stringify({ query: '{ stores { id } }' }),
  });

it("answers a configured origin's preflight, and lets its page read the answer and its request id", async () => {
  const asked = await preflight(stack.gatewayUrl, SHOP);
  expect(asked.status).toBe(204);
  expect(asked.headers.get('access-control-allow-origin')).toBe(SHOP);
  expect(asked.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  const answered = await query(stack.gatewayUrl, SHOP);
  expect(answered.status).toBe(200);
  expect(answered.headers.get('access-control-allow-origin')).toBe(SHOP);
  expect(answered.headers.get('access-control-expose-headers')).toBe('x-request-id');
  expect((await answered.json()).data.stores.length).toBeGreaterThan(0);
});

it('gives a page of any other origin nothing its browser would let it read', async () => {
  const asked = await preflight(stack.gatewayUrl, 'https://evil.example');
  expect(asked.headers.get('access-control-allow-origin')).toBeNull();
  expect((await query(stack.gatewayUrl, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
});

it('lets no other origin in without the setting, and refuses an origin that is not one', async () => {
  const plain = await startTestStack();
  try {
    expect((await query(plain.gatewayUrl, SHOP)).headers.get('access-control-allow-origin')).toBeNull();
  } finally {
    await plain.close();
  }
  expect(() => loadConfig({ CORS_ORIGINS: 'https://shop.example.fr/app' })).toThrow(/CORS_ORIGINS/);
  expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
});
