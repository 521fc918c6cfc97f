// A customer's figures when some silo did not answer: what it holds is unknown, not zero.
import { channelSummary, HOLDS, preferredChannel, preferredChannelReads, type ChannelSummary } from '../../../domain/journey/timeline';

const figures = (orders: [number, number, number], lastActivityAt: [string, string, string]): ChannelSummary[] =>
  (['WEB', 'STORE', 'CALL_CENTER'] as const).map((channel, i) => ({
    channel,
    orders: orders[i],
    spendCents: 100 * orders[i],
    lastActivityAt: lastActivityAt[i],
  }));

const dates: [string, string, string] = ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'];
const clear = figures([1, 3, 2], dates);
const tie = figures([2, 2, 1], dates); // STORE is the latest of the two

describe('channel summary with a silo missing', () => {
  it('has null figures for what the silo holds, and the others as usual', () => {
    expect(channelSummary([], [], HOLDS.receipts)).toEqual([
      { channel: 'WEB', orders: 0, spendCents: 0, lastActivityAt: null },
      { channel: 'STORE', orders: null, spendCents: null, lastActivityAt: null },
      { channel: 'CALL_CENTER', orders: 0, spendCents: 0, lastActivityAt: null },
    ]);
  });
});

describe('preferred channel with a silo missing', () => {
  it("depends on every channel's orders, and on activity only to break a tie", () => {
    expect(preferredChannelReads(clear)).toEqual({ orders: ['WEB', 'STORE', 'CALL_CENTER'], activity: [] });
    expect(preferredChannelReads(tie).activity).toEqual(['WEB', 'STORE']);
  });

  it("cannot be decided without every channel's orders", () => {
    expect(preferredChannel(clear, HOLDS.receipts)).toBeNull();
    expect(preferredChannel(clear, HOLDS.webOrders)).toBeNull();
  });

  it('is decided without activity when there is no tie', () => {
    expect(preferredChannel(clear, HOLDS.ledger)).toBe('STORE');
    expect(preferredChannel(clear, HOLDS.cases)).toBe('STORE');
  });

  it("breaks a tie only with the tied channels' activity known", () => {
    expect(preferredChannel(tie)).toBe('STORE');
    expect(preferredChannel(tie, HOLDS.calls)).toBe('STORE'); // calls are call-center activity, not in the tie
    expect(preferredChannel(tie, HOLDS.cases)).toBeNull(); // a case may be store activity
  });
});
