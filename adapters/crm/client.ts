// The call-center CRM's JSON-RPC 2.0 API (legacy-systems.md §3). Errors come with HTTP 200 in
// the JSON-RPC error member. The *Many helpers send one batch for many inputs and answer, in
// input order, a result or an error per input: the shape a DataLoader batch function returns.
import { LegacyRejectedError, LegacyUnavailableError } from '../../platform/errors';
import { crmResults, type CrmCall, type CrmCase, type CrmContact, type CrmMethod, type CrmResult, type CrmVoucher } from './wire';
import { checkAnswer } from '../transport/answers';
import { inParallelChunks } from '../transport/chunks';
import { createHttpClient, type LegacyError, type LegacyHttp } from '../transport/http';
import { nullIfNotFound } from '../transport/not-found';
import type { LegacyGuard } from '../transport/resilience';

const MAX_CALLS_PER_BATCH = 50;
const NOT_FOUND = -32004;
// The CRM's own failures, as opposed to its answers about the request.
const SERVER_ERRORS = new Set([-32603, -32000]);
// The methods that change nothing: a batch of them only may be sent again after a failure.
const READ_ONLY = new Set<CrmMethod>(['contact.search', 'contact.get', 'case.list', 'call.list']);

export interface RpcCall {
  method: CrmMethod;
  params: object;
}

/** One answer of a batch: the call's result, or why it has none. */
export type RpcOutcome<T> = T | LegacyError;

interface RpcResponse {
  id?: unknown;
  result?: unknown;
  error?: { code?: unknown; message?: unknown };
}

export interface ContactQuery {
  phone?: string;
  email?: string;
  name?: string;
}

export interface NewCrmCase {
  contact_id: string;
  subject: string;
  body: string;
  channel: CrmCase['channel'];
}

export interface GoodwillGrant {
  contact_id: string;
  amount_cents: number;
  reason: string;
}

export type GoodwillVoucher = Pick<CrmVoucher, 'voucher_code' | 'amount_cents' | 'expires_at'>;

/** call.list answers without the contact the calls were asked for. */
export type CrmCallRecord = Omit<CrmCall, 'contact_id'>;

export class CrmClient {
  private readonly http: LegacyHttp;
  private nextId = 1;

  constructor(
    baseUrl: string,
    timeoutMs: number,
    private readonly guard?: LegacyGuard,
  ) {
    this.http = createHttpClient({ system: 'crm', baseUrl, timeoutMs, failureOf: (response) => serverFailure(response.data), guard });
  }

  call<M extends CrmMethod>(method: M, params: object): Promise<CrmResult<M>> {
    return this.answer(method, params, (result) => result);
  }

  /** One call's result, read with the time the CRM answered by its own clock (its Date header, epoch seconds; null without one). */
  private answer<M extends CrmMethod, R>(
    method: M,
    params: object,
    read: (result: CrmResult<M>, answeredAt: number | null) => R,
  ): Promise<R> {
    const id = this.nextId++;
    const body = { jsonrpc: '2.0', id, method, params };
    return this.http.post('/rpc', body, { retry: READ_ONLY.has(method), route: `/rpc ${method}` }, ({ data, headers }) => {
      const outcome = this.outcomeOf(method, isResponse(data) && data.id === id ? data : undefined);
      if (outcome instanceof Error) throw outcome;
      const date = Date.parse(String(headers.date));
      return read(outcome as CrmResult<M>, Number.isNaN(date) ? null : date / 1000);
    });
  }

  /** Never rejects on a legacy failure: a call that failed, alone or with its whole batch, answers its error. */
  batch<T = unknown>(calls: readonly RpcCall[]): Promise<RpcOutcome<T>[]> {
    return inParallelChunks(calls, MAX_CALLS_PER_BATCH, (chunk) => this.sendBatch<T>(chunk));
  }

  searchContacts(query: ContactQuery): Promise<CrmContact[]> {
    return this.call('contact.search', query);
  }

  searchContactsMany(queries: readonly ContactQuery[]): Promise<RpcOutcome<CrmContact[]>[]> {
    return this.batch(queries.map((params) => ({ method: 'contact.search', params })));
  }

  getContact(id: string): Promise<CrmContact | null> {
    return nullIfNotFound(this.call('contact.get', { id }));
  }

