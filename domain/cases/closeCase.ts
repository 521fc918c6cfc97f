// closeCase: a call center case closed with the agent's resolution, once. A case the graph closed
// before is refused from the project's own record; one closed in the CRM itself is told by its
// answer, whose closing time is older than the request (case.close answers a closed case unchanged).
import type { CrmCase } from '../../adapters/crm/wire';
import { badInput, graphqlError, LegacyRejectedError, notFound } from '../../platform/errors';
import type { ClosedCases } from './closed-cases';

export const MAX_RESOLUTION = 5000;

/**
 * Seconds the CRM's clock may be ahead of ours: a case closed in the CRM this little before the
 * request is taken as closed by it (its closing stands either way, as asked).
 */
export const CLOCK_ALLOWANCE_S = 5;

export interface CaseCloser {
  closeCase(id: string, resolution: string): Promise<CrmCase>;
}

/** The resolution as kept: trimmed, 1 to MAX_RESOLUTION characters. */
export function checkedResolution(resolution: string): string {
  const kept = resolution.trim();
  if (kept.length === 0 || kept.length > MAX_RESOLUTION) throw badInput(`resolution must have 1 to ${MAX_RESOLUTION} characters`);
  return kept;
}

/** Whether the CRM's answer is a case that was closed before the request (epoch seconds), not by it. */
export function closedBefore(answer: Pick<CrmCase, 'status' | 'closed_at'>, requestedAt: Date): boolean {
  return answer.status === 'closed' && answer.closed_at !== null && answer.closed_at < requestedAt.getTime() / 1000 - CLOCK_ALLOWANCE_S;
}

const alreadyClosed = (id: string) => graphqlError('CONFLICT', `Case ${id} is closed already`);

export async function closeCase(
  deps: { crm: CaseCloser; closedCases: ClosedCases },
  id: string,
  resolution: string,
  at = new Date(),
): Promise<CrmCase> {
  const kept = checkedResolution(resolution);
  if (!(await deps.closedCases.claim(id, at.toISOString()))) throw alreadyClosed(id);
  let answer: CrmCase;
  try {
    answer = await deps.crm.closeCase(id, kept);
  } catch (err) {
    await deps.closedCases.release(id);
    if (err instanceof LegacyRejectedError && err.legacyCode === 'not_found') throw notFound(`Unknown case ${id}`);
    throw err;
  }
  // found closed: kept as closed, so the next attempt is refused without asking the CRM
  if (closedBefore(answer, at)) throw alreadyClosed(id);
  return answer;
}
