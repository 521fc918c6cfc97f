// refreshPricing reached on one replica drops the cached promotions of every replica (and of every
// subgraph served apart): they share the database, which tells them all.
import type { Stack } from '../../platform/tools/stack';
import { openDatabase, type Db } from '../../platform/db';
import { listeningConnections } from '../databases';
import { expectReadAgainAfterRefresh, gql, seeded, simStats, startTestStack, SYSTEM_LIST, stackDatabaseUrl } from './harness';

const { world } = seeded();
const QUOTE = 'query($i: QuoteInput!) { quote(input: $i) { total { centAmount } } }';
const input = { i: { channel: 'WEB', lines: [{ sku: world.eshop.products[0].sku, quantity: 1 }] } };
const PROMOTIONS = 'GET /api/v2/promotions';

let reached: Stack;
let other: Stack;
/** the database both replicas are on, seen from outside */
let db: Db;

beforeAll(async () => {
  const DATABASE_URL = await stackDatabaseUrl();
  db = openDatabase(DATABASE_URL);
  reached = await startTestStack({ DATABASE_URL });
  const legacy = Object.fromEntries(SYSTEM_LIST.map((s) => [`${s.toUpperCase()}_URL`, reached.legacyUrls[s]]));
  other = await startTestStack({ DATABASE_URL, ...legacy });
  await listeningConnections(db, 2); // one a replica: its catalogue's and its promotions'
});
afterAll(() => Promise.all([reached?.close(), other?.close(), db?.close()]));

/** How many times the e-shop has listed its promotions, to either replica. */
const promotionReads = async (): Promise<number> => (await simStats(reached, 'eshop')).byRoute[PROMOTIONS] ?? 0;

it('makes the other replica read the promotions again, not only the one it reached', async () => {
  const quote = async () => expect((await gql(other, QUOTE, input)).errors).toBeUndefined();
  await expectReadAgainAfterRefresh('the other replica reading the promotions again', reached, quote, promotionReads);
});
