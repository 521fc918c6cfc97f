// The test databases' pools (test/databases.ts): one a test opens is closed once it ends, so that a
// file opening one per test does not hold their connections to its end; one a beforeAll opens
// serves the whole file.
import type { Db } from '../../../platform/db';
import { freshDb } from '../../databases';

let forFile: Db;
let openedByTest: Db;
beforeAll(async () => {
  forFile = await freshDb();
});

it('opens a database for the test', async () => {
  openedByTest = await freshDb();
  expect(await openedByTest.row<{ one: number }>('SELECT 1 AS one')).toEqual({ one: 1 });
});

it('has closed it once that test ended, and keeps the one of the file open', async () => {
  await expect(openedByTest.row('SELECT 1')).rejects.toThrow();
  expect(await forFile.row<{ one: number }>('SELECT 1 AS one')).toEqual({ one: 1 });
});
