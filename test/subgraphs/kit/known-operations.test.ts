// A subgraph of the gateway's process runs a document through Apollo Server's pipeline the first
// time, then on graphql-js directly: what a caller gets must not tell the two apart.
import { ApolloServer } from '@apollo/server';
import type { GraphQLResolveInfo } from 'graphql';
import { LegacyUnavailableError } from '../../../platform/errors';
import { settleSources, startSubgraph, type BaseContext, type RunningSubgraph } from '../../../subgraphs/kit/server';
import { capturedLogger } from '../../captured-logs';
import { inRequest } from './in-request';

const STORES = [
  { id: 'ST001', name: 'Lyon' },
  { id: 'ST002', name: null }, // a name the resolver cannot give: a field error
];

function posSubgraph() {
  const { logger, lines } = capturedLogger();
  const started = startSubgraph(
    {
      name: 'pos',
      context: () => ({}),
      resolvers: {
        Query: {
          // one source answers, another is down: a partial error beside the list
          stores: (_: unknown, __: unknown, ctx: BaseContext, info: GraphQLResolveInfo) =>
            settleSources(ctx, info, [Promise.resolve(STORES), Promise.reject(new LegacyUnavailableError('pos', 'HTTP 503'))]),
          store: (_: unknown, { id }: { id: string }) => STORES.find((s) => s.id === id) ?? null,
        },
        Store: {
          name: (store: { name: string | null }) => {
            if (store.name === null) throw new TypeError('cannot read properties of null (secret internals)');
            return store.name;
          },
        },
      },
    },
    { logger },
  );
  return { started, lines };
}

describe('operations run in-process on a subgraph', () => {
  let subgraph: RunningSubgraph;
  let lines: Record<string, unknown>[];
  const throughApollo = jest.spyOn(ApolloServer.prototype, 'executeOperation');

  beforeEach(async () => {
    const pos = posSubgraph();
    subgraph = await pos.started;
    lines = pos.lines;
    throughApollo.mockClear();
  });
  afterEach(() => subgraph.close());
  afterAll(() => throughApollo.mockRestore());

  const run = (id: string, query: string, variables?: Record<string, unknown>) =>
    inRequest(id, () => subgraph.execute({ query, variables }, null));

  it("answers a document again as Apollo answered it the first time, field and partial errors alike, without Apollo's pipeline", async () => {
    const query = '{ stores { id name } }';
    const first = await run('req-1', query);
    expect(first.body).toEqual({
      data: { stores: null }, // [Store!]: the store without a name nulls the list
      errors: [
        {
          message: 'Internal error',
          path: ['stores', 1, 'name'],
          locations: [{ line: 1, column: 15 }],
          extensions: { code: 'INTERNAL', requestId: 'req-1' },
        },
        { message: expect.any(String), path: ['stores'], extensions: { code: 'SYSTEM_UNAVAILABLE', system: 'pos' } },
      ],
    });
    const again = await run('req-2', query);
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual({
      ...first.body,
      errors: [{ ...first.body.errors![0], extensions: { code: 'INTERNAL', requestId: 'req-2' } }, first.body.errors![1]],
    });
    expect(throughApollo).toHaveBeenCalledTimes(1);
    // the unexpected error logged each time, under its own request's id
    const logged = lines.filter((l) => l.msg === 'unexpected resolver error').map((l) => l.requestId);
    expect(logged).toEqual(['req-1', 'req-2']);
  });

  it("runs the operation a known document's operationName names, and leaves an unknown name to Apollo", async () => {
    const query = 'query One { stores { id } } query Two($id: ID!) { store(id: $id) { id } }';
    expect((await run('req-3', query, { id: 'ST002' })).status).toBe(400); // no operationName: Apollo refuses, nothing kept
    const one = await inRequest('req-3', () => subgraph.execute({ query, operationName: 'One' }, null));
    const two = await inRequest('req-3', () => subgraph.execute({ query, operationName: 'Two', variables: { id: 'ST002' } }, null));
    expect(two.body).toEqual({ data: { store: { id: 'ST002' } } });
    expect(throughApollo).toHaveBeenCalledTimes(2); // the refusal and One's first run
    const unknown = await inRequest('req-3', () => subgraph.execute({ query, operationName: 'Three' }, null));
    expect(throughApollo).toHaveBeenCalledTimes(3);
    expect(unknown.status).toBe(400);
    expect(one.body.errors).toHaveLength(1); // the partial error
  });

  it('leaves to Apollo, each time, a document whose errors belong to no field', async () => {
    const answers = [];
    for (let i = 0; i < 2; i++) answers.push(await run('req-4', 'mutation { stores { id } }'));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0].body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: expect.any(String) }) }),
    ]);
    expect(throughApollo).toHaveBeenCalledTimes(2);
  });

  it('leaves variables that do not fit a known document to Apollo, which answers them as it would have the first time', async () => {
    const query = 'query Store($id: ID!) { store(id: $id) { id } }';
    expect((await run('req-2', query, { id: 'ST001' })).body).toEqual({ data: { store: { id: 'ST001' } } });
    const unfit = await run('req-2', query, {});
    expect(throughApollo).toHaveBeenCalledTimes(2);
    expect(unfit.status).toBe(400);
    expect(unfit.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    expect((await run('req-2', query, { id: 'ST002' })).body).toEqual({ data: { store: { id: 'ST002' } } });
    expect(throughApollo).toHaveBeenCalledTimes(2);
  });

  it('keeps no document Apollo refused: each run of it is refused by Apollo', async () => {
    for (let i = 0; i < 2; i++) {
      const refused = await run('req-3', '{ stores { nope } }');
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
    }
    expect(throughApollo).toHaveBeenCalledTimes(2);
  });

  it('refuses a known document once the subgraph is closed, as Apollo does', async () => {
    await run('req-4', '{ stores { id } }');
    await subgraph.close();
    await expect(run('req-4', '{ stores { id } }')).rejects.toThrow(/stopped/);
  });
});
