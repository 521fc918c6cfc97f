// The call-center CRM: JSON-RPC 2.0 on POST /rpc, every error answered with HTTP 200.
import express, { type Response } from 'express';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import type { CrmCase, CrmContact, CrmVoucher } from '../adapters/crm/wire';
import type { CrmData } from './model';
import { BODY_LIMIT } from './sim/http';
import { IdSequence } from './sim/ids';
import { addTo, groupBy, indexBy } from './sim/indexes';
import { newestFirst } from './sim/newest-first';
import { digitsOf, foldedEmail } from './sim/keys';
import { pristineCopies } from './sim/pristine';
import type { SimSystem } from './sim/types';

const MAX_BATCH = 50;
const VOUCHER_DAYS = 90;

const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
const METHOD_NOT_FOUND = -32601;
const INVALID_PARAMS = -32602;
const INTERNAL_ERROR = -32603;
const NOT_FOUND = -32004;

type RpcId = string | number | null;
type RpcAnswer = { jsonrpc: '2.0'; id: RpcId; result: unknown } | { jsonrpc: '2.0'; id: RpcId; error: { code: number; message: string } };

class RpcFault extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const rpcError = (id: RpcId, code: number, message: string): RpcAnswer => ({ jsonrpc: '2.0', id, error: { code, message } });

const envelope = z.object({
  jsonrpc: z.literal('2.0'),
  method: z.string(),
  params: z.unknown().optional(),
  id: z.union([z.string(), z.number(), z.null()]).optional(),
});

