import nock from 'nock';
import { CrmClient, type RpcCall } from '../../../adapters/crm/client';
import { LegacyRejectedError, LegacyUnavailableError } from '../../../platform/errors';
import type { CrmCase, CrmContact } from '../../../adapters/crm/wire';
import { jsonFixture } from '../../fixtures/legacy';
import { expectMalformed, useLoggedGuard } from '../malformed';
import { useNock } from '../nock-lifecycle';

useNock();

const BASE = 'http://crm.test';
const crm = () => new CrmClient(BASE, 1000);
const contact = jsonFixture<CrmContact>('crm-contact.json');
const [crmCase] = jsonFixture<CrmCase[]>('crm-cases.json');

interface RpcRequest {
  jsonrpc: string;
  id: number;
  method: string;
  params: Record<string, string>;
}

/** A CRM that answers each call of a batch with `answer`, in reverse order to test matching by id. */
function batchEndpoint(answer: (call: RpcRequest) => object, sizes: number[] = []) {
  return nock(BASE)
    .post('/rpc')
    .times(Infinity)
    .reply(200, (_uri, body) => {
      const calls = body as RpcRequest[];
      sizes.push(calls.length);
      return calls.map((call) => ({ jsonrpc: '2.0', id: call.id, ...answer(call) })).reverse();
    });
}

describe('CrmClient.call', () => {
  it('sends a JSON-RPC 2.0 request and answers its result', async () => {
    let sent: RpcRequest | undefined;
    nock(BASE)
      .post('/rpc')
      .reply(200, (_uri, body) => {
        sent = body as RpcRequest;
        return { jsonrpc: '2.0', id: sent.id, result: [contact] };
      });
    expect(await crm().searchContacts({ phone: '06 12 34 56 78' })).toEqual([contact]);
    expect(sent).toEqual({ jsonrpc: '2.0', id: expect.any(Number), method: 'contact.search', params: { phone: '06 12 34 56 78' } });
  });

  it('gives each call its own id', async () => {
    const ids: number[] = [];
    nock(BASE)
      .post('/rpc')
      .times(2)
      .reply(200, (_uri, body) => {
        const { id } = body as RpcRequest;
        ids.push(id);
        return { jsonrpc: '2.0', id, result: [] };
      });
    const client = crm();
    await client.listCases('C-1');
    await client.listCalls('C-1');
    expect(new Set(ids).size).toBe(2);
  });

  it('answers null for an unknown contact (-32004)', async () => {
    nock(BASE)
      .post('/rpc')
      .reply(200, (_uri, body) => ({ jsonrpc: '2.0', id: (body as RpcRequest).id, error: { code: -32004, message: 'not found' } }));
    expect(await crm().getContact('C-404')).toBeNull();
  });

  it('is unavailable on a server error in a 200', async () => {
    nock(BASE)
      .post('/rpc')
      .reply(200, (_uri, body) => ({ jsonrpc: '2.0', id: (body as RpcRequest).id, error: { code: -32603, message: 'db down' } }));
    await expect(crm().getContact('C-1')).rejects.toBeInstanceOf(LegacyUnavailableError);
  });

  it('rejects on an error about the request', async () => {
    nock(BASE)
      .post('/rpc')
      .reply(200, (_uri, body) => ({ jsonrpc: '2.0', id: (body as RpcRequest).id, error: { code: -32602, message: 'bad params' } }));
    await expect(crm().closeCase('K-1', 'done')).rejects.toMatchObject({ name: 'LegacyRejectedError', legacyCode: '-32602' });
  });

  it("answers case.close with the time of the CRM's answer by its own clock (its Date header), null without one", async () => {
    const closed = { ...crmCase, status: 'closed', closed_at: 1_700_000_000 };
    const reply = (headers: Record<string, string>) =>
      nock(BASE)
        .post('/rpc')
        .reply(200, (_uri, body) => ({ jsonrpc: '2.0', id: (body as RpcRequest).id, result: closed }), headers);
    reply({ date: new Date(1_700_000_002_000).toUTCString() });
    expect(await crm().closeCase(crmCase.id, 'done')).toEqual({ closed, answeredAt: 1_700_000_002 });
    reply({});
    expect(await crm().closeCase(crmCase.id, 'done')).toEqual({ closed, answeredAt: null });
  });

  it('is unavailable when the answer is not JSON-RPC', async () => {
    nock(BASE).post('/rpc').reply(200, { hello: 'world' });
    await expect(crm().listCalls('C-1')).rejects.toBeInstanceOf(LegacyUnavailableError);
  });
});

