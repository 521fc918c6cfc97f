// The gateway's fetch from a subgraph over HTTP (gateway/subgraph-fetcher.ts), against servers that
// behave as a subgraph behind another stack might: one announcing a keep-alive timeout, one taking
// the request and never answering, one answering an error.
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { subgraphFetcher } from '../../gateway/subgraph-fetcher';
import { until } from '../until';

const servers: { close(cb: () => void): unknown }[] = [];
const sockets: Socket[] = [];
const fetchers: ReturnType<typeof subgraphFetcher>[] = [];

async function listen<S extends Server | ReturnType<typeof createHttpServer>>(server: S): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

const fetcherOf = (timeoutMs: number) => {
  const made = subgraphFetcher(timeoutMs);
  fetchers.push(made);
  return made.fetcher;
};

const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' };

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(fetchers.map((f) => f.close()));
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(() => resolve(undefined)))));
});

it("closes an idle connection before the subgraph's announced keep-alive timeout, so that no fetch is sent into one the subgraph is closing", async () => {
  // announces 3 s, as a server closing idle connections after 3 s does, and leaves the closing to the client
  const closedByClient: Socket[] = [];
  const url = await listen(
    createServer((socket) => {
      sockets.push(socket);
      socket.on('end', () => closedByClient.push(socket));
      socket.once('data', () => {
        const body = '{"data":{"__typename":"Query"}}';
        socket.write(
          `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n` +
            `connection: keep-alive\r\nkeep-alive: timeout=3\r\n\r\n${body}`,
        );
      });
    }),
  );
  const answer = await fetcherOf(10_000)(url, post);
  expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
  await until('the fetcher to close its idle connection', async () => closedByClient.length === 1, 10_000);
});

it('gives up on a subgraph that takes the request and never answers', async () => {
  const held: Socket[] = [];
  const url = await listen(createServer((socket) => (sockets.push(socket), held.push(socket))));
  await expect(fetcherOf(200)(url, post)).rejects.toThrow();
  expect(held.length).toBeGreaterThan(0);
});

it('gives up on an answer that trickles in, a byte at a time, within the timeout as a whole', async () => {
  // a byte every 50 ms: never 300 ms without one, the whole answer in about 3 s
  const body = `{"data":{"__typename":"Query"}}${' '.repeat(30)}`;
  const url = await listen(
    createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      let sent = 0;
      const dribble = setInterval(() => {
        if (res.destroyed || sent === body.length) return void (clearInterval(dribble), res.end());
        res.write(body[sent++]);
      }, 50);
    }),
  );
  await expect(fetcherOf(300)(url, post)).rejects.toThrow();
});

it('drops the fetches still in flight when closed: the gateway stops without waiting for a hung subgraph', async () => {
  const held: Socket[] = [];
  const url = await listen(createServer((socket) => (sockets.push(socket), held.push(socket))));
  // a timeout far past the test's own: a close() that waited for the fetch would never end in time
  const made = subgraphFetcher(600_000);
  const inFlight = made.fetcher(url, post);
  await until('the request to reach the subgraph', async () => held.length > 0);
  await made.close();
  await expect(inFlight).rejects.toThrow();
});

it('hands an error answer over as it came: its status, headers and body, for the data source to report', async () => {
  const url = await listen(
    createHttpServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'x-request-id': 'r-1' });
      res.end('{"errors":[{"message":"down"}]}');
    }),
  );
  const answer = await fetcherOf(10_000)(url, post);
  expect(answer.ok).toBe(false);
  expect(answer.status).toBe(503);
  expect(answer.statusText).toBe('Service Unavailable'); // the data source's error says `503: Service Unavailable`
  expect(answer.headers.get('content-type')).toBe('application/json');
  expect(answer.headers.get('x-request-id')).toBe('r-1');
  expect(await answer.clone().json()).toEqual({ errors: [{ message: 'down' }] });
  expect(await answer.text()).toBe('{"errors":[{"message":"down"}]}');
});
