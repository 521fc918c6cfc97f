import type { SubgraphClient } from '../../../subgraphs/kit/graph-client';
import { GraphCustomerDirectory } from '../../../subgraphs/kit/identity-directory';

/** The identity subgraph's API as a fake: two customers, cus_old an alias of cus_1; every call recorded. */
function fakeIdentity() {
  const calls: { document: string; variables: Record<string, any> }[] = [];
  const customers: Record<string, { id: string; identities: { system: string; externalId: string }[] }> = {
    cus_1: {
      id: 'cus_1',
      identities: [
        { system: 'ESHOP', externalId: 'A-10001' },
        { system: 'LOYALTY', externalId: '1234' },
      ],
    },
    cus_old: {
      id: 'cus_1',
      identities: [
        { system: 'ESHOP', externalId: 'A-10001' },
        { system: 'LOYALTY', externalId: '1234' },
      ],
    },
    cus_2: { id: 'cus_2', identities: [{ system: 'CRM', externalId: 'C-000101' }] },
  };
  const graph: SubgraphClient = {
    request: async <T>(subgraph: string, document: string, variables: Record<string, any> = {}) => {
      expect(subgraph).toBe('identity');
      calls.push({ document, variables });
      if (document.includes('customersByIds')) return { customersByIds: variables.ids.map((id: string) => customers[id] ?? null) } as T;
      if (document.includes('customerIdsOfRecords'))
        return { customerIdsOfRecords: variables.records.map((r: any) => (r.externalId === 'A-10001' ? 'cus_1' : null)) } as T;
      if (document.includes('customerIdsOfCards'))
        return { customerIdsOfCards: variables.cards.map((c: string) => (c === '1234' ? 'cus_1' : null)) } as T;
      return { observeRecords: variables.records.length } as T;
    },
  };
  return { graph, calls };
}

describe('GraphCustomerDirectory', () => {
  it('asks the identity subgraph once for every customer a request resolves at once, whatever the number', async () => {
    const { graph, calls } = fakeIdentity();
    const directory = new GraphCustomerDirectory(graph);
    const [resolved, identities] = await Promise.all([
      Promise.all(['cus_old', 'cus_2', 'cus_unknown'].map((id) => directory.resolve(id))),
      directory.identitiesOf(['cus_1', 'cus_2', 'cus_unknown']),
    ]);
    expect(resolved).toEqual(['cus_1', 'cus_2', null]);
    expect(identities.get('cus_1')).toEqual({
      id: 'cus_1',
      records: [
        { system: 'eshop', externalId: 'A-10001' },
        { system: 'loyalty', externalId: '1234' },
      ],
    });
    expect(identities.has('cus_unknown')).toBe(false);
    expect(calls).toHaveLength(1);
    expect(calls[0].variables.ids).toEqual(['cus_old', 'cus_2', 'cus_unknown', 'cus_1', 'cus_2', 'cus_unknown']);
  });

  it('resolves many records and many cards with one call each', async () => {
    const { graph, calls } = fakeIdentity();
    const directory = new GraphCustomerDirectory(graph);
    const accounts = Array.from({ length: 50 }, (_, i) => `A-${10001 + i}`);
    const [ofAccounts, ofCards] = await Promise.all([
      Promise.all(accounts.map((a) => directory.customerOf('eshop', a))),
      Promise.all(['1234', '9999'].map((c) => directory.customerOfCard(c))),
    ]);
    expect(ofAccounts[0]).toBe('cus_1');
    expect(ofAccounts.slice(1).every((id) => id === null)).toBe(true);
    expect(ofCards).toEqual(['cus_1', null]);
    expect(calls).toHaveLength(2);
    expect(calls[0].variables.records[1]).toEqual({ system: 'ESHOP', externalId: 'A-10002' });
  });

  it('never answers from an earlier call: a merge since is seen at once', async () => {
    const { graph, calls } = fakeIdentity();
    const directory = new GraphCustomerDirectory(graph);
    await directory.resolve('cus_1');
    await directory.resolve('cus_1');
    expect(calls).toHaveLength(2);
  });

  it('for one request, asks once for a customer however often it is resolved, and again once records were observed', async () => {
    const { graph, calls } = fakeIdentity();
    const directory = new GraphCustomerDirectory(graph, { forOneRequest: true });
    await Promise.all([directory.resolve('cus_1'), directory.resolve('cus_1'), directory.identitiesOf(['cus_1', 'cus_2'])]);
    await directory.resolve('cus_1');
    expect(calls.map((c) => c.variables.ids)).toEqual([['cus_1', 'cus_2']]);
    await directory.observe([]);
    await directory.resolve('cus_1');
    expect(calls.map((c) => c.variables.ids)).toEqual([['cus_1', 'cus_2'], ['cus_1']]);
  });

  it('hands records to the identity subgraph in calls of a bounded size', async () => {
    const { graph, calls } = fakeIdentity();
    const record = (i: number) => ({
      system: 'eshop' as const,
      externalId: `A-${i}`,
      firstName: 'Ann',
      lastName: 'Lee',
      email: null,
      phone: null,
      card: null,
      createdAt: null,
    });
    await new GraphCustomerDirectory(graph).observe(Array.from({ length: 250 }, (_, i) => record(i)));
    expect(calls.map((c) => c.variables.records.length)).toEqual([100, 100, 50]);
    expect(calls[0].variables.records[0]).toMatchObject({ system: 'ESHOP', externalId: 'A-0' });
  });
});
