import { LegacyUnavailableError } from '../../../platform/errors';
import { PartialErrors } from '../../../subgraphs/kit/server';

const down = (system: 'pos' | 'eshop') => new LegacyUnavailableError(system, 'HTTP 503');
const reported = (partial: PartialErrors) => partial.drain().map((e) => ({ path: e.path, ...e.extensions }));

describe('partial errors', () => {
  it('reports a system once per field, however many of its sources failed there', () => {
    const partial = new PartialErrors();
    partial.add(down('eshop'), ['customer', 'journey']);
    partial.add(down('eshop'), ['customer', 'journey']);
    expect(reported(partial)).toEqual([{ path: ['customer', 'journey'], code: 'SYSTEM_UNAVAILABLE', system: 'eshop' }]);
  });

  it('keeps one per system and one per field', () => {
    const partial = new PartialErrors();
    partial.add(down('eshop'), ['customer', 'journey']);
    partial.add(down('pos'), ['customer', 'journey']);
    partial.add(down('eshop'), ['customer', 'channelSummary']);
    partial.add(down('eshop'), ['customers', 1, 'journey']);
    expect(reported(partial)).toEqual([
      { path: ['customer', 'journey'], code: 'SYSTEM_UNAVAILABLE', system: 'eshop' },
      { path: ['customer', 'journey'], code: 'SYSTEM_UNAVAILABLE', system: 'pos' },
      { path: ['customer', 'channelSummary'], code: 'SYSTEM_UNAVAILABLE', system: 'eshop' },
      { path: ['customers', 1, 'journey'], code: 'SYSTEM_UNAVAILABLE', system: 'eshop' },
    ]);
  });

  it('starts afresh once drained', () => {
    const partial = new PartialErrors();
    partial.add(down('pos'), ['customer', 'orders']);
    partial.drain();
    partial.add(down('pos'), ['customer', 'orders']);
    expect(partial.drain()).toHaveLength(1);
  });
});
