// A look-up while the identity index has not yet read the e-shop's accounts to the end (its first
// pass on a fresh database reads every account): by phone or name it waits a while for that pass,
// then answers what the live search finds and says who may be missing, rather than hang until the
// pass ends; by email (searched live) it waits for nothing and misses no one.
import { startSimulators, type SimHandle } from '../../legacy';
import type { System } from '../../platform/errors';
import { startStack, type Stack } from '../../platform/tools/stack';
import { createLogger } from '../../platform/logging';
import { gql, SEED, seeded, SYSTEM_LIST, testConfig } from './harness';

const { world, truth } = seeded();
/** someone only the e-shop holds: only the index finds them by phone */
const person = truth.find((p) => p.eshopAccountId && !p.crmContactId && !p.loyaltyCard)!;
const account = world.eshop.accounts.find((a) => a.id === person.eshopAccountId)!;
const FIND = 'query($p: String, $e: String) { findCustomers(phone: $p, email: $e) { identities { system externalId } } }';
const theirs = [{ identities: [{ system: 'ESHOP', externalId: person.eshopAccountId }] }];

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
  stack = await startStack(await testConfig({ ...urls, IDENTITY_INDEX_WAIT_MS: '100' }), createLogger('silent'));
});
afterAll(async () => {
  await stack?.close();
  await Promise.all(Object.values(sims).map((s) => s?.close()));
});

it('answers a search by phone without whom only the index finds, saying so, and with them once the pass has ended', async () => {
  const early = await gql(stack, FIND, { p: account.phone });
  expect(early.data.findCustomers).toEqual([]);
  expect(early.errors?.map((e) => [e.extensions?.code, e.extensions?.system, e.path])).toEqual([
    ['SYSTEM_UNAVAILABLE', 'eshop', ['findCustomers']],
  ]);
  expect(early.errors![0].message).toMatch(/^The e-shop's accounts are not all indexed yet/);
  // by email the e-shop is searched live: found, nothing to say
  const byEmail = await gql(stack, FIND, { e: account.email });
  expect(byEmail).toEqual({ data: { findCustomers: theirs } });

  await eshopFaults({});
  await stack.identityIndexed;
  const later = await gql(stack, FIND, { p: account.phone });
  expect(later).toEqual({ data: { findCustomers: theirs } });
});
