// Why a query takes N legacy round trips, read from its trace rather than from the clock: the
// longest chain of legacy calls each of which started only once the one before had answered. With
// every legacy call slowed by 100 ms, calls that overlap ran side by side and calls that do not
// waited for one another, so the chain's length is the round trips the request could not avoid,
// however loaded the machine, and its links name who waited for what.
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { LEGACY_SYSTEM } from '../../../adapters/transport/call-span';

export interface LegacyCall {
  /** the call span's name: system, method and route */
  name: string;
  /** the subgraph whose fetch the call was made under, when there is one */
  subgraph?: string;
  start: number;
  end: number;
}

const subgraphOfFetch = (span: ReadableSpan) => /^subgraph (\w+)$/.exec(span.name)?.[1];

/** The legacy calls among one trace's spans, each with the subgraph fetch above it. */
export function legacyCallsOf(spans: readonly ReadableSpan[]): LegacyCall[] {
  const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
  const parent = (s: ReadableSpan) => (s.parentSpanContext ? byId.get(s.parentSpanContext.spanId) : undefined);
  return spans
    .filter((s) => s.attributes[LEGACY_SYSTEM] !== undefined)
    .map((s) => {
      let subgraph: string | undefined;
      for (let up = parent(s); up && !subgraph; up = parent(up)) subgraph = subgraphOfFetch(up);
      return { name: s.name, subgraph, start: hrTimeToMilliseconds(s.startTime), end: hrTimeToMilliseconds(s.endTime) };
    });
}

/**
 * The longest chain of calls, each started after the previous one ended. Of chains as long, the one
 * ending last, each call after the latest to end before it: what the request waited for.
 */
export function criticalPath(calls: readonly LegacyCall[]): LegacyCall[] {
  const sorted = [...calls].sort((x, y) => x.start - y.start || x.end - y.end);
  const length: number[] = [];
  const before: (number | undefined)[] = [];
  sorted.forEach((call, i) => {
    length[i] = 1;
    for (let j = 0; j < i; j++) {
      if (sorted[j].end > call.start) continue;
      const prev = before[i];
      if (length[j] + 1 > length[i] || (length[j] + 1 === length[i] && prev !== undefined && sorted[j].end > sorted[prev].end)) {
        length[i] = length[j] + 1;
        before[i] = j;
      }
    }
  });
  let last: number | undefined;
  sorted.forEach((call, i) => {
    if (last === undefined || length[i] > length[last] || (length[i] === length[last] && call.end > sorted[last].end)) last = i;
  });
  const chain: LegacyCall[] = [];
  for (let i = last; i !== undefined; i = before[i]) chain.unshift(sorted[i]);
  return chain;
}

/** `subgraph: call -> subgraph: call`, for a line of the bench's output. */
export const describePath = (chain: readonly LegacyCall[]) =>
  chain.map((c) => (c.subgraph ? `${c.subgraph}: ${c.name}` : c.name)).join(' -> ') || 'no legacy call';
