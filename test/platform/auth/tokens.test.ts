import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, UnsecuredJWT, type KeyLike } from 'jose';
import { signToken, tokenVerifier, type TokenSettings } from '../../../platform/auth/tokens';

// every signature check counted
jest.mock('jose', () => {
  const actual = jest.requireActual<typeof import('jose')>('jose');
  return { ...actual, jwtVerify: jest.fn(actual.jwtVerify) };
});
const signatureChecks = () => (jwtVerify as jest.Mock).mock.calls.length;

const settings: TokenSettings = { secret: 'a-test-secret-of-at-least-thirty-two-chars', issuer: 'omnigraph', audience: 'omnigraph-api' };
const verify = tokenVerifier(settings);
const key = new TextEncoder().encode(settings.secret);
const now = () => Math.floor(Date.now() / 1000);

/** A token with the given claims over valid defaults, signed with `signWith`. */
function token(claims: Record<string, unknown>, signWith: Uint8Array = key): Promise<string> {
  return new SignJWT({ sub: 'cus_1', role: 'customer', iss: settings.issuer, aud: settings.audience, exp: now() + 60, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(signWith);
}

async function refusal(authorization: string): Promise<{ code: string; message: string }> {
  try {
    await verify(authorization);
  } catch (err) {
    const e = err as Error & { extensions: { code: string; http: { status: number } } };
    expect(e.extensions.http.status).toBe(401);
    return { code: e.extensions.code, message: e.message };
  }
  throw new Error('the token was accepted');
}

describe('tokenVerifier (HS256)', () => {
  it('reads the caller of a valid token, and none without a header', async () => {
    await expect(verify(`Bearer ${await token({})}`)).resolves.toEqual({ sub: 'cus_1', role: 'customer' });
    await expect(verify(`Bearer ${await token({ role: 'store', storeId: 'ST042', sub: 'clerk' })}`)).resolves.toEqual({
      sub: 'clerk',
      role: 'store',
      storeId: 'ST042',
    });
    await expect(verify(undefined)).resolves.toBeNull();
  });

  it('reads the scheme in any case, as RFC 7235 says it is', async () => {
    for (const scheme of ['bearer', 'BEARER', 'beArer']) {
      await expect(verify(`${scheme} ${await token({})}`)).resolves.toEqual({ sub: 'cus_1', role: 'customer' });
    }
    await expect(refusal(`Basic ${await token({})}`)).resolves.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('verifies what signToken (the CLI) mints', async () => {
    await expect(verify(`Bearer ${await signToken({ role: 'agent', sub: 'a-7' }, settings)}`)).resolves.toEqual({
      role: 'agent',
      sub: 'a-7',
    });
  });

  it.each([
    ['an expired token', () => token({ exp: now() - 10 }), /expired/],
    ['a token not valid yet', () => token({ nbf: now() + 600 }), /not valid/],
    ['another issuer', () => token({ iss: 'someone-else' }), /not valid/],
    ['another audience', () => token({ aud: 'another-api' }), /not valid/],
    ['another secret', () => token({}, new TextEncoder().encode('x'.repeat(40))), /not valid/],
    ['no expiry', () => token({ exp: undefined }), /not valid/],
    ['no subject', () => token({ sub: undefined }), /not valid/],
    [
      'an unsigned token (alg none)',
      async () =>
        new UnsecuredJWT({ sub: 'cus_1', role: 'service' })
          .setIssuer(settings.issuer)
          .setAudience(settings.audience)
          .setExpirationTime('1h')
          .encode(),
      /not valid/,
    ],
    ['a bearer that is no JWT', async () => 'abc.def', /not valid/],
    ['an unknown role', () => token({ role: 'admin' }), /role/],
    ['store staff without their store', () => token({ role: 'store' }), /role/],
  ])('refuses %s', async (_, make, message) => {
    const { code, message: said } = await refusal(`Bearer ${await make()}`);
    expect(code).toBe('UNAUTHENTICATED');
    expect(said).toMatch(message);
  });

  it('checks the signature of a token once, then knows it', async () => {
    const fresh = tokenVerifier(settings);
    const header = `Bearer ${await token({})}`;
    const before = signatureChecks();
    for (let i = 0; i < 3; i++) await expect(fresh(header)).resolves.toEqual({ sub: 'cus_1', role: 'customer' });
    expect(signatureChecks() - before).toBe(1);
  });

  describe('on a fake clock', () => {
    beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] }));
    afterEach(() => jest.useRealTimers());

    it('refuses a token it knew once the token has expired', async () => {
      const fresh = tokenVerifier(settings);
      const header = `Bearer ${await token({ exp: now() + 10 })}`;
      await expect(fresh(header)).resolves.toEqual({ sub: 'cus_1', role: 'customer' });
      jest.setSystemTime(Date.now() + 11_000); // within the minute it would be known for
      await expect(fresh(header)).rejects.toMatchObject({ message: 'The token has expired' });
    });

    it('checks a token again after a minute, however long it is valid', async () => {
      const fresh = tokenVerifier(settings);
      const header = `Bearer ${await token({ exp: now() + 3600 })}`;
      await fresh(header);
      const before = signatureChecks();
      jest.advanceTimersByTime(59_000);
      await fresh(header);
      expect(signatureChecks()).toBe(before);
      jest.advanceTimersByTime(2_000);
      await fresh(header);
      expect(signatureChecks()).toBe(before + 1);
    });
  });

  it('refuses a header that is not a bearer token', async () => {
    expect((await refusal('Basic dXNlcjpwYXNz')).code).toBe('UNAUTHENTICATED');
    expect((await refusal(`Bearer ${'a'.repeat(20)}`)).code).toBe('UNAUTHENTICATED');
  });
});

describe('tokenVerifier (JWKS)', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: KeyLike;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("verifies the key set's tokens and no longer those of the shared secret", async () => {
    const jwks = tokenVerifier({ ...settings, jwksUrl });
    const rs = await new SignJWT({ role: 'agent' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('a-1')
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(jwks(`Bearer ${rs}`)).resolves.toEqual({ role: 'agent', sub: 'a-1' });
    await expect(jwks(`Bearer ${await token({})}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
