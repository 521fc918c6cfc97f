// The test databases' pools (test/databases.ts): one a test opens is closed once it has ended (its
// afterEach hooks too), so that a file opening one per test does not hold their connections to its
// end; one a beforeAll opens serves the whole file.
import type { Db } from '../../../platform/db';
import { freshDb } from '../../databases';

let forFile: Db;
let openedByTest: Db;
let usableInAfterEach: boolean | undefined;
beforeAll(async () => {
  forFile = await freshDb();
});

afterEach(async () => {
  // a file's own afterEach, declared after test/databases.ts registered its hooks, may still use the test's database
  if (usableInAfterEach === undefined) usableInAfterEach = (await openedByTest.row('SELECT 1 AS one')) !== undefined;
});

it('opens a database for the test', async () => {
  openedByTest = await freshDb();
  expect(await openedByTest.row<{ one: number }>('SELECT 1 AS one')).toEqual({ one: 1 });
});

it('has closed it once that test ended, its afterEach included, and keeps the one of the file open', async () => {
  expect(usableInAfterEach).toBe(true);
  await expect(openedByTest.row('SELECT 1')).rejects.toMatchObject({ detail: expect.stringMatching(/after calling end on the pool/) });
  expect(await forFile.row<{ one: number }>('SELECT 1 AS one')).toEqual({ one: 1 });
});
