// The call center cases closed through the graph. The CRM's case.close answers a case already
// closed as if it had just closed it, and the CRM cannot read one case by id: so the project keeps
// which cases it closed (or found closed), and a second closing, on any replica, is refused.
// A case is claimed (`closing`) before the CRM is asked and marked `closed` once it answered: a
// claim its process left unfinished (it died during the call) is taken over once older than the
// CRM call can last, so the case is never refused as closed while it is open in the CRM.
import { migrate, type Db } from '../../platform/db';
import type { Instant } from '../types';

// Applied in order, each once (platform/db migrate): append, never edit.
const MIGRATIONS = [
  `CREATE TABLE closed_cases (
     case_id TEXT PRIMARY KEY,
     closed_at TEXT NOT NULL -- when the graph closed it, or found it closed
   );`,
  // rows from before are cases closed (or found closed): the graph released a claim the CRM did not close
  `ALTER TABLE closed_cases
     ADD COLUMN state TEXT NOT NULL DEFAULT 'closed' CHECK (state IN ('closing', 'closed')),
     ADD COLUMN claimed_at TIMESTAMPTZ;
   UPDATE closed_cases SET claimed_at = closed_at::timestamptz;
   ALTER TABLE closed_cases ALTER COLUMN claimed_at SET NOT NULL;`,
  // closed_at says what claimed_at says: no longer written. Dropped a release later, as replicas of
  // the release before this one still write it while a rolling upgrade runs.
  `ALTER TABLE closed_cases ALTER COLUMN closed_at DROP NOT NULL;`,
];

/** Beyond the CRM call's own timeout: a claim older than both is one its process did not finish. */
export const TAKE_OVER_MARGIN_MS = 30_000;

export class ClosedCases {
  private constructor(
    private readonly db: Db,
    private readonly takeOverAfterMs: number,
  ) {}

  /** `crmTimeoutMs`: how long a CRM call may last (CRM_TIMEOUT_MS), after which a claim is taken over. */
  static async open(db: Db, crmTimeoutMs: number): Promise<ClosedCases> {
    await migrate(db, 'cases', MIGRATIONS);
    return new ClosedCases(db, crmTimeoutMs + TAKE_OVER_MARGIN_MS);
  }

  /**
   * Takes the case for closing (`claimed`); or says it was closed already (`closed`), or is being
   * closed by a request still within its time (`closing`). A claim left older than that is taken over.
   */
  async claim(caseId: string, at: Instant): Promise<'claimed' | 'closed' | 'closing'> {
    const staleBefore = new Date(Date.parse(at) - this.takeOverAfterMs).toISOString();
    const claimed = await this.db.run(
      `INSERT INTO closed_cases (case_id, state, claimed_at) VALUES ($1, 'closing', $2::timestamptz)
       ON CONFLICT (case_id) DO UPDATE SET claimed_at = excluded.claimed_at
       WHERE closed_cases.state = 'closing' AND closed_cases.claimed_at < $3::timestamptz`,
      [caseId, at, staleBefore],
    );
    if (claimed === 1) return 'claimed';
    const held = await this.db.row<{ state: 'closed' | 'closing' }>('SELECT state FROM closed_cases WHERE case_id = $1', [caseId]);
    // given back meanwhile (its CRM call failed): this request may take it
    return held ? held.state : this.claim(caseId, at);
  }

  /** The CRM answered the claim made `at`: the case is closed (by this request, or found closed). */
  async closed(caseId: string, at: Instant): Promise<void> {
    await this.db.run(`UPDATE closed_cases SET state = 'closed' WHERE case_id = $1 AND claimed_at = $2::timestamptz`, [caseId, at]);
  }

  /** Gives back the claim made `at`: the CRM did not close the case (unknown, or unavailable). */
  async release(caseId: string, at: Instant): Promise<void> {
    await this.db.run(`DELETE FROM closed_cases WHERE case_id = $1 AND state = 'closing' AND claimed_at = $2::timestamptz`, [caseId, at]);
  }
}
