import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { LegacyUnavailableError } from '../../../platform/errors';
import { formatError, PartialErrors, settleSources, startSubgraph, type BaseContext } from '../../../subgraphs/kit/server';
import { inRequest } from './in-request';
import { capturedLogger } from '../../captured-logs';

/** Formats an error as a subgraph does while serving the request with this id. */
async function formatIn(id: string, error: unknown) {
  const { logger, lines } = capturedLogger();
  const formatted = await inRequest(id, async () =>
    formatError(logger)({ message: error instanceof Error ? error.message : String(error), path: ['customer', 'loyalty'] }, error),
  );
  return { formatted, lines };
}

describe("a subgraph's errors as clients see them", () => {
  it('hides an unexpected error behind INTERNAL with the request id, and logs it under that id', async () => {
    const { formatted, lines } = await formatIn('req-7', new TypeError('cannot read properties of undefined (secret internals)'));
    expect(formatted).toEqual({
      message: 'Internal error',
      path: ['customer', 'loyalty'],
      extensions: { code: 'INTERNAL', requestId: 'req-7' },
    });
    expect(lines).toEqual([expect.objectContaining({ level: 50, requestId: 'req-7', msg: 'unexpected resolver error' })]);
  });

  it('does the same for an unexpected error reported beside a partial answer', async () => {
    const partial = new PartialErrors();
    partial.add(new TypeError('cannot read properties of undefined (secret internals)'), ['customer', 'loyalty']);
    const [reported] = partial.drain();
    const { formatted, lines } = await formatIn('req-10', reported);
    expect(formatted).toEqual({
      message: 'Internal error',
      path: ['customer', 'loyalty'],
      extensions: { code: 'INTERNAL', requestId: 'req-10' },
    });
    expect(lines).toEqual([expect.objectContaining({ level: 50, requestId: 'req-10', msg: 'unexpected resolver error' })]);
  });

  it("keeps a legacy failure's code and system, without a request id or a log line", async () => {
    const { formatted, lines } = await formatIn(
      'req-8',
      new LegacyUnavailableError('loyalty', 'HTTP 503 from https://loyalty.internal/v1'),
    );
    expect(formatted).toMatchObject({ path: ['customer', 'loyalty'], extensions: { code: 'SYSTEM_UNAVAILABLE', system: 'loyalty' } });
    expect(JSON.stringify(formatted)).not.toMatch(/loyalty\.internal|req-8/);
    expect(lines).toEqual([]);
  });

  it('passes a GraphQL error about the request as it is', async () => {
    const error = new GraphQLError('Unknown argument', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect((await formatIn('req-9', error)).formatted).toEqual({
      message: 'Unknown argument',
      path: ['customer', 'loyalty'],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});

describe('partial errors in a subgraph answer', () => {
  it('come out as its field errors do: INTERNAL with the request id, logged with the cause', async () => {
    const { logger, lines } = capturedLogger();
    const subgraph = await startSubgraph(
      {
        name: 'pos',
        context: () => ({}),
        resolvers: {
          Query: {
            stores: (_: unknown, __: unknown, ctx: BaseContext, info: GraphQLResolveInfo) =>
              settleSources(ctx, info, [
                Promise.reject(new TypeError('cannot read properties of undefined (secret internals)')),
                Promise.resolve([]),
              ]),
          },
        },
      },
      { logger },
    );
    try {
      const { body } = await inRequest('req-11', () => subgraph.execute({ query: '{ stores { id } }' }, null));
      expect(body.data).toEqual({ stores: [] });
      expect(body.errors).toEqual([{ message: 'Internal error', path: ['stores'], extensions: { code: 'INTERNAL', requestId: 'req-11' } }]);
      expect(lines).toEqual([expect.objectContaining({ level: 50, requestId: 'req-11', msg: 'unexpected resolver error' })]);
    } finally {
      await subgraph.close();
    }
  });
});
