import type { GraphQLResolveInfo } from 'graphql';
import { LegacyUnavailableError } from '../../../platform/errors';
import { failUnlessSomeAnswered, PartialErrors, type BaseContext } from '../../../subgraphs/kit/server';

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

  it('once per field: one for the field wherever it is in lists, at the first place it was missed', () => {
    const partial = new PartialErrors();
    for (const order of [0, 1, 2]) partial.add(down('eshop'), ['_entities', order, 'points'], { oncePerField: true });
    partial.add(down('eshop'), ['_entities', 0, 'price'], { oncePerField: true });
    expect(reported(partial)).toEqual([
      { path: ['_entities', 0, 'points'], code: 'SYSTEM_UNAVAILABLE', system: 'eshop' },
      { path: ['_entities', 0, 'price'], code: 'SYSTEM_UNAVAILABLE', system: 'eshop' },
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

describe('failUnlessSomeAnswered', () => {
  const info = { path: { prev: undefined, key: 'priceDiscrepancies', typename: 'Query' } } as unknown as GraphQLResolveInfo;
  const ctx = () => ({ partial: new PartialErrors() }) as BaseContext;

  it('fails the field with the first failure when every source failed', () => {
    expect(() => failUnlessSomeAnswered(ctx(), info, [down('pos'), down('pos')], 2)).toThrow(LegacyUnavailableError);
  });

  it('reports the failures once for the field when some sources answered', () => {
    const context = ctx();
    failUnlessSomeAnswered(context, info, [down('pos'), down('pos')], 3);
    expect(reported(context.partial)).toEqual([{ path: ['priceDiscrepancies'], code: 'SYSTEM_UNAVAILABLE', system: 'pos' }]);
  });

  it('answers, empty, when there was no source to read (no failure to throw)', () => {
    const context = ctx();
    expect(() => failUnlessSomeAnswered(context, info, [], 0)).not.toThrow();
    expect(context.partial.drain()).toEqual([]);
  });
});