function idOf(call: unknown): RpcId {
  const id = (call as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

/** A notification (a call without an id) gets no answer. */
const isNotification = (call: unknown) => typeof call === 'object' && call !== null && !Array.isArray(call) && !('id' in call);

/** Answers a single call or a batch; undefined when nothing is to be answered. */
function answerAll(body: unknown, answer: (call: unknown) => RpcAnswer | undefined): RpcAnswer | RpcAnswer[] | undefined {
  if (!Array.isArray(body)) return answer(body);
  if (body.length === 0 || body.length > MAX_BATCH) return rpcError(null, INVALID_REQUEST, `a batch holds 1 to ${MAX_BATCH} calls`);
  const answers = body.map(answer).filter((a): a is RpcAnswer => a !== undefined);
  return answers.length > 0 ? answers : undefined;
}

function send(res: Response, answers: RpcAnswer | RpcAnswer[] | undefined): void {
  if (answers === undefined) res.status(204).end();
  else res.json(answers);
}

/** The CRM matches phones on the digits of the national format; a +33 form is converted to it. */
function nationalDigits(phone: string): string {
  const parsed = parsePhoneNumberFromString(phone, 'FR');
  return parsed?.countryCallingCode === '33' ? `0${parsed.nationalNumber}` : digitsOf(phone);
}
const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

class CrmDb {
  private readonly contacts;
  private readonly byPhone;
  private readonly byEmail;
  private readonly byName;
  private readonly cases;
  private readonly casesByContact;
  private readonly callsByContact;
  private readonly ids;

  constructor(readonly data: CrmData) {
    this.contacts = indexBy(data.contacts, (c) => c.id);
    this.byPhone = groupBy(data.contacts, (c) => digitsOf(c.phone));
    this.byEmail = groupBy(
      data.contacts.filter((c) => c.email !== null),
      (c) => foldedEmail(c.email ?? ''),
    );
    this.byName = new Map<string, CrmContact[]>();
    for (const c of data.contacts) {
      for (const key of new Set([c.first_name, c.last_name, `${c.first_name} ${c.last_name}`].map(nameKey))) addTo(this.byName, key, c);
    }
    this.cases = indexBy(data.cases, (c) => c.id);
    this.casesByContact = groupBy(data.cases, (c) => c.contact_id);
    this.callsByContact = groupBy(data.calls, (c) => c.contact_id);
    this.ids = new IdSequence([...data.cases.map((c) => c.id), ...data.vouchers.map((v) => v.voucher_code)]);
  }

  contact(id: string): CrmContact {
    const contact = this.contacts.get(id);
    if (!contact) throw new RpcFault(NOT_FOUND, `contact ${id} not found`);
    return contact;
  }

  /** Contacts matching every criterion given. */
  search(criteria: { phone?: string; email?: string; name?: string }): CrmContact[] {
    const sets: CrmContact[][] = [];
    if (criteria.phone !== undefined) sets.push(this.byPhone.get(nationalDigits(criteria.phone)) ?? []);
    if (criteria.email !== undefined) sets.push(this.byEmail.get(foldedEmail(criteria.email)) ?? []);
    if (criteria.name !== undefined) sets.push(this.byName.get(nameKey(criteria.name)) ?? []);
    const [first = [], ...rest] = sets;
    return first.filter((c) => rest.every((set) => set.includes(c)));
  }

  case(id: string): CrmCase {
    const found = this.cases.get(id);
    if (!found) throw new RpcFault(NOT_FOUND, `case ${id} not found`);
    return found;
  }

  casesOf(contactId: string) {
    return this.casesByContact.get(this.contact(contactId).id) ?? [];
  }

  callsOf(contactId: string) {
    return this.callsByContact.get(this.contact(contactId).id) ?? [];
  }

  addCase(opened: Omit<CrmCase, 'id'>): CrmCase {
    const added = { id: this.ids.next('K-', 4), ...opened };
    this.data.cases.push(added);
    this.cases.set(added.id, added);
    addTo(this.casesByContact, added.contact_id, added);
    return added;
  }

  addVoucher(granted: Omit<CrmVoucher, 'voucher_code'>): CrmVoucher {
    const added = { voucher_code: this.ids.next('GW-', 6), ...granted };
    this.data.vouchers.push(added);
    return added;
  }
}

interface RpcMethod {
  params: z.ZodTypeAny;
  run(params: unknown): unknown;
}

function method<S extends z.ZodTypeAny>(params: S, run: (params: z.infer<S>) => unknown): RpcMethod {
  return { params, run: (input) => run(input as z.infer<S>) };
}

const epochNow = () => Math.floor(Date.now() / 1000);
const byContact = z.object({ contact_id: z.string() });

function methods(db: () => CrmDb): Map<string, RpcMethod> {
  return new Map(
    Object.entries({
      'contact.search': method(
        z
          .object({ phone: z.string(), email: z.string(), name: z.string() })
          .partial()
          .refine((c) => c.phone !== undefined || c.email !== undefined || c.name !== undefined, 'give a phone, an email or a name'),
        (criteria) => db().search(criteria),
      ),
      'contact.get': method(z.object({ id: z.string() }), ({ id }) => db().contact(id)),
      'case.list': method(byContact, ({ contact_id }) => [...db().casesOf(contact_id)].sort(newestFirst((c) => c.opened_at))),
      'case.create': method(
        byContact.extend({ subject: z.string().min(1), body: z.string(), channel: z.enum(['phone', 'email', 'store']) }),
        ({ contact_id, subject, body, channel }) => {
          const crm = db();
          return crm.addCase({
            contact_id: crm.contact(contact_id).id,
            subject,
            body,
            channel,
            status: 'open',
            opened_at: epochNow(),
            closed_at: null,
          });
        },
      ),
      // The CRM keeps no resolution field: the agent's resolution is not stored.
      'case.close': method(z.object({ id: z.string(), resolution: z.string() }), ({ id }) => {
        const closing = db().case(id);
        if (closing.status === 'open') Object.assign(closing, { status: 'closed', closed_at: epochNow() });
        return closing;
      }),
      'call.list': method(byContact, ({ contact_id }) =>
        [...db().callsOf(contact_id)].sort((a, b) => b.at - a.at).map(({ contact_id: _owner, ...call }) => call),
      ),
      'goodwill.grant': method(
        byContact.extend({ amount_cents: z.number().int().positive(), reason: z.string().min(1) }),
        ({ contact_id, amount_cents, reason }) => {
          const crm = db();
          const expires_at = epochNow() + VOUCHER_DAYS * 24 * 3600;
          const { voucher_code } = crm.addVoucher({ contact_id: crm.contact(contact_id).id, amount_cents, reason, expires_at });
          return { voucher_code, amount_cents, expires_at };
        },
      ),
    }),
  );
}

export function crmSimulator(seed: CrmData): SimSystem {
  const freshCopy = pristineCopies(seed);
  let db = new CrmDb(freshCopy());
  const registry = methods(() => db);

  const invoke = ({ method: name, params, id = null }: z.infer<typeof envelope>): RpcAnswer => {
    const known = registry.get(name);
    if (!known) return rpcError(id, METHOD_NOT_FOUND, `Method not found: ${name}`);
    const input = known.params.safeParse(params ?? {});
    if (!input.success) return rpcError(id, INVALID_PARAMS, `Invalid params: ${input.error.issues.map((i) => i.message).join('; ')}`);
    try {
      return { jsonrpc: '2.0', id, result: known.run(input.data) };
    } catch (err) {
      if (err instanceof RpcFault) return rpcError(id, err.code, err.message);
      throw err;
    }
  };

  const execute = (call: unknown): RpcAnswer | undefined => {
    const parsed = envelope.safeParse(call);
    if (!parsed.success) return rpcError(idOf(call), INVALID_REQUEST, 'Invalid Request');
    const answer = invoke(parsed.data);
    return isNotification(call) ? undefined : answer;
  };

  return {
    parsers: [express.json({ limit: BODY_LIMIT })],
    routes: [{ method: 'post', path: '/rpc', handle: (req, res) => send(res, answerAll(req.body, execute)) }],
    fail: (req, res, { code }) => {
      if (code === 'bad_request') return send(res, rpcError(null, PARSE_ERROR, 'Parse error'));
      // JSON-RPC fails call by call: a batch gets one error per call.
      send(
        res,
        answerAll(req.body, (call) => (isNotification(call) ? undefined : rpcError(idOf(call), INTERNAL_ERROR, 'Internal error'))),
      );
    },
    calls: (body) =>
      (Array.isArray(body) ? body : [body]).flatMap((call) => {
        const name = (call as { method?: unknown } | null)?.method;
        return typeof name === 'string' ? [name] : [];
      }),
    dump: () => db.data,
    reset: () => {
      db = new CrmDb(freshCopy());
    },
  };
}
