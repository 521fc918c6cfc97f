// The call center console in headless Chromium against the real stack (simulators): what the
// agent sees is checked against the simulators' own data, computed here from the seed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { DateTime } from 'luxon';
import type { Person } from '../../legacy/seed';
import type { Stack } from '../../platform/tools/stack';
import { dump, inEverySilo, seeded, setFaults, startTestStack, until } from '../e2e/harness';
import { launchChromium, newPage, pageUrl, SCREENSHOTS } from './browser';

const { world, truth } = seeded();
/** the console lists a customer's 25 latest orders */
const SHOWN = 25;

const member = (p: Person) => world.loyalty.members.find((m) => m.card_number === p.loyaltyCard)!;
const parisToUtc = (local: string) => DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm:ss', { zone: 'Europe/Paris' }).toUTC().toISO()!;

/** A person's orders of every channel, newest first, from the simulators' data: web and phone orders, card receipts. */
function expectedOrders(p: Person): { id: string; channel: string }[] {
  const web = world.eshop.orders
    .filter((o) => o.account_id === p.eshopAccountId)
    .map((o) => ({ id: o.id, at: o.created_at, channel: o.origin === 'phone' ? 'CALL_CENTER' : 'WEB' }));
  const store = world.pos.receipts
    .filter((r) => r.card?.replace(/\s/g, '') === p.loyaltyCard)
    .map((r) => ({ id: r.id, at: parisToUtc(r.at), channel: 'STORE' }));
  return [...web, ...store]
    .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
    .slice(0, SHOWN)
    .map(({ id, channel }) => ({ id, channel }));
}

/** Someone alone on their phone, in every silo, whose latest orders span the three channels. */
const caller = truth.find((p) => inEverySilo(p) && new Set(expectedOrders(p).map((o) => o.channel)).size === 3)!;
/** the phone as a caller says it: national digits in pairs (the silos hold +33… and other forms) */
const spokenPhone = (p: Person) => `0${member(p).phone_e164.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ');

/** the orders this file's tests place for the caller (newest last) */
const placedHere: string[] = [];

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** Opens the console, finds the caller by phone and opens their 360: returns once their orders are on screen. */
async function openCaller(page: Page, phone: string): Promise<void> {
  await page.goto(pageUrl(stack, '/console/'));
  await page.getByLabel('Search by').selectOption('phone');
  await page.getByLabel('Phone', { exact: true }).fill(phone);
  await page.getByLabel('Phone', { exact: true }).press('Enter');
  await page
    .getByRole('table', { name: 'Customers found' })
    .getByRole('button', { name: /^Open / })
    .click();
  await page.getByRole('table', { name: 'Orders' }).locator('tbody tr').first().waitFor();
}

const shownOrders = (page: Page) =>
  page
    .getByRole('table', { name: 'Orders' })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => ({ id: r.children[0].textContent, channel: r.children[1].textContent })));

it("finds a caller by phone and shows that person's orders of the three channels", async () => {
  expect(caller).toBeDefined();
  const { page, errors } = await newPage(browser);
  await openCaller(page, spokenPhone(caller));
  expect(await shownOrders(page)).toEqual(expectedOrders(caller));
  expect(await page.getByRole('alert').count()).toBe(0);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'console.png'), fullPage: true });

  // the same again in a fresh page, everything warm: the figure the README quotes (printed, not asserted)
  const warm = await newPage(browser);
  const started = performance.now();
  await openCaller(warm.page, spokenPhone(caller));
  console.log(`console: opened, searched by phone and showed the customer 360 in ${Math.round(performance.now() - started)} ms (warm)`);
  expect([...errors, ...warm.errors]).toEqual([]);
});

it('places one click & collect order, a reservation in the POS once, after a double click and a retry', async () => {
  const storeId = world.pos.stores[0].code;
  const storeName = world.pos.stores[0].name;
  const eans = new Set(world.pos.stock.filter((s) => s.store === storeId && s.qty - s.reserved >= 5).map((s) => s.ean));
  const product = world.eshop.products.find((p) => eans.has(p.ean))!;
  const { page, errors } = await newPage(browser);
  const sent: Request[] = [];
  page.on('request', (r) => {
    if (r.postData()?.includes('PlacePickupOrder')) sent.push(r);
  });
  await openCaller(page, spokenPhone(caller));
  const pickup = page.getByRole('region', { name: 'Click & collect order' });
  await pickup.getByLabel('Product (name or SKU)').fill(product.sku);
  await pickup.getByLabel('Product (name or SKU)').press('Enter');
  await pickup.getByLabel('Products found').selectOption(product.sku);
  await pickup.getByRole('radio', { name: `${storeName} (` }).check();
  const before = (await dump(stack, 'pos')).reservations.length;

  await pickup.getByRole('button', { name: 'Place the order' }).dblclick();
  const placed = pickup.getByRole('status', { name: 'Order placed' });
  await placed.waitFor();
  const orderId = (await placed.getByTestId('placed-order').textContent())!;
  placedHere.push(orderId);
  // the agent submits the same form again (a retry): the same key, the same order
  const answers = sent.length;
  await pickup.getByRole('button', { name: 'Place the order' }).click();
  await until('the retry answered', async () => sent.length > answers && (await sent.at(-1)!.response()) !== null);
  await until('every request answered', async () => (await Promise.all(sent.map((r) => r.response()))).every(Boolean));

  // one reservation since the page opened, of that product in that store
  const made = (await dump(stack, 'pos')).reservations.slice(before);
  expect(made).toHaveLength(1);
  expect(made[0]).toMatchObject({ store: storeId, status: 'held', lines: [expect.objectContaining({ ean: product.ean, qty: 1 })] });
  const keys = new Set(sent.map((r) => JSON.parse(r.postData()!).variables.input.idempotencyKey));
  expect(keys.size).toBe(1);
  expect(await placed.textContent()).toContain(orderId);
  expect(errors).toEqual([]);
});

it('still shows the orders with the loyalty platform down, and names it', async () => {
  await setFaults(stack, 'loyalty', { down: true });
  try {
    const { page, errors } = await newPage(browser);
    await openCaller(page, spokenPhone(caller));
    const alert = page.locator('section', { has: page.getByRole('table', { name: 'Orders' }) }).getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('[data-system]').evaluateAll((s) => s.map((e) => e.getAttribute('data-system')))).toEqual(['loyalty']);
    expect(await alert.textContent()).toContain('loyalty platform');
    // every order the other systems hold, as with loyalty up (and those placed above)
    const rows = await shownOrders(page);
    const shown = rows.filter((o) => !placedHere.includes(o.id!));
    expect(shown).toEqual(expectedOrders(caller).slice(0, SHOWN - (rows.length - shown.length)));
    expect(new Set(shown.map((o) => o.channel))).toEqual(new Set(['WEB', 'CALL_CENTER', 'STORE']));
    expect(errors).toEqual([]);
  } finally {
    await setFaults(stack, 'loyalty', {});
  }
});
