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

const opened: Db[] = [];
// (afterAll is jest's: the benchmarks that share the harness have none)
if (typeof afterAll === 'function') afterAll(() => Promise.all(opened.splice(0).map((db) => db.close())));

/** A pool on a new, empty database; closed after the test file. */
export async function freshDb(): Promise<Db> {
  const db = openDatabase(await freshDatabaseUrl());
  opened.push(db);
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
