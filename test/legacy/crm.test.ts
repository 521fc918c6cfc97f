import { startSimulator, type SimHandle } from '../../legacy';
import { fixtureWorld } from './fixture-world';
import { control, readJson } from './sim-client';

let crm: SimHandle;
beforeAll(async () => {
  crm = await startSimulator('crm', { world: fixtureWorld() });
});
afterAll(() => crm.close());
beforeEach(() => control(crm, 'reset'));

async function rpc(body: unknown) {
  const res = await fetch(`${crm.url}/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return readJson(res);
}

async function result(method: string, params: unknown) {
  const answer = await rpc({ jsonrpc: '2.0', id: 1, method, params });
  expect(answer.error).toBeUndefined();
  return answer.result;
}

const ids = (contacts: { id: string }[]) => contacts.map((c) => c.id);

describe('CRM simulator', () => {
  it('searches contacts by phone digits, national or +33, shared by a household', async () => {
    expect(ids(await result('contact.search', { phone: '0612345678' }))).toEqual(['C-000001', 'C-000002']);
    expect(ids(await result('contact.search', { phone: '+33 6 12 34 56 78' }))).toEqual(['C-000001', 'C-000002']);
    expect(ids(await result('contact.search', { phone: '06.98.76.54.32' }))).toEqual(['C-000003']);
    expect(await result('contact.search', { phone: '0700000000' })).toEqual([]);
  });

  it('searches by trimmed, case-insensitive email and by name; criteria combine', async () => {
    expect(ids(await result('contact.search', { email: 'marie.durand@example.FR ' }))).toEqual(['C-000001']);
    expect(ids(await result('contact.search', { name: 'durand' }))).toEqual(['C-000001', 'C-000002']);
    expect(ids(await result('contact.search', { name: 'Jean  Durand' }))).toEqual(['C-000002']);
    expect(ids(await result('contact.search', { name: 'Durand', phone: '06 12 34 56 78', email: 'MARIE.durand@example.fr' }))).toEqual([
      'C-000001',
    ]);
  });

  it('gets a contact, or -32004 when unknown', async () => {
    expect(await result('contact.get', { id: 'C-000003' })).toEqual(fixtureWorld().crm.contacts[2]);
    expect(await rpc({ jsonrpc: '2.0', id: 'x', method: 'contact.get', params: { id: 'C-999' } })).toEqual({
      jsonrpc: '2.0',
      id: 'x',
      error: { code: -32004, message: expect.any(String) },
    });
  });

  it('lists cases newest first, opens and closes them', async () => {
    expect(ids(await result('case.list', { contact_id: 'C-000001' }))).toEqual(['K-5002', 'K-5001']);
    const opened = await result('case.create', { contact_id: 'C-000003', subject: 'Refund', body: 'Please', channel: 'store' });
    expect(opened).toMatchObject({ id: 'K-5003', contact_id: 'C-000003', status: 'open', channel: 'store', closed_at: null });
    expect(Number.isInteger(opened.opened_at)).toBe(true);
    const closed = await result('case.close', { id: 'K-5003', resolution: 'refunded' });
    expect(closed).toMatchObject({ id: 'K-5003', status: 'closed' });
    expect(closed.closed_at).toBeGreaterThanOrEqual(opened.opened_at);
    expect(
      (
        await rpc({
          jsonrpc: '2.0',
          id: 2,
          method: 'case.create',
          params: { contact_id: 'C-404', subject: 's', body: 'b', channel: 'phone' },
        })
      ).error.code,
    ).toBe(-32004);
  });

  it('lists calls without their contact id, newest first', async () => {
    expect(await result('call.list', { contact_id: 'C-000001' })).toEqual([
      { id: 'CL-2', at: 1762000000, duration_s: 120, agent: 'Luc', reason: 'damaged' },
      { id: 'CL-1', at: 1760000000, duration_s: 300, agent: 'Sophie', reason: 'delivery' },
    ]);
  });

  it('grants a goodwill voucher valid 90 days', async () => {
    const voucher = await result('goodwill.grant', { contact_id: 'C-000001', amount_cents: 1500, reason: 'broken mug' });
    expect(voucher).toEqual({ voucher_code: expect.stringMatching(/^GW-/), amount_cents: 1500, expires_at: expect.any(Number) });
    expect(voucher.expires_at - Date.now() / 1000).toBeGreaterThan(89 * 24 * 3600);
    const { vouchers } = await control(crm, 'dump');
    expect(vouchers).toEqual([{ ...voucher, contact_id: 'C-000001', reason: 'broken mug' }]);
  });

  it('answers a batch call by call, errors next to results', async () => {
    const answers = await rpc([
      { jsonrpc: '2.0', id: 1, method: 'contact.get', params: { id: 'C-000001' } },
      { jsonrpc: '2.0', id: 2, method: 'contact.delete', params: { id: 'C-000001' } },
      { jsonrpc: '2.0', id: 3, method: 'contact.get', params: { ident: 'C-000001' } },
      { jsonrpc: '2.0', id: 4, method: 'contact.get', params: { id: 'C-404' } },
      { nonsense: true },
    ]);
    expect(answers).toEqual([
      { jsonrpc: '2.0', id: 1, result: expect.objectContaining({ id: 'C-000001' }) },
      { jsonrpc: '2.0', id: 2, error: { code: -32601, message: expect.any(String) } },
      { jsonrpc: '2.0', id: 3, error: { code: -32602, message: expect.any(String) } },
      { jsonrpc: '2.0', id: 4, error: { code: -32004, message: expect.any(String) } },
      { jsonrpc: '2.0', id: null, error: { code: -32600, message: expect.any(String) } },
    ]);
  });

  it('refuses an empty batch and one over 50 calls with a single -32600', async () => {
    const call = {
      jsonrpc: '2.0',
      id: 1,
      method: 'case.create',
      params: { contact_id: 'C-000001', subject: 's', body: 'b', channel: 'phone' },
    };
    const refused = { jsonrpc: '2.0', id: null, error: { code: -32600, message: expect.any(String) } };
    expect(await rpc(Array.from({ length: 51 }, (_, i) => ({ ...call, id: i })))).toEqual(refused);
    expect(await rpc([])).toEqual(refused);
    expect(ids(await result('case.list', { contact_id: 'C-000001' }))).toEqual(['K-5002', 'K-5001']);
    expect(await rpc(Array.from({ length: 50 }, (_, i) => ({ ...call, id: i })))).toHaveLength(50);
  });

  it('answers unreadable JSON with a -32700 parse error', async () => {
    const res = await fetch(`${crm.url}/rpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[{' });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
  });

  it('counts each call of a batch by method, and HTTP requests by route', async () => {
    await rpc([
      { jsonrpc: '2.0', id: 1, method: 'contact.search', params: { name: 'Durand' } },
      { jsonrpc: '2.0', id: 2, method: 'contact.search', params: { name: 'Martin' } },
      { jsonrpc: '2.0', id: 3, method: 'call.list', params: { contact_id: 'C-000001' } },
    ]);
    await result('contact.search', { phone: '0612345678' });
    const stats = await control(crm, 'stats');
    expect(stats).toEqual({ total: 2, byRoute: { 'POST /rpc': 2 }, byMethod: { 'contact.search': 3, 'call.list': 1 } });
  });
});
