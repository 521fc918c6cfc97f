// A look-up while the identity index's first pass is still reading the silos (a first deployment on
// a fresh database reads every account): it waits a while for that pass, then answers what the
// live search finds, and says whose people may be missing, rather than hang until the pass ends.
import { startSimulators, type SimHandle } from '../../legacy';
import type { System } from '../../platform/errors';
import { startStack, type Stack } from '../../platform/tools/stack';
import { createLogger } from '../../platform/logging';
import { gql, inEverySilo, SEED, seeded, SYSTEM_LIST, testConfig } from './harness';

const { world, truth } = seeded();
const person = truth.find(inEverySilo)!;
const phone = world.crm.contacts.find((c) => c.id === person.crmContactId)!.phone;
const FIND = 'query($p: String) { findCustomers(phone: $p) { identities { system externalId } } }';

let sims: Record<System, SimHandle | undefined>;
let stack: Stack;
const eshopFaults = (faults: Record<string, unknown>) =>
  fetch(`${sims.eshop!.url}/__sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });

beforeAll(async () => {
  sims = await startSimulators({ seed: { seed: Number(SEED.SIM_SEED), scale: Number(SEED.SIM_SCALE), now: new Date(SEED.SIM_NOW) } });
  // the first pass reads e-shop accounts by id: held until the test lets them through
  await eshopFaults({ hang: true, path: '/api/v2/customers/A-' });
  const urls = Object.fromEntries(SYSTEM_LIST.map((s) => [`${s.toUpperCase()}_URL`, sims[s]!.url]));
  stack = await startStack(await testConfig({ ...urls, IDENTITY_FIRST_PASS_WAIT_MS: '100' }), createLogger('silent'));
});
afterAll(async () => {
  await stack?.close();
  await Promise.all(Object.values(sims).map((s) => s?.close()));
});

it('answers what the live search finds, naming the silos not indexed yet, and all of it once the pass has ended', async () => {
  const early = await gql(stack, FIND, { p: phone });
  expect(early.data.findCustomers.map((c: any) => c.identities)).toContainEqual(
    expect.arrayContaining([{ system: 'CRM', externalId: person.crmContactId }]),
  );
  expect(early.errors?.map((e) => [e.extensions?.code, e.extensions?.system, e.path])).toEqual([
    ['SYSTEM_UNAVAILABLE', 'eshop', ['findCustomers']],
    ['SYSTEM_UNAVAILABLE', 'loyalty', ['findCustomers']],
  ]);
  expect(early.errors![0].message).toMatch(/still being indexed/);

  await eshopFaults({});
  await stack.identityIndexed;
  const later = await gql(stack, FIND, { p: phone });
  expect(later.errors).toBeUndefined();
  expect(later.data.findCustomers).toEqual([
    { identities: expect.arrayContaining([{ system: 'ESHOP', externalId: person.eshopAccountId }]) },
  ]);
});
