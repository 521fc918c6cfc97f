// How far the identity index has read each listable silo: the last id number found.
import { migrate, type Db } from '../../platform/db';

export type ListedSystem = 'eshop' | 'crm';

export class IndexCursors {
  private constructor(private readonly db: Db) {}

  static async open(db: Db): Promise<IndexCursors> {
    await migrate(db, 'identity_index', [
      `CREATE TABLE identity_index (
         system TEXT PRIMARY KEY,
         last_number INTEGER NOT NULL,
         read_at TEXT NOT NULL
       )`,
    ]);
    return new IndexCursors(db);
  }

  async lastNumber(system: ListedSystem): Promise<number | null> {
    return (
      (await this.db.row<{ last_number: number }>('SELECT last_number FROM identity_index WHERE system = $1', [system]))?.last_number ??
      null
    );
  }

  /** Never backwards: every replica indexes, and one that read less must not undo another's progress. */
  async save(system: ListedSystem, lastNumber: number, at: Date): Promise<void> {
    await this.db.run(
      `INSERT INTO identity_index (system, last_number, read_at) VALUES ($1, $2, $3)
       ON CONFLICT (system) DO UPDATE SET last_number = GREATEST(identity_index.last_number, excluded.last_number), read_at = excluded.read_at`,
      [system, lastNumber, at.toISOString()],
    );
  }
}
