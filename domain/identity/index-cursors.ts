// How far the identity index has read each listable silo: the last id number found.
import { migrate, type Db } from '../../platform/db';

export type ListedSystem = 'eshop' | 'crm';

export class IndexCursors {
  private readonly sql;

  constructor(db: Db) {
    migrate(db, 'identity_index', [
      `CREATE TABLE identity_index (
         system TEXT PRIMARY KEY,
         last_number INTEGER NOT NULL,
         read_at TEXT NOT NULL
       )`,
    ]);
    this.sql = {
      get: db.prepare<[string], number>('SELECT last_number FROM identity_index WHERE system = ?').pluck(),
      save: db.prepare(
        `INSERT INTO identity_index (system, last_number, read_at) VALUES (@system, @lastNumber, @at)
         ON CONFLICT(system) DO UPDATE SET last_number = excluded.last_number, read_at = excluded.read_at`,
      ),
    };
  }

  lastNumber(system: ListedSystem): number | null {
    return this.sql.get.get(system) ?? null;
  }

  save(system: ListedSystem, lastNumber: number, at: Date): void {
    this.sql.save.run({ system, lastNumber, at: at.toISOString() });
  }
}
