// A customer's orders page: the web orders are read a page at a time, as far as the page asked for
// needs, and merged with the store sales (read whole: the POS has no paging) newest first.
import { PagedList, newestFirstConnection } from '../../../subgraphs/kit/merged-pages';
import { decodeCursor, type Connection } from '../../../subgraphs/kit/relay';

interface Item {
  id: string;
  at: number;
}
const newestFirst = (a: Item, b: Item) => b.at - a.at || b.id.localeCompare(a.id);
const keyOf = (i: Item) => i.id;

/** `n` items newest first, `step` apart, served `perPage` at a time; counts the pages read. */
function source(prefix: string, n: number, step: number, perPage: number) {
  const items = Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, at: 100_000 - i * step }));
  const read = { pages: 0 };
  async function* pages() {
    for (let p = 0; p * perPage < items.length; p++) {
      read.pages++;
      yield items.slice(p * perPage, (p + 1) * perPage);
    }
  }
  return { items, read, list: () => new PagedList(pages()) };
}

const page = (conn: { edges: { node: Item }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }) => ({
  ids: conn.edges.map((e) => e.node.id),
  hasNextPage: conn.pageInfo.hasNextPage,
  end: conn.pageInfo.endCursor && decodeCursor(conn.pageInfo.endCursor),
});

it('reads one page of 350 web orders for the first five orders', async () => {
  const web = source('w', 350, 10, 100);
  const sales = source('s', 3, 7, 100).items;
  const conn = await newestFirstConnection(sales, [web.list()], { compare: newestFirst, keyOf, first: 5, after: null });
  const expected = [...web.items, ...sales].sort(newestFirst).slice(0, 5);
  expect(page(conn)).toEqual({ ids: expected.map(keyOf), hasNextPage: true, end: expected[4].id });
  expect(web.read.pages).toBe(1);
});

it('pages through everything, in order, with every page read once per request', async () => {
  const a = source('a', 230, 10, 100);
  const b = source('b', 120, 19, 100);
  const sales = source('s', 40, 53, 100).items;
  const all = [...a.items, ...b.items, ...sales].sort(newestFirst);
  const lists = [a.list(), b.list()];
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const conn: Connection<Item> = await newestFirstConnection(sales, lists, { compare: newestFirst, keyOf, first: 37, after });
    seen.push(...conn.edges.map((e) => e.node.id));
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  expect(seen).toEqual(all.map(keyOf));
  expect([a.read.pages, b.read.pages]).toEqual([3, 2]);
});

it('keeps only what the filter keeps, and reads on until the page is full', async () => {
  const web = source('w', 300, 10, 100);
  const even = (i: Item) => Number(i.id.slice(1)) % 2 === 0;
  const conn = await newestFirstConnection([], [web.list()], { compare: newestFirst, keyOf, first: 60, after: null, keep: even });
  expect(page(conn).ids).toEqual(web.items.filter(even).slice(0, 60).map(keyOf));
  expect(page(conn).hasNextPage).toBe(true);
  expect(web.read.pages).toBe(2);
});

it('refuses a cursor that names no order: BAD_USER_INPUT', async () => {
  const web = source('w', 150, 10, 100);
  await expect(
    newestFirstConnection([], [web.list()], { compare: newestFirst, keyOf, first: 5, after: 'bm90aGluZw' }),
  ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
});
