import http from 'node:http';
import net from 'node:net';
import nock from 'nock';
import { createHttpClient } from '../../../adapters/transport/http';
import { LegacyRejectedError, LegacyUnavailableError, mayHaveHappened, NothingDoneError, UnansweredError } from '../../../platform/errors';
import { useNock } from '../nock-lifecycle';
import { listenLocally, refusedUrl, startServer } from '../servers';

useNock();

const BASE = 'http://legacy.test';

function client(baseUrl = BASE, timeoutMs = 1000) {
  return createHttpClient({ system: 'eshop', baseUrl, timeoutMs, headers: { 'X-Api-Key': 'secret-key' } });
}

async function failure(request: Promise<unknown>): Promise<Error> {
  return request.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (err: Error) => err,
  );
}

describe('createHttpClient', () => {
  it('sends the configured headers and answers the parsed body', async () => {
    nock(BASE).get('/things').matchHeader('X-Api-Key', 'secret-key').reply(200, { ok: true });
    const { data } = await client().get('/things');
    expect(data).toEqual({ ok: true });
  });

  it('turns a 5xx into LegacyUnavailableError', async () => {
    nock(BASE)
      .get('/things')
      .reply(503, { error: { code: 'maintenance' } });
    const err = await failure(client().get('/things'));
    expect(err).toBeInstanceOf(LegacyUnavailableError);
    expect(err).toMatchObject({ system: 'eshop', detail: 'GET /things: HTTP 503' });
    // a 5xx may come after the work: a write that got one is in doubt
    expect(mayHaveHappened(err)).toBe(true);
  });

  it('takes a 408 for a system that did nothing: it did not read the request', async () => {
    nock(BASE).post('/orders/W-1/returns').reply(408);
    const err = await failure(client().post('/orders/W-1/returns', {}));
    expect(err).toBeInstanceOf(NothingDoneError);
    expect(mayHaveHappened(err)).toBe(false);
  });

  it('turns a 429 into LegacyUnavailableError', async () => {
    nock(BASE).get('/things').reply(429);
    expect(await failure(client().get('/things'))).toBeInstanceOf(LegacyUnavailableError);
  });

  it('does not follow a redirect: the system is unavailable at the address configured, and the log says so', async () => {
    nock(BASE).get('/things').reply(301, '', { Location: 'https://elsewhere.test/things' });
    const err = await failure(client().get('/things'));
    expect(err).toBeInstanceOf(NothingDoneError);
    expect(err).toMatchObject({ system: 'eshop', detail: 'GET /things: HTTP 301, a redirect not followed (is the base URL right?)' });
  });

  it.each([302, 303])(
    'takes a %i to a write for one that may have been done: it is how many servers answer a POST they did',
    async (status) => {
      nock(BASE).post('/orders/W-1/returns').reply(status, '', { Location: 'https://legacy.test/returns/R-1' });
      expect(mayHaveHappened(await failure(client().post('/orders/W-1/returns', {})))).toBe(true);
    },
  );

  it('turns a business 4xx into LegacyRejectedError with the legacy code', async () => {
    nock(BASE)
      .post('/orders/W-1/cancel')
      .reply(409, { error: { code: 'invalid_state', message: 'shipped' } });
    const err = await failure(client().post('/orders/W-1/cancel'));
    expect(err).toBeInstanceOf(LegacyRejectedError);
    expect(err).toMatchObject({ system: 'eshop', legacyCode: 'invalid_state' });
  });

  it('names a 404 without a code not_found, and other codeless 4xx by status', async () => {
    nock(BASE).get('/a').reply(404, 'Not Found').get('/b').reply(400, {});
    expect(await failure(client().get('/a'))).toMatchObject({ legacyCode: 'not_found' });
    expect(await failure(client().get('/b'))).toMatchObject({ legacyCode: 'http_400' });
  });

  it('reads the error codes written as a plain string', async () => {
    nock(BASE).get('/a').reply(422, { error: 'insufficient_points' });
    expect(await failure(client().get('/a'))).toMatchObject({ legacyCode: 'insufficient_points' });
  });

  it('turns an unparseable body into LegacyUnavailableError', async () => {
    nock(BASE).get('/things').reply(200, '<html>proxy error</html>', { 'Content-Type': 'text/html' });
    const err = await failure(client().get('/things'));
    expect(err).toBeInstanceOf(LegacyUnavailableError);
    expect(err).toMatchObject({ detail: 'GET /things: unparseable body' });
  });

  it('turns a refused connection into LegacyUnavailableError without naming the host', async () => {
    const url = await refusedUrl();
    const err = await failure(client(url).get('/things', { params: { email: 'marie@example.fr' } }));
    expect(err).toBeInstanceOf(LegacyUnavailableError);
    expect(err).not.toBeInstanceOf(UnansweredError); // never sent
    expect(err).toMatchObject({ detail: 'GET /things: ECONNREFUSED' });
    expect(`${err.message} ${(err as LegacyUnavailableError).detail}`).not.toMatch(/127\.0\.0\.1|marie|secret/);
  });

  it('turns a reset connection into UnansweredError: the system may still be at work on the request', async () => {
    const server = await startServer('reset');
    try {
      const err = await failure(client(server.url).get('/things'));
      expect(err).toBeInstanceOf(UnansweredError);
      expect((err as LegacyUnavailableError).detail).toMatch(/ECONNRESET/);
    } finally {
      await server.close();
    }
  });

  it('gives up on a system that never answers after the configured timeout', async () => {
    const server = await startServer('hang');
    try {
      const err = await failure(client(server.url, 200).get('/things'));
      expect(err).toBeInstanceOf(UnansweredError);
      expect((err as LegacyUnavailableError).detail).toMatch(/ECONNABORTED|ETIMEDOUT/);
    } finally {
      await server.close();
    }
  });

  it('keeps one connection to a system, with one keep-alive delay: the socket option is not set again on every call', async () => {
    let connections = 0;
    const server = await listenLocally(
      http
        .createServer((_req, res) => res.setHeader('content-type', 'application/json').end('{"ok":true}'))
        .on('connection', () => {
          connections += 1;
        }),
    );
    // nock's interceptor opens a socket per request: Node's own client, as in production
    nock.restore();
    // the socket option is a system call (several, through libuv) each time its value changes
    const keepAlive = jest.spyOn(net.Socket.prototype, 'setKeepAlive');
    try {
      const legacy = client(server.url);
      for (let i = 0; i < 3; i++) expect((await legacy.get('/things')).data).toEqual({ ok: true });
      expect(connections).toBe(1);
      const delays = new Set(keepAlive.mock.calls.map(([enable, delay]) => `${enable} ${delay}`));
      expect(keepAlive.mock.calls.length).toBeGreaterThanOrEqual(3);
      expect([...delays]).toHaveLength(1);
    } finally {
      keepAlive.mockRestore();
      nock.activate();
      await server.close();
    }
  });
});
