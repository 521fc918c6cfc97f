// closeCase: a call center case closed with the agent's resolution, once. A case the graph closed
// before is refused from the project's own record; one closed in the CRM itself is told by its
// answer, whose closing time is older than the answer's own Date (case.close answers a closed case
// unchanged).
import type { CrmCase } from '../../adapters/crm/wire';
import { graphqlError, LegacyRejectedError, notFound, stillRunning } from '../../platform/errors';
import { checkedText } from '../canonical/text';
import type { ClosedCases } from './closed-cases';

export const MAX_RESOLUTION = 5000;

/**
 * Seconds between the CRM stamping a closing and the Date of its answer, on its own clock: the
 * call's time (CRM_TIMEOUT_MS at most, 3 s by default) and the Date header's whole seconds.
 */
export const CLOCK_ALLOWANCE_S = 5;

/** case.close's answer, with when the CRM answered by its own clock (epoch seconds; null when it did not say). */
export interface ClosedAnswer {
  closed: CrmCase;
  answeredAt: number | null;
}

export interface CaseCloser {
  closeCase(id: string, resolution: string): Promise<ClosedAnswer>;
}

/**
 * Whether case.close found the case closed before this request rather than closing it. Both times
 * are the CRM's (its closed_at, and its answer's Date): a CRM clock behind or ahead of ours does
 * not turn this request's own closing into a CONFLICT. Without a Date, the request's time (ours).
 */
export function closedBefore({ closed, answeredAt }: ClosedAnswer, requestedAt: Date): boolean {
  const now = answeredAt ?? requestedAt.getTime() / 1000;
  return closed.status === 'closed' && closed.closed_at !== null && closed.closed_at < now - CLOCK_ALLOWANCE_S;
}

const alreadyClosed = (id: string) => graphqlError('CONFLICT', `Case ${id} is closed already`);

export async function closeCase(
  deps: { crm: CaseCloser; closedCases: ClosedCases },
  id: string,
  resolution: string,
  at = new Date(),
): Promise<CrmCase> {
  const kept = checkedText('resolution', resolution, MAX_RESOLUTION);
  const claimedAt = at.toISOString();
  const claim = await deps.closedCases.claim(id, claimedAt);
  if (claim === 'closing') throw stillRunning(`Case ${id} is being closed by another request: retry later`);
  if (claim === 'closed') throw alreadyClosed(id);
  let answer: ClosedAnswer;
  try {
    answer = await deps.crm.closeCase(id, kept);
  } catch (err) {
    await deps.closedCases.release(id, claimedAt);
    if (err instanceof LegacyRejectedError && err.legacyCode === 'not_found') throw notFound(`Unknown case ${id}`);
    throw err;
  }
  // found closed too: kept as closed, so the next attempt is refused without asking the CRM
  await deps.closedCases.closed(id, claimedAt);
  if (closedBefore(answer, at)) throw alreadyClosed(id);
  return answer.closed;
}
