import http from 'node:http';
import express from 'express';
import { GraphQLError } from 'graphql';
import { requireGateway, subgraphKey } from '../../../platform/auth/gateway-assertion';
import { DatabaseUnavailableError, LegacyUnavailableError, SubgraphUnavailableError, toGraphQLError } from '../../../platform/errors';
import { requestContext, requestId } from '../../../platform/logging/request-context';
import { HttpSubgraphClient } from '../../../subgraphs/kit/graph-client';
import { listenLocally, refusedUrl, startServer, type LocalServer } from '../../adapters/servers';

const key = subgraphKey('the-secret-the-gateway-and-subgraphs-share');

/** A subgraph as the kit serves it (the gateway's assertion required), answering what each test stages. */
let answer: (body: { query: string; variables?: unknown }) => { status: number; json: unknown };
let seen: { caller: unknown; requestId: string | undefined }[];
let subgraph: LocalServer;

beforeAll(async () => {
  const app = express();
  app.use('/graphql', express.json(), requireGateway(key), (req, res) => {
    seen.push({ caller: res.locals.caller, requestId: req.get('x-request-id') });
    const { status, json } = answer(req.body);
    res.status(status).json(json);
  });
  subgraph = await listenLocally(http.createServer(app));
});
afterAll(() => subgraph.close());
beforeEach(() => {
  seen = [];
});

const client = (url = `${subgraph.url}/graphql`, timeoutMs = 5000) =>
  new HttpSubgraphClient({ url: () => url, gatewayKey: key, from: 'crm', timeoutMs });

/** Runs `work` inside a request's context, as a resolver does. */
function inRequest<T>(id: string, work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const res = { locals: {} as Record<string, unknown>, setHeader: () => undefined };
    const req = { get: () => id };
    requestId(req as never, res as never, () => requestContext(req as never, res as never, () => void work().then(resolve, reject)));
  });
}

describe('HttpSubgraphClient', () => {
  it('sends the operation as the service role, vouched for with the gateway key, with the request id, and answers its data', async () => {
    answer = ({ query, variables }) => ({ status: 200, json: { data: { echo: { query, variables } } } });
    const data = await inRequest('req-42', () =>
      client().request<{ echo: unknown }>('identity', 'query Q($ids: [ID!]!) { customersByIds(ids: $ids) { id } }', { ids: ['cus_1'] }),
    );
    expect(data.echo).toEqual({ query: 'query Q($ids: [ID!]!) { customersByIds(ids: $ids) { id } }', variables: { ids: ['cus_1'] } });
    expect(seen).toEqual([{ caller: { role: 'service', sub: 'subgraph:crm' }, requestId: 'req-42' }]);
  });

  it('reports a subgraph holding another key as unavailable: the client token is not at fault', async () => {
    const other = new HttpSubgraphClient({
      url: () => `${subgraph.url}/graphql`,
      gatewayKey: subgraphKey('y'.repeat(40)),
      from: 'crm',
      timeoutMs: 5000,
    });
    const err = await other.request('identity', '{ __typename }').catch((e: unknown) => e);
    expect(toGraphQLError(err).extensions).toEqual({ code: 'SYSTEM_UNAVAILABLE', system: 'identity' });
    expect(seen).toEqual([]);
  });

  it('reports a subgraph down, hanging or answering garbage as SYSTEM_UNAVAILABLE of that subgraph, never a crash', async () => {
    const hanging = await startServer('hang');
    try {
      answer = () => ({ status: 502, json: 'Bad gateway' });
      for (const [url, timeoutMs] of [
        [`${await refusedUrl()}/graphql`, 5000],
        [`${hanging.url}/graphql`, 200],
        [`${subgraph.url}/graphql`, 5000],
      ] as const) {
        const err = await client(url, timeoutMs)
          .request('identity', '{ __typename }')
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(SubgraphUnavailableError);
        expect(toGraphQLError(err).extensions).toEqual({ code: 'SYSTEM_UNAVAILABLE', system: 'identity' });
      }
    } finally {
      await hanging.close();
    }
  });

  it('raises the error the subgraph answered as this subgraph would have: an outage there is the same outage here', async () => {
    const failing = (extensions: Record<string, unknown>) => {
      answer = () => ({ status: 200, json: { data: null, errors: [{ message: 'no', extensions }] } });
      return client()
        .request('identity', '{ __typename }')
        .catch((e: unknown) => e);
    };
    const legacy = await failing({ code: 'SYSTEM_UNAVAILABLE', system: 'loyalty' });
    expect(legacy).toBeInstanceOf(LegacyUnavailableError);
    expect((legacy as LegacyUnavailableError).system).toBe('loyalty');
    expect(await failing({ code: 'SYSTEM_UNAVAILABLE', system: 'database' })).toBeInstanceOf(DatabaseUnavailableError);
    const refused = await failing({ code: 'FORBIDDEN' });
    expect(refused).toBeInstanceOf(GraphQLError);
    expect(toGraphQLError(refused).extensions).toEqual({ code: 'FORBIDDEN' });
    // an internal error there says nothing a client of this subgraph may read
    expect(toGraphQLError(await failing({ code: 'INTERNAL' })).extensions).toEqual({ code: 'SYSTEM_UNAVAILABLE', system: 'identity' });
  });
});
