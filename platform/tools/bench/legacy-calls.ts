// npm run bench:calls — the legacy calls (from the simulators' /__sim/stats) that the read graph's
// typical queries cost, cold (nothing cached, nothing linked yet) and warm (the same query again).
// SIM_SCALE=20 by default, so that a name is shared by 20 people.
import { gql, startTestStack, dump, timedQuery } from '../../../test/e2e/harness';
import type { Stack } from '../stack';
import { withDatabaseServer } from '../../../test/database-server';

async function measure(stack: Stack, label: string, query: string, variables: Record<string, unknown>) {
  const rows: string[] = [];
  for (const pass of ['cold', 'warm']) {
    const { data, ms, calls } = await timedQuery(stack, query, variables);
    const n = JSON.stringify(data).match(/"id":"cus_|"sku":|"amount":/g)?.length ?? 0;
    rows.push(
      `${label.padEnd(58)} ${pass}  N=${String(n).padStart(3)}  ${Math.round(ms).toString().padStart(5)} ms  ` +
        Object.entries(calls)
          .map(([s, c]) => `${s}=${c}`)
          .join(' '),
    );
  }
  console.log(rows.join('\n'));
}

async function main() {
  const scale = process.env.SIM_SCALE ?? '20';
  const stack = await startTestStack({ SIM_SCALE: scale });
  try {
    const { contacts } = await dump(stack, 'crm');
    const counts = new Map<string, number>();
    for (const c of contacts) counts.set(c.last_name, (counts.get(c.last_name) ?? 0) + 1);
    // the last name whose count is closest to 20
    const [name, count] = [...counts].sort((a, b) => Math.abs(a[1] - 20) - Math.abs(b[1] - 20))[0];
    console.log(`SIM_SCALE=${scale}; name "${name}" is on ${count} CRM contacts\n`);
    const { stores } = await dump(stack, 'pos');
    const { products, accounts } = await dump(stack, 'eshop');
    const card = accounts.find((a: { loyalty_card: string | null }) => a.loyalty_card)!.loyalty_card;
    const customer = (await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: card })).data.findCustomers[0]
      .id;
    // pricing first, while the price book and the promotions are cold
    await measure(
      stack,
      'quote of 20 lines (STORE, a store, a customer, a code)',
      `query($i: QuoteInput!) { quote(input: $i) { total { centAmount } appliedPromotions { amount { centAmount } } } }`,
      {
        i: {
          channel: 'STORE',
          storeId: stores[0].code,
          customerId: customer,
          promoCodes: ['WELCOME10'],
          lines: products.slice(0, 20).map((p: { sku: string }) => ({ sku: p.sku, quantity: 2 })),
        },
      },
    );
    await measure(
      stack,
      'products(first: 50) { offer(channel: STORE, storeId) }',
      `query($s: ID!) { products(first: 50) { edges { node { sku offer(channel: STORE, storeId: $s) { price { centAmount } } } } } }`,
      { s: stores[1].code },
    );
    await measure(
      stack,
      'findCustomers(name) { identities loyalty orders(first: 5) }',
      `query($n: String) { findCustomers(name: $n) { id identities { system externalId } loyalty { tier pointsBalance } orders(first: 5) { edges { node { id total { centAmount } } } } } }`,
      { n: name },
    );
    await measure(
      stack,
      'products(first: 50) { availability(storeId) }',
      `query($s: ID!) { products(first: 50) { edges { node { sku name price { centAmount } availability(storeId: $s) { available } } } } }`,
      { s: stores[0].code },
    );
  } finally {
    await stack.close();
  }
}

withDatabaseServer(main).catch((err) => {
  console.error(err);
  process.exit(1);
});
