// The call center cases closed through the graph. The CRM's case.close answers a case already
// closed as if it had just closed it, and the CRM cannot read one case by id: so the project keeps
// which cases it closed (or found closed), and a second closing, on any replica, is refused.
import { migrate, type Db } from '../../platform/db';
import type { Instant } from '../types';

// Applied in order, each once (platform/db migrate): append, never edit.
const MIGRATIONS = [
  `CREATE TABLE closed_cases (
     case_id TEXT PRIMARY KEY,
     closed_at TEXT NOT NULL -- when the graph closed it, or found it closed
   );`,
];

export class ClosedCases {
  private constructor(private readonly db: Db) {}

  static async open(db: Db): Promise<ClosedCases> {
    await migrate(db, 'cases', MIGRATIONS);
    return new ClosedCases(db);
  }

  /** Takes the case for closing: false when it was closed (or is being closed) already. */
  async claim(caseId: string, at: Instant): Promise<boolean> {
    return (
      (await this.db.run('INSERT INTO closed_cases (case_id, closed_at) VALUES ($1, $2) ON CONFLICT (case_id) DO NOTHING', [
        caseId,
        at,
      ])) === 1
    );
  }

  /** Gives the case back: the CRM did not close it (unknown, or unavailable). */
  async release(caseId: string): Promise<void> {
    await this.db.run('DELETE FROM closed_cases WHERE case_id = $1', [caseId]);
  }
}
