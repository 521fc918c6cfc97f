import type { GraphQLError } from 'graphql';
import type { CrmCase } from '../../../adapters/crm/wire';
import { ClosedCases, TAKE_OVER_MARGIN_MS } from '../../../domain/cases/closed-cases';
import { CLOCK_ALLOWANCE_S, closeCase, closedBefore, MAX_RESOLUTION } from '../../../domain/cases/closeCase';
import { LegacyRejectedError, LegacyUnavailableError } from '../../../platform/errors';
import { freshDb } from '../../databases';

const AT = new Date('2026-12-01T10:00:00Z');
const seconds = AT.getTime() / 1000;
const open: CrmCase = {
  id: 'K-5521',
  contact_id: 'C-000123',
  subject: 'Retard de livraison',
  body: 'Colis en retard',
  status: 'open',
  channel: 'phone',
  opened_at: seconds - 86_400,
  closed_at: null,
};

/**
 * A CRM whose case.close answers as the reference says: a closed case unchanged, with the Date of its
 * answer. `clockS`: where its clock is, AT on ours by default.
 */
function crmWith(cases: CrmCase[], fails?: Error, clockS = seconds) {
  const calls: string[] = [];
  const crm = {
    calls,
    closeCase: async (id: string, resolution: string) => {
      calls.push(`${id}: ${resolution}`);
      if (fails) throw fails;
      const found = cases.find((c) => c.id === id);
      if (!found) throw new LegacyRejectedError('crm', 'not_found', 'case.close: -32004');
      if (found.status === 'open') Object.assign(found, { status: 'closed', closed_at: clockS });
      return { closed: { ...found }, answeredAt: clockS };
    },
  };
  return crm;
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'closed',
    (err: GraphQLError) => (err.extensions?.code as string | undefined) ?? err.name,
  );

const CRM_TIMEOUT_MS = 3000;

async function setUp(cases: CrmCase[], fails?: Error, crmClockS?: number) {
  const crm = crmWith(cases, fails, crmClockS);
  const deps = { crm, closedCases: await ClosedCases.open(await freshDb(), CRM_TIMEOUT_MS) };
  return {
    crm,
    closedCases: deps.closedCases,
    close: (id: string, resolution = 'Remboursé', at = AT) => closeCase(deps, id, resolution, at),
  };
}

/** A claim made `msBefore` AT by a process that died while the CRM was asked: no answer, no release. */
const claimLeft = (closedCases: ClosedCases, id: string, msBefore: number) =>
  closedCases.claim(id, new Date(AT.getTime() - msBefore).toISOString());

it('closes an open case with the trimmed resolution, and refuses a second closing without asking the CRM', async () => {
  const { crm, close } = await setUp([{ ...open }]);
  expect(await close('K-5521', '  Remboursé par virement  ')).toMatchObject({ id: 'K-5521', status: 'closed', closed_at: seconds });
  expect(await code(close('K-5521'))).toBe('CONFLICT');
  expect(crm.calls).toEqual(['K-5521: Remboursé par virement']);
});

it('lets one of two closings at once close the case', async () => {
  const { close } = await setUp([{ ...open }]);
  const outcomes = await Promise.all([code(close('K-5521')), code(close('K-5521'))]);
  expect(outcomes.sort()).toEqual(['CONFLICT', 'closed']);
});

it('refuses a case the CRM closed before (its answer is older than the request), then without asking again', async () => {
  const { crm, close } = await setUp([{ ...open, status: 'closed', closed_at: seconds - 3600 }]);
  expect(await code(close('K-5521'))).toBe('CONFLICT');
  expect(await code(close('K-5521'))).toBe('CONFLICT');
  expect(crm.calls).toHaveLength(1);
});

it("closes an open case although the CRM's clock is a minute behind ours: this request's own closing is no CONFLICT", async () => {
  const behind = seconds - 60;
  const { close } = await setUp([{ ...open }, { ...open, id: 'K-5522', status: 'closed', closed_at: behind - 3600 }], undefined, behind);
  expect(await close('K-5521')).toMatchObject({ status: 'closed', closed_at: behind });
  expect(await code(close('K-5522'))).toBe('CONFLICT'); // closed an hour before, on the CRM's clock
});

it('answers NOT_FOUND for a case the CRM does not know, and asks again next time', async () => {
  const { crm, close } = await setUp([]);
  expect(await code(close('K-0001'))).toBe('NOT_FOUND');
  expect(await code(close('K-0001'))).toBe('NOT_FOUND');
  expect(crm.calls).toHaveLength(2);
});

it('gives the case back when the CRM is unavailable: a retry closes it', async () => {
  const down = await setUp([{ ...open }], new LegacyUnavailableError('crm', 'down'));
  expect(await code(down.close('K-5521'))).toBe('LegacyUnavailableError');
  expect(await code(down.close('K-5521'))).toBe('LegacyUnavailableError');
  expect(down.crm.calls).toHaveLength(2);
});

