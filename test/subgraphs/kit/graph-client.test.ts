import http from 'node:http';
import express from 'express';
import { GraphQLError } from 'graphql';
import { requireGateway, subgraphKey } from '../../../platform/auth/gateway-assertion';
import {
  DatabaseUnavailableError,
  LegacyUnavailableError,
  SubgraphCallError,
  toGraphQLError,
  wentUnanswered,
} from '../../../platform/errors';
import type { Logger } from '../../../platform/logging';
import { HttpSubgraphClient, LocalSubgraphClient } from '../../../subgraphs/kit/graph-client';
import { formatError, type RunningSubgraph, type SubgraphResponse } from '../../../subgraphs/kit/server';
import { inRequest } from './in-request';
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

describe('HttpSubgraphClient', () => {
  it('sends the operation as the service role, vouched for with the gateway key, with the request id, and answers its data', async () => {
    answer = ({ query, variables }) => ({ status: 200, json: { data: { echo: { query, variables } } } });
    const data = await inRequest('req-42', () =>
      client().request<{ echo: unknown }>('identity', 'query Q($ids: [ID!]!) { customersByIds(ids: $ids) { id } }', { ids: ['cus_1'] }),
    );
    expect(data.echo).toEqual({ query: 'query Q($ids: [ID!]!) { customersByIds(ids: $ids) { id } }', variables: { ids: ['cus_1'] } });
    expect(seen).toEqual([{ caller: { role: 'service', sub: 'subgraph:crm' }, requestId: 'req-42' }]);
  });

  it('reports a subgraph holding another key as an internal error: the client token is not at fault', async () => {
    const other = new HttpSubgraphClient({
      url: () => `${subgraph.url}/graphql`,
      gatewayKey: subgraphKey('y'.repeat(40)),
      from: 'crm',
      timeoutMs: 5000,
    });
    const err = await other.request('identity', '{ __typename }').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SubgraphCallError);
    expect(toGraphQLError(err).extensions).toEqual({ code: 'INTERNAL' });
    expect(seen).toEqual([]);
  });

  it('reports a subgraph down, hanging or answering garbage as an internal error, never a crash nor a system the contract does not name', async () => {
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
        expect(err).toBeInstanceOf(SubgraphCallError);
        expect((err as SubgraphCallError).subgraph).toBe('identity');
        if (timeoutMs === 200) expect((err as SubgraphCallError).detail).toBe('no answer within 200 ms');
        expect(toGraphQLError(err).extensions).toEqual({ code: 'INTERNAL' });
      }
    } finally {
      await hanging.close();
    }
  });

  it('tells a call that got no answer (its deadline ran out, its connection broke once sent) from one refused or never sent: only those may still be made there', async () => {
    const [hanging, resetting] = await Promise.all([startServer('hang'), startServer('reset')]);
    try {
      answer = () => ({ status: 502, json: 'Bad gateway' });
      const outcome = async (url: string, timeoutMs = 5000) =>
        wentUnanswered(
          await client(`${url}/graphql`, timeoutMs)
            .request('offers', 'mutation { claimVouchers(codes: ["GW-1"], orderRef: "OG-1") }')
            .catch((e: unknown) => e),
        );
      expect({
        timedOut: await outcome(hanging.url, 200),
        broken: await outcome(resetting.url),
        refused: await outcome(await refusedUrl()),
        badGateway: await outcome(subgraph.url),
      }).toEqual({ timedOut: true, broken: true, refused: false, badGateway: false });
    } finally {
      await Promise.all([hanging.close(), resetting.close()]);
    }
  });

  const failing = (error: Record<string, unknown>) => {
    answer = () => ({ status: 200, json: { data: null, errors: [{ message: 'no', ...error }] } });
    return client()
      .request('identity', '{ __typename }')
      .catch((e: unknown) => e);
  };

  it("raises an outage of a legacy system or the database there as this subgraph's own", async () => {
    const legacy = await failing({ extensions: { code: 'SYSTEM_UNAVAILABLE', system: 'loyalty' } });
    expect(legacy).toBeInstanceOf(LegacyUnavailableError);
    expect((legacy as LegacyUnavailableError).system).toBe('loyalty');
    expect(await failing({ extensions: { code: 'SYSTEM_UNAVAILABLE', system: 'database' } })).toBeInstanceOf(DatabaseUnavailableError);
  });

  it.each(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'INSUFFICIENT_STOCK'])('passes %s on as the client asked for it', async (code) => {
    const err = await failing({ message: `the ${code} message`, extensions: { code } });
    expect(err).toBeInstanceOf(GraphQLError);
    expect((err as GraphQLError).message).toBe(`the ${code} message`);
    expect(toGraphQLError(err).extensions).toEqual({ code });
  });

  it('keeps a CONFLICT still running there one to ask again (retryable), and nothing else the remote error carried', async () => {
    const err = await failing({ message: 'still running', extensions: { code: 'CONFLICT', retryable: true, requestId: 'req-there' } });
    expect(toGraphQLError(err).extensions).toEqual({ code: 'CONFLICT', retryable: true });
  });

  it.each([
    [
      'a field it does not have yet (a rolling deploy)',
      { message: 'Cannot query field "customerIdsOfCards" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
    ],
    ['a refusal of the service role', { message: 'no', extensions: { code: 'FORBIDDEN' } }],
    ['a missing service role', { message: 'no', extensions: { code: 'UNAUTHENTICATED' } }],
    ['its own internal error', { message: 'Internal error', extensions: { code: 'INTERNAL', requestId: 'req-there' } }],
    ['a subgraph it could not reach', { message: 'no', extensions: { code: 'SYSTEM_UNAVAILABLE', system: 'offers' } }],
    ['an error without a code', { message: 'no' }],
    ['a code the contract does not know', { message: 'no', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
  ])('raises %s as an internal error of this subgraph, the remote error kept for its log', async (_, remote) => {
    const err = await failing(remote);
    expect(err).toBeInstanceOf(SubgraphCallError);
    expect(err).toMatchObject({ subgraph: 'identity', remote });
    expect(toGraphQLError(err).extensions).toEqual({ code: 'INTERNAL' });
  });
});

describe('an internal error through another subgraph, as a client reads it', () => {
  it('is INTERNAL with the request id, logged with the remote error', async () => {
    const logged: unknown[] = [];
    const logger = { error: (obj: unknown) => logged.push(obj) } as unknown as Logger;
    const err = new SubgraphCallError('identity', 'it answered an error', {
      message: 'Cannot query field "x"',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = await inRequest('req-7', async () =>
      formatError(logger)(
        { message: 'x', path: ['customer', 'cases'] },
        new GraphQLError('x', { path: ['customer', 'cases'], originalError: err }),
      ),
    );
    expect(formatted).toMatchObject({
      message: 'Internal error',
      path: ['customer', 'cases'],
      extensions: { code: 'INTERNAL', requestId: 'req-7' },
    });
    expect(JSON.stringify(formatted)).not.toMatch(/identity|Cannot query/);
    expect(logged).toEqual([expect.objectContaining({ err })]);
    expect(logged[0]).toMatchObject({ err: { subgraph: 'identity', remote: { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } } } });
  });
});

describe('LocalSubgraphClient', () => {
  afterEach(() => jest.useRealTimers());

  /** a subgraph of this process that answers when the test says so */
  function slowSubgraph() {
    let answer!: (response: SubgraphResponse) => void;
    const running = { execute: () => new Promise<SubgraphResponse>((resolve) => (answer = resolve)) } as unknown as RunningSubgraph;
    return {
      client: new LocalSubgraphClient(() => running, 3000),
      answer: (data: unknown) => answer({ status: 200, body: { data } as never }),
    };
  }

  it('answers in time, leaving no timer behind', async () => {
    jest.useFakeTimers();
    const { client, answer } = slowSubgraph();
    const asked = client.request('identity', '{ __typename }');
    answer({ __typename: 'Query' });
    await expect(asked).resolves.toEqual({ __typename: 'Query' });
    expect(jest.getTimerCount()).toBe(0);
  });

  it('gives up at its deadline with the error the HTTP client raises when a subgraph does not answer in time', async () => {
    jest.useFakeTimers();
    const { client } = slowSubgraph();
    const asked = client.request('identity', '{ __typename }').catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(3000);
    const err = await asked;
    expect(err).toBeInstanceOf(SubgraphCallError);
    expect(err).toMatchObject({ subgraph: 'identity', detail: 'no answer within 3000 ms' });
    expect(toGraphQLError(err).extensions).toEqual({ code: 'INTERNAL' });
  });
});