describe('CrmClient.batch', () => {
  it('answers in request order, each call its result or its typed error', async () => {
    batchEndpoint((call) => {
      if (call.params.id === 'C-404') return { error: { code: -32004, message: 'not found' } };
      if (call.params.id === 'C-500') return { error: { code: -32000, message: 'timeout' } };
      if (call.params.id === 'C-bad') return { error: { code: -32602, message: 'bad id' } };
      return { result: { ...contact, id: call.params.id } };
    });
    const calls: RpcCall[] = ['C-1', 'C-404', 'C-500', 'C-bad', 'C-2'].map((id) => ({ method: 'contact.get', params: { id } }));
    const outcomes = await crm().batch<CrmContact>(calls);
    expect((outcomes[0] as CrmContact).id).toBe('C-1');
    expect(outcomes[1]).toBeInstanceOf(LegacyRejectedError);
    expect(outcomes[1]).toMatchObject({ legacyCode: 'not_found' });
    expect(outcomes[2]).toBeInstanceOf(LegacyUnavailableError);
    expect(outcomes[3]).toMatchObject({ name: 'LegacyRejectedError', legacyCode: '-32602' });
    expect((outcomes[4] as CrmContact).id).toBe('C-2');
  });

  it('sends more than 50 calls as batches of at most 50, in parallel, and keeps the order', async () => {
    const sizes: number[] = [];
    batchEndpoint((call) => ({ result: [{ ...crmCase, id: `K-${call.params.contact_id}` }] }), sizes);
    const contactIds = Array.from({ length: 120 }, (_, i) => `C-${i}`);
    const outcomes = await crm().listCasesMany(contactIds);
    expect(sizes.sort()).toEqual([20, 50, 50]);
    expect(outcomes).toEqual(contactIds.map((id) => [{ ...crmCase, id: `K-${id}` }]));
  });

  it('sends one batch for many contact searches', async () => {
    const sizes: number[] = [];
    batchEndpoint((call) => ({ result: call.params.email === 'none@example.fr' ? [] : [contact] }), sizes);
    const outcomes = await crm().searchContactsMany([{ phone: '0612345678' }, { email: 'none@example.fr' }, { name: 'Dupont' }]);
    expect(sizes).toEqual([3]);
    expect(outcomes).toEqual([[contact], [], [contact]]);
  });

  it('answers null for unknown contacts fetched in a batch', async () => {
    batchEndpoint((call) =>
      call.params.id === 'C-404' ? { error: { code: -32004, message: 'not found' } } : { result: { ...contact, id: call.params.id } },
    );
    const outcomes = await crm().getContactsMany(['C-404', 'C-1']);
    expect(outcomes[0]).toBeNull();
    expect((outcomes[1] as CrmContact).id).toBe('C-1');
  });

  it('gives every call of a batch the failure of the whole batch', async () => {
    nock(BASE).post('/rpc').reply(503);
    const outcomes = await crm().listCallsMany(['C-1', 'C-2']);
    expect(outcomes).toHaveLength(2);
    outcomes.forEach((outcome) => expect(outcome).toBeInstanceOf(LegacyUnavailableError));
  });

  it('gives every call a batch-level JSON-RPC error, and a missing answer is unavailable', async () => {
    nock(BASE)
      .post('/rpc')
      .reply(200, { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'batch too large' } });
    const rejected = await crm().listCasesMany(['C-1', 'C-2']);
    rejected.forEach((outcome) => expect(outcome).toMatchObject({ name: 'LegacyRejectedError', legacyCode: '-32600' }));

    nock(BASE).post('/rpc').reply(200, []);
    const [missing] = await crm().listCasesMany(['C-1']);
    expect(missing).toBeInstanceOf(LegacyUnavailableError);
  });

  it('sends nothing for no calls', async () => {
    expect(await crm().batch([])).toEqual([]);
  });
});

