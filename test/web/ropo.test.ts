// The ROPO dashboard in headless Chromium against the real stack: its figures are ropoReport's for
// the same period and lookback, asked here of the graph directly.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gql } from '../e2e/harness';
import { newPage, pageUrl, SCREENSHOTS, stackAndBrowser } from './browser';

const running = stackAndBrowser();

const PERIOD = { from: '2026-08-03', to: '2026-11-16', lookbackDays: 7 };

// the graph is asked first: its first report catches the ledger up with the silos (most of this test's time)
it("shows ropoReport's ROPO and showrooming shares, its categories, stores and weeks, for the period and lookback chosen", async () => {
  const { data, errors: graphErrors } = await gql(
    running.stack,
    `query($from: DateTime!, $to: DateTime!, $lookbackDays: Int!) { ropoReport(from: $from, to: $to, lookbackDays: $lookbackDays) {
      ropoRate showroomingRate storePurchases ropoPurchases ropoRevenue { centAmount }
      byCategory { category ropoPurchases } byStore { store { id } storePurchases } byWeek { weekStart } } }`,
    { from: `${PERIOD.from}T00:00:00.000Z`, to: `${PERIOD.to}T00:00:00.000Z`, lookbackDays: PERIOD.lookbackDays },
    { as: 'agent' },
  );
  expect(graphErrors).toBeUndefined();
  const { page, errors } = await newPage(running.browser);
  await page.goto(pageUrl(running.stack, '/ropo/'));
  await page.getByLabel('From (UTC day, included)').fill(PERIOD.from);
  await page.getByLabel('To (UTC day, excluded)').fill(PERIOD.to);
  await page.getByLabel('Lookback', { exact: true }).selectOption(String(PERIOD.lookbackDays));
  await page.getByLabel('To (UTC day, excluded)').press('Enter');
  const heading = page.getByRole('heading', { name: `${PERIOD.from} to ${PERIOD.to}, lookback ${PERIOD.lookbackDays} days` });
  await heading.waitFor();

  const report = data.ropoReport;
  expect(report.ropoPurchases).toBeGreaterThan(0);
  const rate = page.getByTestId('ropo-rate');
  expect(Number(await rate.getAttribute('data-value'))).toBe(report.ropoRate);
  expect(await rate.textContent()).toBe(`${(report.ropoRate * 100).toFixed(1)} %`);
  expect(Number(await page.getByTestId('showrooming-rate').getAttribute('data-value'))).toBe(report.showroomingRate);
  // Mondays 3 August to 16 November (the last week starts at 23:00Z on the 15th, before `to`)
  expect(report.byWeek).toHaveLength(16);
  expect(await page.getByRole('table', { name: 'By week' }).locator('tbody tr').count()).toBe(report.byWeek.length);
  const stores = await page
    .getByRole('table', { name: 'By store' })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => ({ id: /\((ST\d{3})\)$/.exec(r.children[0].textContent!)?.[1], storePurchases: Number(r.children[1].textContent) })),
    );
  expect(stores).toEqual(report.byStore.map((s: any) => ({ id: s.store.id, storePurchases: s.storePurchases })));
  const categories = await page
    .getByRole('table', { name: 'By category' })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => ({ category: r.children[0].textContent, ropoPurchases: Number(r.children[2].textContent) })));
  expect(categories).toEqual(report.byCategory);
  expect(await page.getByRole('alert').count()).toBe(0);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'ropo.png'), fullPage: true });
  expect(errors).toEqual([]);
}, 180_000);