it('closes a case whose claim was left unfinished longer ago than a CRM call can last', async () => {
  const { crm, closedCases, close } = await setUp([{ ...open }]);
  expect(await claimLeft(closedCases, 'K-5521', CRM_TIMEOUT_MS + TAKE_OVER_MARGIN_MS + 1)).toBe('claimed');
  expect(await close('K-5521')).toMatchObject({ status: 'closed', closed_at: seconds });
  expect(crm.calls).toEqual(['K-5521: Remboursé']);
  expect(await code(close('K-5521'))).toBe('CONFLICT'); // marked closed once the CRM answered
  expect(crm.calls).toHaveLength(1);
});

it('tells a closing while a younger claim holds the case (a request may still be closing it) to retry later, without asking the CRM', async () => {
  const { crm, closedCases, close } = await setUp([{ ...open }]);
  expect(await claimLeft(closedCases, 'K-5521', CRM_TIMEOUT_MS + TAKE_OVER_MARGIN_MS - 1000)).toBe('claimed');
  await expect(close('K-5521')).rejects.toMatchObject({
    message: 'Case K-5521 is being closed by another request: retry later',
    extensions: { code: 'CONFLICT', retryable: true },
  });
  expect(crm.calls).toEqual([]);
});

it("keeps the previous release's claims working while a rolling upgrade runs, and refuses a case it claimed", async () => {
  const db = await freshDb();
  const closedCases = await ClosedCases.open(db, CRM_TIMEOUT_MS);
  // the previous release's claim, word for word: it still writes closed_at
  const previousClaim = (caseId: string, at: string) =>
    db.run(
      `INSERT INTO closed_cases (case_id, closed_at, state, claimed_at) VALUES ($1, $2::text, 'closing', $2::timestamptz)
       ON CONFLICT (case_id) DO UPDATE SET closed_at = excluded.closed_at, claimed_at = excluded.claimed_at
       WHERE closed_cases.state = 'closing' AND closed_cases.claimed_at < $3::timestamptz`,
      [caseId, at, new Date(AT.getTime() - CRM_TIMEOUT_MS - TAKE_OVER_MARGIN_MS).toISOString()],
    );
  expect(await previousClaim('K-5521', AT.toISOString())).toBe(1);
  expect(await closedCases.claim('K-5521', AT.toISOString())).toBe('closing');
  expect(await closedCases.claim('K-5522', AT.toISOString())).toBe('claimed');
  expect(await previousClaim('K-5522', AT.toISOString())).toBe(0);
});

it('never takes over a case closed through the graph, however old', async () => {
  const { crm, close } = await setUp([{ ...open }]);
  expect(await code(close('K-5521'))).toBe('closed');
  const again = close('K-5521', 'Encore', new Date(AT.getTime() + 86_400_000));
  await expect(again).rejects.toMatchObject({ message: 'Case K-5521 is closed already', extensions: { code: 'CONFLICT' } });
  expect(((await again.catch((e: GraphQLError) => e)) as GraphQLError).extensions.retryable).toBeUndefined();
  expect(crm.calls).toHaveLength(1);
});

it('takes a resolution of 1 to 5000 characters, and refuses any other before anything is asked', async () => {
  const { crm, close } = await setUp([{ ...open }]);
  for (const bad of ['', '   ', 'x'.repeat(MAX_RESOLUTION + 1)]) expect(await code(close('K-5521', bad))).toBe('BAD_USER_INPUT');
  expect(crm.calls).toEqual([]);
  expect(await code(close('K-5521', 'x'.repeat(MAX_RESOLUTION)))).toBe('closed');
});

describe('closedBefore', () => {
  const answer = (status: 'open' | 'closed', closedAt: number | null, answeredAt: number | null) => ({
    closed: { ...open, status, closed_at: closedAt },
    answeredAt,
  });

  it("is a closed case whose closing is older than the CRM's answer, by the CRM's clock, the call's time aside", () => {
    const crm = seconds - 3600; // wherever the CRM's clock is
    expect(closedBefore(answer('closed', crm - CLOCK_ALLOWANCE_S - 1, crm), AT)).toBe(true);
    expect(closedBefore(answer('closed', crm - CLOCK_ALLOWANCE_S, crm), AT)).toBe(false);
    expect(closedBefore(answer('closed', crm, crm), AT)).toBe(false);
    expect(closedBefore(answer('open', null, crm), AT)).toBe(false);
  });

  it("is told by the request's time when the CRM's answer has no Date", () => {
    expect(closedBefore(answer('closed', seconds - CLOCK_ALLOWANCE_S - 1, null), AT)).toBe(true);
    expect(closedBefore(answer('closed', seconds, null), AT)).toBe(false);
  });
});
