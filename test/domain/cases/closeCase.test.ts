import type { GraphQLError } from 'graphql';
import type { CrmCase } from '../../../adapters/crm/wire';
import { ClosedCases } from '../../../domain/cases/closed-cases';
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

/** A CRM whose case.close answers as the reference says: a closed case unchanged. */
function crmWith(cases: CrmCase[], fails?: Error) {
  const calls: string[] = [];
  const crm = {
    calls,
    closeCase: async (id: string, resolution: string) => {
      calls.push(`${id}: ${resolution}`);
      if (fails) throw fails;
      const found = cases.find((c) => c.id === id);
      if (!found) throw new LegacyRejectedError('crm', 'not_found', 'case.close: -32004');
      if (found.status === 'open') Object.assign(found, { status: 'closed', closed_at: seconds });
      return { ...found };
    },
  };
  return crm;
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'closed',
    (err: GraphQLError) => (err.extensions?.code as string | undefined) ?? err.name,
  );

async function setUp(cases: CrmCase[], fails?: Error) {
  const crm = crmWith(cases, fails);
  const deps = { crm, closedCases: await ClosedCases.open(await freshDb()) };
  return { crm, close: (id: string, resolution = 'Remboursé') => closeCase(deps, id, resolution, AT) };
}

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

it('takes a resolution of 1 to 5000 characters, and refuses any other before anything is asked', async () => {
  const { crm, close } = await setUp([{ ...open }]);
  for (const bad of ['', '   ', 'x'.repeat(MAX_RESOLUTION + 1)]) expect(await code(close('K-5521', bad))).toBe('BAD_USER_INPUT');
  expect(crm.calls).toEqual([]);
  expect(await code(close('K-5521', 'x'.repeat(MAX_RESOLUTION)))).toBe('closed');
});

describe('closedBefore', () => {
  it('is a closed case whose closing is older than the request, the CRM clock allowance aside', () => {
    expect(closedBefore({ status: 'closed', closed_at: seconds - CLOCK_ALLOWANCE_S - 1 }, AT)).toBe(true);
    expect(closedBefore({ status: 'closed', closed_at: seconds - CLOCK_ALLOWANCE_S }, AT)).toBe(false);
    expect(closedBefore({ status: 'closed', closed_at: seconds }, AT)).toBe(false);
    expect(closedBefore({ status: 'open', closed_at: null }, AT)).toBe(false);
  });
});