describe('CrmClient writing', () => {
  it('creates a case and grants goodwill', async () => {
    const created = jsonFixture<object[]>('crm-cases.json')[0];
    const methods: string[] = [];
    nock(BASE)
      .post('/rpc')
      .times(2)
      .reply(200, (_uri, body) => {
        const call = body as RpcRequest;
        methods.push(call.method);
        const result = call.method === 'case.create' ? created : { voucher_code: 'GW-1', amount_cents: 1000, expires_at: 1800000000 };
        return { jsonrpc: '2.0', id: call.id, result };
      });
    const client = crm();
    expect(
      await client.createCase({ contact_id: 'C-000123', subject: 'Colis non reçu', body: 'Commande W-2026-000123', channel: 'phone' }),
    ).toEqual(created);
    expect(await client.grantGoodwill({ contact_id: 'C-000123', amount_cents: 1000, reason: 'late' })).toEqual({
      voucher_code: 'GW-1',
      amount_cents: 1000,
      expires_at: 1800000000,
    });
    expect(methods).toEqual(['case.create', 'goodwill.grant']);
  });
});

describe('CrmClient, when a result is not what the reference says', () => {
  const loggedGuard = useLoggedGuard('crm');
  /** A CRM whose every call answers `result`. */
  const answering = (result: unknown) =>
    nock(BASE)
      .post('/rpc')
      .reply(200, (_uri, body) => ({ jsonrpc: '2.0', id: (body as RpcRequest).id, result }));

  it('is the CRM being unavailable, logged with its method, for a search, a contact, cases, calls and a voucher', async () => {
    const logged = loggedGuard();
    const client = new CrmClient(BASE, 1000, logged.guard);
    answering({ ...contact });
    await expectMalformed(client.searchContacts({ phone: '0612345678' }), logged, 'POST /rpc contact.search');
    answering({ ...contact, created_at: '2026-01-01' });
    await expectMalformed(client.getContact('C-000123'), logged, 'POST /rpc contact.get');
    answering([{ ...crmCase, status: 'pending' }]);
    await expectMalformed(client.listCases('C-000123'), logged, 'POST /rpc case.list');
    answering([{ id: 'CL-1', at: 1, agent: 'Léa' }]);
    await expectMalformed(client.listCalls('C-000123'), logged, 'POST /rpc call.list');
    answering({ voucher_code: 'GW-1', amount_cents: '500', expires_at: 1 });
    await expectMalformed(
      client.grantGoodwill({ contact_id: 'C-000123', amount_cents: 500, reason: 'late' }),
      logged,
      'POST /rpc goodwill.grant',
    );
    expect(JSON.stringify(logged.lines)).not.toContain('Léa');
  });

  it('fails only its own call in a batch, and is logged', async () => {
    const logged = loggedGuard();
    batchEndpoint((call) => ({ result: call.params.contact_id === 'C-bad' ? [{ ...crmCase, opened_at: null }] : [crmCase] }));
    const outcomes = await new CrmClient(BASE, 1000, logged.guard).listCasesMany(['C-1', 'C-bad', 'C-2']);
    expect(outcomes[0]).toEqual([crmCase]);
    expect(outcomes[1]).toMatchObject({ name: 'MalformedAnswerError', system: 'crm' });
    expect(outcomes[1]).toBeInstanceOf(LegacyUnavailableError);
    expect(outcomes[2]).toEqual([crmCase]);
    expect(logged.lines).toContainEqual(expect.objectContaining({ msg: 'legacy answer malformed', route: 'POST /rpc case.list' }));
  });

  it('tolerates fields the reference does not name, and a contact without an email', async () => {
    const noEmail = jsonFixture<CrmContact>('crm-contact-no-email.json');
    answering({ ...noEmail, vip: true });
    expect(await crm().getContact(noEmail.id)).toEqual(noEmail);
  });
});
