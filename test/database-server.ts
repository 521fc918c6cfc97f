// One PostgreSQL server for the whole jest run (jest.config.js globalSetup / globalTeardown): each
// test stack and store test makes a database of its own on it (test/databases.ts). A DATABASE_URL
// given to the run names the server to use instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedServer } from '../platform/db/embedded';

const holder = globalThis as { testDatabaseServer?: EmbeddedServer };

export async function setup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_SERVER = process.env.DATABASE_URL;
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omnigraph-test-postgres-'));
  holder.testDatabaseServer = await startEmbeddedPostgres({ dir, persistent: false, throwAway: true });
  // the workers are started after this, with this environment
  process.env.TEST_DATABASE_SERVER = holder.testDatabaseServer.url;
}

export async function teardown(): Promise<void> {
  await holder.testDatabaseServer?.stop();
}

/** For a benchmark that runs on the test harness, outside jest: the server for as long as `work` runs. */
export async function withDatabaseServer<T>(work: () => Promise<T>): Promise<T> {
  await setup();
  try {
    return await work();
  } finally {
    await teardown();
  }
}
