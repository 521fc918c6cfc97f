// What the processes served apart run on, each started alone as the README's "Serving apart" does:
// `npm run serve -- simulators` (the four simulated systems, seeded as `npm start` seeds them, on
// their *_SIM_PORT, with the go-live exports of their seeded records) and `npm run serve -- database` (a PostgreSQL server of its own under DATA_DIR).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseVoucherExport } from '../../adapters/crm/voucher-export';
import { parseReservationExport } from '../../adapters/pos/reservation-export';
import { openDatabase } from '../../platform/db';
import { freePort } from '../../platform/http/free-port';
import { SYSTEM_LIST, SEED, seeded } from './harness';
import { killChildServices, startChildService } from './child-service';

afterAll(() => killChildServices());

it('serves the four simulated systems on their ports, seeded as configured, and their go-live exports, until Ctrl-C', async () => {
  const ports = await Promise.all(SYSTEM_LIST.map(() => freePort()));
  const env = Object.fromEntries(SYSTEM_LIST.map((s, i) => [`${s.toUpperCase()}_SIM_PORT`, String(ports[i])]));
  const DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'omnigraph-serve-sims-'));
  const child = await startChildService({ ...SEED, ...env, DATA_DIR }, 60_000, 'simulators');
  expect(child.gatewayUrl).toBe(`http://127.0.0.1:${ports[0]}`);
  for (const [i, system] of SYSTEM_LIST.entries()) {
    const res = await fetch(`http://127.0.0.1:${ports[i]}/__sim/stats`);
    expect([system, res.status]).toEqual([system, 200]);
  }
  const eshop = (await (await fetch(`http://127.0.0.1:${ports[1]}/__sim/dump`)).json()) as { accounts: unknown[] };
  const { world } = seeded();
  expect(eshop.accounts).toHaveLength(world.eshop.accounts.length);
  // what the subgraphs served apart import at start (CRM_VOUCHERS_FILE, GO_LIVE_RESERVATIONS_FILE), as npm start imports the seeded records
  const exported = (name: string) => fs.readFileSync(path.join(DATA_DIR, 'go-live', name), 'utf8');
  expect(parseVoucherExport(exported('crm-vouchers.json'), 'test').map((v) => v.voucher_code)).toEqual(
    world.crm.vouchers.map((v) => v.voucher_code),
  );
  expect(parseReservationExport(exported('pos-reservations.json'), 'test').map((r) => r.id)).toEqual(
    world.pos.reservations.map((r) => r.id),
  );
  await child.stop();
  await expect(fetch(`http://127.0.0.1:${ports[0]}/__sim/stats`)).rejects.toThrow();
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
});

it('serves a database of its own under DATA_DIR, its data kept from one start to the next', async () => {
  const DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'omnigraph-serve-db-'));
  // the database server runs as its own unprivileged user, which must reach its folder inside
  fs.chmodSync(DATA_DIR, 0o755);
  try {
    const first = await startChildService({ DATA_DIR }, 120_000, 'database');
    const db = openDatabase(first.gatewayUrl);
    await db.run('CREATE TABLE kept (n int)');
    await db.run('INSERT INTO kept VALUES (42)');
    await db.close();
    await first.stop();
    const again = await startChildService({ DATA_DIR }, 120_000, 'database');
    const reopened = openDatabase(again.gatewayUrl);
    expect(await reopened.rows('SELECT n FROM kept')).toEqual([{ n: 42 }]);
    await reopened.close();
    await again.stop();
  } finally {
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
  }
});
