// A database of its own for each test stack and store test, on the run's one server
// (test/database-server.ts): test files never see each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db } from '../platform/db';
import { until } from './until';

function server(): string {
  const url = process.env.TEST_DATABASE_SERVER;
  if (!url)
    throw new Error('No test database server: jest starts one (jest.config.js), a benchmark on the harness with test/database-server');
  return url;
}

/** The URL of a new database: empty, or a copy of `template`. */
export async function freshDatabaseUrl(template?: string): Promise<string> {
  const name = `test_${randomBytes(8).toString('hex')}`;
  const url = new URL(server());
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

/** opened for the whole file (in a beforeAll) */
const forFile: Db[] = [];
/** opened by the running test or its beforeEach, while one runs */
let forTest: Db[] | null = null;
/** opened by the test that ran last: closed before the next one starts */
const forLastTest: Db[] = [];
const closeAll = (dbs: Db[]) => Promise.all(dbs.splice(0).map((db) => db.close()));
// (the hooks are jest's: the benchmarks that share the harness have none). A database a test opens
// is closed before the next test starts, once every afterEach of its own has run: left to the
// file's end, a file opening one per test held their pools' idle connections, and beside another
// worker's stack the server ran out of connections.
if (typeof afterAll === 'function') {
  beforeEach(async () => {
    await closeAll(forLastTest);
    forTest = [];
  });
  afterEach(() => {
    forLastTest.push(...(forTest ?? []));
    forTest = null;
  });
  afterAll(() => closeAll([...forLastTest, ...forFile]));
}

/** A pool on a new, empty database; closed after the test that opened it, or after the file when a beforeAll did. */
export async function freshDb(): Promise<Db> {
  const db = openDatabase(await freshDatabaseUrl());
  (forTest ?? forFile).push(db);
  return db;
}

/** Waits until `n` connections of this database listen for notices (a listener opens its own in the background). */
export const listeningConnections = (db: Db, n: number) =>
  until(`${n} connections listening`, async () => {
    const found = await db.row<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'",
    );
    return found?.n === n;
  });
