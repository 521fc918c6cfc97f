// The GraphQL-over-HTTP spec, as graphql-http's audit suite checks it, against the real gateway:
// every MUST passes (the SHOULDs and MAYs are reported by the suite, not required here).
import { serverAudits } from 'graphql-http';
import type { Stack } from '../../platform/tools/stack';
import { startTestStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

it('passes every MUST of the GraphQL-over-HTTP audits', async () => {
  const audits = serverAudits({ url: () => stack.gatewayUrl });
  const musts = audits.filter((audit) => audit.name.startsWith('MUST'));
  expect(musts.length).toBeGreaterThan(10);
  const failed: string[] = [];
  for (const audit of musts) {
    const result = await audit.fn();
    if (result.status !== 'ok') failed.push(`${audit.name}: ${result.reason}`);
  }
  expect(failed).toEqual([]);
});
