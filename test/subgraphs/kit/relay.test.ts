import { GraphQLError } from 'graphql';
import { decodeOffset, encodeCursor, keyedConnection, offsetConnection, pageSize } from '../../../subgraphs/kit/relay';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as GraphQLError).extensions.code;
  }
  return undefined;
};

describe('relay helpers', () => {
  it('bounds page sizes with BAD_USER_INPUT', () => {
    expect(pageSize(undefined, 20)).toBe(20);
    expect(pageSize(100, 20)).toBe(100);
    expect(code(() => pageSize(0, 20))).toBe('BAD_USER_INPUT');
    expect(code(() => pageSize(101, 20))).toBe('BAD_USER_INPUT');
    expect(code(() => pageSize(-1, 20))).toBe('BAD_USER_INPUT');
  });

  it('pages by offset and continues after the end cursor', () => {
    const page = offsetConnection(['a', 'b'], 0, true);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('1') });
    expect(decodeOffset(page.pageInfo.endCursor)).toBe(2);
    expect(decodeOffset(null)).toBe(0);
  });

  it('rejects forged cursors', () => {
    expect(code(() => decodeOffset('not a cursor!'))).toBe('BAD_USER_INPUT');
    expect(code(() => decodeOffset(encodeCursor('-3')))).toBe('BAD_USER_INPUT');
    expect(code(() => keyedConnection(['x'], (s) => s, 1, encodeCursor('unknown')))).toBe('BAD_USER_INPUT');
  });

  it('pages a merged list by key', () => {
    const items = ['d', 'c', 'b', 'a'];
    const first = keyedConnection(items, (s) => s, 3, null);
    expect(first.edges.map((e) => e.node)).toEqual(['d', 'c', 'b']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = keyedConnection(items, (s) => s, 3, first.pageInfo.endCursor);
    expect(rest.edges.map((e) => e.node)).toEqual(['a']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });
});