  /** An unknown contact answers null, as getContact does. */
  async getContactsMany(ids: readonly string[]): Promise<RpcOutcome<CrmContact | null>[]> {
    const outcomes = await this.batch<CrmContact>(ids.map((id) => ({ method: 'contact.get', params: { id } })));
    return outcomes.map((outcome) => (outcome instanceof LegacyRejectedError && outcome.legacyCode === 'not_found' ? null : outcome));
  }

  /** Newest first. */
  listCases(contactId: string): Promise<CrmCase[]> {
    return this.call('case.list', { contact_id: contactId });
  }

  listCasesMany(contactIds: readonly string[]): Promise<RpcOutcome<CrmCase[]>[]> {
    return this.batch(contactIds.map((id) => ({ method: 'case.list', params: { contact_id: id } })));
  }

  createCase(newCase: NewCrmCase): Promise<CrmCase> {
    return this.call('case.create', newCase);
  }

  /** The case as case.close answers it, and when the CRM answered by its own clock: what tells a closing by this call from an older one. */
  closeCase(id: string, resolution: string): Promise<{ closed: CrmCase; answeredAt: number | null }> {
    return this.answer('case.close', { id, resolution }, (closed, answeredAt) => ({ closed, answeredAt }));
  }

  listCalls(contactId: string): Promise<CrmCallRecord[]> {
    return this.call('call.list', { contact_id: contactId });
  }

  listCallsMany(contactIds: readonly string[]): Promise<RpcOutcome<CrmCallRecord[]>[]> {
    return this.batch(contactIds.map((id) => ({ method: 'call.list', params: { contact_id: id } })));
  }

  grantGoodwill(grant: GoodwillGrant): Promise<GoodwillVoucher> {
    return this.call('goodwill.grant', grant);
  }

  private async sendBatch<T>(calls: RpcCall[]): Promise<RpcOutcome<T>[]> {
    const requests = calls.map(({ method, params }) => ({ jsonrpc: '2.0', id: this.nextId++, method, params }));
    let data: unknown;
    try {
      const retry = calls.every((c) => READ_ONLY.has(c.method));
      // the batch's span is named after its methods; each call's result is read on its own, below
      const route = `/rpc ${[...new Set(calls.map((c) => c.method))].join(',')}`;
      ({ data } = await this.http.post<unknown>('/rpc', requests, { retry, route }));
    } catch (err) {
      if (err instanceof LegacyUnavailableError || err instanceof LegacyRejectedError) return calls.map(() => err);
      throw err;
    }
    // The answers may come in any order; a single error object answers for the whole batch.
    const byId = new Map(Array.isArray(data) ? data.filter(isResponse).map((r) => [r.id, r]) : []);
    const batchError = isResponse(data) && data.error ? data : undefined;
    return requests.map(({ id, method }) => this.outcomeOf(method, byId.get(id) ?? batchError) as RpcOutcome<T>);
  }

  /** Each call's result is read on its own: one malformed result fails its own call, not its batch. */
  private outcomeOf(method: CrmMethod, response: RpcResponse | undefined): unknown {
    if (response?.error) return failureFor(method, response.error);
    if (!response || !('result' in response)) return new LegacyUnavailableError('crm', `${method}: no answer for the call`);
    return checkAnswer(crmResults[method], response.result, { system: 'crm', route: `POST /rpc ${method}`, guard: this.guard });
  }
}

function failureFor(method: string, error: NonNullable<RpcResponse['error']>): LegacyError {
  const code = typeof error.code === 'number' ? error.code : NaN;
  const detail = `${method}: ${String(error.code)} ${String(error.message ?? '')}`;
  if (SERVER_ERRORS.has(code) || Number.isNaN(code)) return new LegacyUnavailableError('crm', detail);
  return new LegacyRejectedError('crm', code === NOT_FOUND ? 'not_found' : String(code), detail);
}

/** A server error answering for every call of the answer: the CRM failed as a whole, and may be asked again. */
function serverFailure(data: unknown): LegacyError | undefined {
  const answers = Array.isArray(data) ? data : [data];
  const failures = answers.map((a) => (isResponse(a) && a.error ? failureFor('rpc', a.error) : undefined));
  const whole = failures.length > 0 && failures.every((f) => f instanceof LegacyUnavailableError);
  return whole ? failures[0] : undefined;
}

function isResponse(value: unknown): value is RpcResponse {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
