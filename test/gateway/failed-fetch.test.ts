// A failed subgraph fetch answered as an error on each field it asked for: the paths come from the
// fetch's own operation, as the gateway's query planner writes them (root fields, or the fields of
// each entity sent), so that the gateway maps each onto the client's field.
import { parse } from 'graphql';
import { failingFieldByField, fetchedPaths } from '../../gateway/failed-fetch';
import { capturedLogger } from '../captured-logs';

describe('fetchedPaths', () => {
  it('names each root field by the name it answers under', () => {
    const doc = parse('query Q__orders__0($id: ID!) { order(id: $id) { id } mine: customer(id: $id) { __typename id } __typename }');
    expect(fetchedPaths(doc, { id: 'x' })).toEqual([['order'], ['mine']]);
  });

  it("names each field once, on the first entity of a type that has it, through the planner's inline and named fragments", () => {
    const doc = parse(`query($representations: [_Any!]!) {
      _entities(representations: $representations) {
        __typename
        ... on Customer { cases { id } calls: calls { id } }
        ... on Order { ...OrderFields }
      }
    }
    fragment OrderFields on Order { returns { id } cases { id } }`);
    const representations = [
      { __typename: 'Customer', id: 'a' },
      { __typename: 'Order', id: 'b' },
      { __typename: 'Customer', id: 'c' },
    ];
    expect(fetchedPaths(doc, { representations })).toEqual([
      ['_entities', 0, 'cases'],
      ['_entities', 0, 'calls'],
      ['_entities', 1, 'returns'],
    ]);
  });
});

describe('failingFieldByField', () => {
  const request = { query: '{ stores { id } }', variables: {} };
  const incoming = { kind: 'incoming operation', request, incomingRequestContext: {}, context: {} } as never;

  it("answers a fetch that threw with an error on each of its fields, logged once with the subgraph's error", async () => {
    const logs = capturedLogger();
    const source = failingFieldByField('pos', { process: () => Promise.reject(new Error('connect ECONNREFUSED')) }, logs.logger);
    const answer = await source.process(incoming);
    expect(answer).toEqual({ data: null, errors: [{ message: 'Internal error', path: ['stores'], extensions: { code: 'INTERNAL' } }] });
    expect(logs.lines).toEqual([
      expect.objectContaining({
        msg: 'subgraph fetch failed',
        subgraph: 'pos',
        err: expect.objectContaining({ message: 'connect ECONNREFUSED' }),
      }),
    ]);
  });

  it('passes an answer through as it came, errors and all', async () => {
    const answered = { data: { stores: null }, errors: [{ message: 'The pos system is unavailable', path: ['stores'] }] };
    const source = failingFieldByField('pos', { process: () => Promise.resolve(answered) }, capturedLogger().logger);
    expect(await source.process(incoming)).toBe(answered);
  });
});
