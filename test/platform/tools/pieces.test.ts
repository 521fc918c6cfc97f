import pino from 'pino';
import { loadConfig } from '../../../platform/config';
import { currentRequestId } from '../../../platform/logging/request-context';
import { Resources } from '../../../platform/tools/pieces';
import { subgraphDefinitions } from '../../../subgraphs';
import type { SubgraphClient } from '../../../subgraphs/kit/graph-client';
import type { CustomerDirectory } from '../../../domain/identity/directory';
import { inRequest } from '../../subgraphs/kit/in-request';

/** what each call to another subgraph asked, and in which request */
let asked: { subgraph: string; operation: string; requestId: string | undefined }[];
let r: Resources;

const graph: SubgraphClient = {
  request: async <T>(subgraph: string, document: string, variables?: Record<string, unknown>) => {
    asked.push({ subgraph, operation: document.match(/^(query|mutation) (\w+)/)![2], requestId: currentRequestId() });
    const ids = (variables?.ids ?? []) as string[];
    return {
      unusedVouchersOfContacts: [],
      unusedVouchersByCodes: [],
      customersByIds: ids.map((id) => ({ id, identities: [{ system: 'CRM', externalId: `contact-of-${id}` }] })),
    } as T;
  },
};

beforeEach(() => {
  asked = [];
  r = new Resources({
    config: loadConfig({}),
    logger: pino({ level: 'silent' }),
    // never called: no silo is asked here
    legacyUrls: { pos: 'http://127.0.0.1:9', eshop: 'http://127.0.0.1:9', crm: 'http://127.0.0.1:9', loyalty: 'http://127.0.0.1:9' },
    simulated: null,
    graph,
  });
  // the silos' promotions are not what this is about (without DATABASE_URL, nothing listens for refreshPricing)
  r.eshop = () => ({ listPromotions: async () => [] }) as never;
});
afterEach(() => r.close());

describe('Resources', () => {
  it("prices with the offers subgraph's vouchers through its API whichever subgraphs this process serves: together and apart run the same code", async () => {
    const book = await r.book();
    await book.promotionsFor({ storeId: null, customer: { id: 'cus_1', crmContactIds: ['C-1'] } as never, promoCodes: ['GOODWILL-1'] });
    expect(asked.map((a) => [a.subgraph, a.operation])).toEqual([
      ['offers', 'UnusedVouchersOfContacts'],
      ['offers', 'UnusedVouchersByCodes'],
    ]);
  });

  describe('gives each request an identity directory of its own', () => {
    /** each subgraph calling identity in a request: a fresh context, as the kit makes one per request */
    const contexts = async (): Promise<Record<string, () => { identity: CustomerDirectory }>> => {
      const pricing = await r.pricing();
      const none = undefined as never;
      const defs = {
        orders: subgraphDefinitions.orders({ ...pricing, eshop: r.eshop(), pos: r.pos(), commerce: { deps: {} } as never }),
        offers: subgraphDefinitions.offers({
          ...pricing,
          vouchers: none,
          pos: r.pos(),
          crm: r.crm(),
          crmTimeoutMs: 3000,
          logger: none,
          goodwillUnderWay: none,
          refreshPricing: none,
        }),
        crm: subgraphDefinitions.crm({ crm: r.crm(), identityDirectory: r.identityDirectory, closedCases: none }),
        insights: subgraphDefinitions.insights({
          eshop: r.eshop(),
          pos: r.pos(),
          crm: r.crm(),
          loyalty: r.loyalty(),
          afterSalesOf: none,
          ropo: none,
          identityDirectory: r.identityDirectory,
        }),
      };
      return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, def.context as () => { identity: CustomerDirectory }]));
    };

    it.each(['orders', 'offers', 'crm', 'insights'])(
      '%s: two requests at once each make their own call to identity, in their own context',
      async (subgraph) => {
        const context = (await contexts())[subgraph];
        const [a, b] = [context(), context()];
        // both look-ups in the same tick: one shared directory would send them as one call, in the first request's context
        await Promise.all([inRequest('req-a', () => a.identity.resolve('cus_a')), inRequest('req-b', () => b.identity.resolve('cus_b'))]);
        expect(asked.map((x) => [x.operation, x.requestId]).sort()).toEqual([
          ['CustomersByIds', 'req-a'],
          ['CustomersByIds', 'req-b'],
        ]);
      },
    );

    it('batches the look-ups of one request', async () => {
      const ctx = (await contexts()).crm();
      await inRequest('req-a', () => Promise.all([ctx.identity.resolve('cus_a'), ctx.identity.resolve('cus_b')]));
      expect(asked).toEqual([{ subgraph: 'identity', operation: 'CustomersByIds', requestId: 'req-a' }]);
    });

    it.each(['orders', 'offers'])(
      "%s: pricing's customer profiles of two requests at once go out in their own requests",
      async (subgraph) => {
        const context = (await contexts())[subgraph] as unknown as () => { pricing: { profile: (id: string) => Promise<unknown> } };
        const [a, b] = [context(), context()];
        await Promise.all([inRequest('req-a', () => a.pricing.profile('cus_a')), inRequest('req-b', () => b.pricing.profile('cus_b'))]);
        expect(asked.map((x) => [x.operation, x.requestId]).sort()).toEqual([
          ['CustomersByIds', 'req-a'],
          ['CustomersByIds', 'req-b'],
        ]);
      },
    );
  });
});
