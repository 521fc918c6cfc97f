// The identity subgraph's per-request loaders: the customers of a list of orders asked of the
// store in one query, and asked again once a record has been discovered.
import type { RecordRef } from '../../../domain/identity/store';
import type { IdentityDeps } from '../../../subgraphs/identity/context';
import { identityContext } from '../../../subgraphs/identity/context';

function withStore(owners: Map<string, string>) {
  const asked: RecordRef[][] = [];
  const store = {
    customersOfRecords: async (refs: readonly RecordRef[]) => {
      asked.push([...refs]);
      return refs.map((r) => owners.get(`${r.system}:${r.externalId}`) ?? null);
    },
  };
  const ctx = identityContext({ store } as unknown as IdentityDeps);
  return { ctx, asked };
}

it("asks whose the records of a list's orders are in one call, each answered in its place", async () => {
  const { ctx, asked } = withStore(
    new Map([
      ['eshop:A-1', 'cus_a'],
      ['pos:4000000000000001', 'cus_b'],
    ]),
  );
  const refs: RecordRef[] = [
    { system: 'eshop', externalId: 'A-1' },
    { system: 'pos', externalId: '4000000000000001' },
    { system: 'eshop', externalId: 'A-404' },
    { system: 'eshop', externalId: 'A-1' },
  ];
  expect(await Promise.all(refs.map((r) => ctx.customerOfRecord.load(r)))).toEqual(['cus_a', 'cus_b', null, 'cus_a']);
  expect(asked).toEqual([refs.slice(0, 3)]);
});

it('asks again for a record once cleared (after it was discovered), and only for it', async () => {
  const owners = new Map<string, string>();
  const { ctx, asked } = withStore(owners);
  const ref: RecordRef = { system: 'eshop', externalId: 'A-7' };
  expect(await ctx.customerOfRecord.load(ref)).toBeNull();
  owners.set('eshop:A-7', 'cus_new');
  expect(await ctx.customerOfRecord.load(ref)).toBeNull(); // the request's answer, kept
  expect(await ctx.customerOfRecord.clear(ref).load(ref)).toBe('cus_new');
  expect(asked).toEqual([[ref], [ref]]);
});
