import pino from 'pino';
import { loadConfig } from '../../../platform/config';
import { Resources } from '../../../platform/tools/pieces';
import type { SubgraphClient } from '../../../subgraphs/kit/graph-client';

describe('Resources', () => {
  it("prices with the offers subgraph's vouchers through its API whichever subgraphs this process serves: together and apart run the same code", async () => {
    const asked: { subgraph: string; document: string }[] = [];
    const graph: SubgraphClient = {
      request: async <T>(subgraph: string, document: string) => {
        asked.push({ subgraph, document });
        return { unusedVouchersOfContacts: [], unusedVouchersByCodes: [] } as T;
      },
    };
    const r = new Resources({
      config: loadConfig({}),
      logger: pino({ level: 'silent' }),
      // never called: no silo is asked here
      legacyUrls: { pos: 'http://127.0.0.1:9', eshop: 'http://127.0.0.1:9', crm: 'http://127.0.0.1:9', loyalty: 'http://127.0.0.1:9' },
      simulated: undefined as never,
      graph,
    });
    // the silos' promotions are not what this is about
    r.eshop = () => ({ listPromotions: async () => [] }) as never;
    const book = await r.book();
    await book.promotionsFor({ storeId: null, customer: { id: 'cus_1', crmContactIds: ['C-1'] } as never, promoCodes: ['GOODWILL-1'] });
    expect(asked.map((a) => [a.subgraph, a.document.match(/^(query|mutation) (\w+)/)![2]])).toEqual([
      ['offers', 'UnusedVouchersOfContacts'],
      ['offers', 'UnusedVouchersByCodes'],
    ]);
    await r.close();
  });
});
