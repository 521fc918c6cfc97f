// The project's one embedded database (SQLite): customer links, goodwill vouchers, and later the
// order sagas. Each store that keeps tables here applies its own migrations under its own name.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenOptions {
  /** receives every SQL statement run, with its values: for diagnostics */
  trace?: (sql: string) => void;
}

export function openDatabase(file: string, { trace }: OpenOptions = {}): Db {
  const inMemory = file === ':memory:';
  if (!inMemory) fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { verbose: trace && ((sql) => trace(String(sql))) });
  if (!inMemory) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (store TEXT PRIMARY KEY, version INTEGER NOT NULL)');
  return db;
}

/** One versioned step: SQL, or a function where data must be rewritten by rules that SQL cannot state. */
export type Migration = string | ((db: Db) => void);

/** Applies a store's migrations that have not run yet, each in its own transaction: append, never edit. */
export function migrate(db: Db, store: string, migrations: readonly Migration[]): void {
  const row = db.prepare('SELECT version FROM schema_migrations WHERE store = ?').get(store) as { version: number } | undefined;
  const version = row?.version ?? 0;
  migrations.slice(version).forEach((step, i) =>
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.prepare(
        'INSERT INTO schema_migrations (store, version) VALUES (?, ?) ON CONFLICT(store) DO UPDATE SET version = excluded.version',
      ).run(store, version + i + 1);
    })(),
  );
}
