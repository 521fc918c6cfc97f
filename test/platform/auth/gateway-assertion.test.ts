import type { Request, Response } from 'express';
import { SignJWT } from 'jose';
import { assertCaller, callerAssertions, CALLER_HEADER, requireGateway, subgraphKey } from '../../../platform/auth/gateway-assertion';

const key = subgraphKey('the-secret-the-gateway-and-subgraphs-share');
const guard = requireGateway(key);

/** Runs the middleware on a request with this header: the response it sent, or the caller it passed on. */
async function through(header: string | undefined) {
  const res = { locals: {} as Record<string, unknown>, statusCode: 200, body: undefined as unknown };
  const response = Object.assign(res, {
    status: (code: number) => Object.assign(response, { statusCode: code }),
    json: (body: unknown) => Object.assign(response, { body }),
  });
  let passed = false;
  await guard({ get: (name: string) => (name === CALLER_HEADER ? header : undefined) } as Request, response as unknown as Response, () => {
    passed = true;
  });
  return { passed, status: res.statusCode, body: res.body, caller: res.locals.caller };
}

describe('requireGateway', () => {
  it('passes on the caller the gateway vouched for, an anonymous one too', async () => {
    const agent = await through(await assertCaller({ role: 'agent', sub: 'a-1' }, key));
    expect(agent).toMatchObject({ passed: true, caller: { role: 'agent', sub: 'a-1' } });
    expect(await through(await assertCaller(null, key))).toMatchObject({ passed: true, caller: null });
  });

  it.each([
    ['no header', async () => undefined],
    ['another key', () => assertCaller({ role: 'service', sub: 's' }, subgraphKey('x'.repeat(40)))],
    [
      'a client token of the right key but another audience',
      () => new SignJWT({ caller: { role: 'service', sub: 's' } }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1m').sign(key),
    ],
    [
      'a stale assertion',
      () =>
        new SignJWT({ caller: null })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('omnigraph-gateway')
          .setAudience('omnigraph-subgraphs')
          .setExpirationTime(Math.floor(Date.now() / 1000) - 5)
          .sign(key),
    ],
    [
      'a caller of no known role',
      () =>
        new SignJWT({ caller: { role: 'root', sub: 's' } })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('omnigraph-gateway')
          .setAudience('omnigraph-subgraphs')
          .setExpirationTime('1m')
          .sign(key),
    ],
  ])('refuses %s with 401 and no data', async (_, make) => {
    const out = await through(await make());
    expect(out.passed).toBe(false);
    expect(out.status).toBe(401);
    expect(out.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] });
  });
});

describe('callerAssertions', () => {
  it("signs each caller's assertion once for half its life, then anew", async () => {
    let now = 0;
    const assertFor = callerAssertions(key, () => now);
    const agent = { role: 'agent' as const, sub: 'a-1' };
    const first = assertFor(agent);
    now = 29_000;
    expect(assertFor({ ...agent })).toBe(first);
    now = 31_000;
    expect(assertFor(agent)).not.toBe(first);
  });

  it('keeps each caller to their own assertion', async () => {
    const assertFor = callerAssertions(key);
    const callers = [
      { role: 'agent' as const, sub: 'a-1' },
      { role: 'agent' as const, sub: 'a-2' },
      { role: 'store' as const, sub: 's-1', storeId: 'ST001' },
      { role: 'store' as const, sub: 's-1', storeId: 'ST002' },
    ];
    for (const caller of callers) expect((await through(await assertFor(caller))).caller).toEqual(caller);
    expect(await through(await assertFor(null))).toMatchObject({ passed: true, caller: null });
  });
});
