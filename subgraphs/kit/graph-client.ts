// How a subgraph reaches another subgraph's data: that subgraph's own GraphQL API (fields only
// subgraphs need are @inaccessible: the gateway's API schema leaves them out), never its store.
// Over HTTP, a call is vouched for as the gateway vouches for a client's (a caller assertion, here
// the service role's, signed with the gateway key) and carries the request's id.
import { callerAssertions, CALLER_HEADER } from '../../platform/auth/gateway-assertion';
import {
  DatabaseUnavailableError,
  graphqlError,
  LegacyUnavailableError,
  SubgraphCallError,
  SubgraphUnansweredError,
  SYSTEMS,
  type ErrorCode,
  type System,
} from '../../platform/errors';
import { withDeadline } from '../../platform/http/deadline';
import { currentRequestId, REQUEST_ID_HEADER } from '../../platform/logging/request-context';
import { traceSubgraphCall } from '../../platform/tracing/spans';
import type { SubgraphName } from '../../gateway/supergraph';
import type { Caller } from '../../platform/auth/caller';
import type { RunningSubgraph } from './server';

export interface SubgraphClient {
  /** an operation of another subgraph's own GraphQL API, sent as the service role */
  request<TData>(subgraph: SubgraphName, document: string, variables?: Record<string, unknown>): Promise<TData>;
}

interface RemoteError {
  message?: string;
  extensions?: Record<string, unknown>;
}

/** What a client of the subgraph called may be told as it came: about its own input or the data it asked for. */
const CLIENT_CODES: readonly ErrorCode[] = ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'INSUFFICIENT_STOCK'];

/**
 * The error another subgraph answered, as this subgraph raises it: a legacy system or the database
 * down there is the same outage here (its fields report it as their own), and an error about the
 * client's input or data is the client's; anything else (an INTERNAL there, a validation error in
 * a rolling deploy, a refusal of the service role, a subgraph it could not reach) is an internal
 * error here, the remote one kept for the log.
 */
function remoteError(subgraph: SubgraphName, error: RemoteError): Error {
  const code = error.extensions?.code;
  const system = error.extensions?.system;
  const through = `through the ${subgraph} subgraph`;
  if (code === 'SYSTEM_UNAVAILABLE' && SYSTEMS.includes(system as System)) return new LegacyUnavailableError(system as System, through);
  if (code === 'SYSTEM_UNAVAILABLE' && system === 'database') return new DatabaseUnavailableError(through);
  // `retryable` kept: a CONFLICT still running there is one to ask again here too
  if (CLIENT_CODES.includes(code as ErrorCode)) {
    const retryable = error.extensions?.retryable === true ? { retryable: true } : {};
    return graphqlError(code as ErrorCode, error.message ?? String(code), retryable);
  }
  return new SubgraphCallError(subgraph, 'it answered an error', error);
}

/** A subgraph that did not answer within SUBGRAPH_TIMEOUT_MS, over HTTP or in-process alike: it may still be at work. */
const noAnswerWithin = (subgraph: SubgraphName, ms: number) => new SubgraphUnansweredError(subgraph, `no answer within ${ms} ms`);

/** fetch's causes of a connection that broke with the request sent (a refused one sent nothing): the subgraph may still be at work on it */
const BROKEN_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);
const causeCode = (err: unknown) => String((err as { cause?: { code?: unknown } } | null)?.cause?.code);

export interface HttpSubgraphClientOptions {
  /** where each subgraph listens (its /graphql URL); a function, as the servers of one process get their ports as they start */
  url: (subgraph: SubgraphName) => string;
  /** the key the gateway signs its caller assertions with, which the subgraphs verify */
  gatewayKey: Uint8Array;
  /** whose calls these are, named in the caller assertion and the logs of the subgraph called */
  from: string;
  /** how long a call may take before the subgraph counts as unavailable */
  timeoutMs: number;
}

export class HttpSubgraphClient implements SubgraphClient {
  private readonly assertFor;

  constructor(private readonly opts: HttpSubgraphClientOptions) {
    this.assertFor = callerAssertions(opts.gatewayKey);
  }

  request<TData>(subgraph: SubgraphName, document: string, variables?: Record<string, unknown>): Promise<TData> {
    return traceSubgraphCall(subgraph, (traceHeaders) => this.send<TData>(subgraph, document, variables, traceHeaders));
  }

  private async send<TData>(
    subgraph: SubgraphName,
    document: string,
    variables: Record<string, unknown> | undefined,
    traceHeaders: Record<string, string>,
  ): Promise<TData> {
    const requestId = currentRequestId();
    let body: { data?: TData | null; errors?: RemoteError[] };
    try {
      const res = await fetch(this.opts.url(subgraph), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [CALLER_HEADER]: await this.assertFor({ sub: `subgraph:${this.opts.from}`, role: 'service' }),
          ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
          ...traceHeaders,
        },
        body: JSON.stringify({ query: document, variables }),
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      // the assertion refused: this process and that subgraph hold different keys, nothing the client can mend
      if (res.status === 401) throw new Error('the subgraph refused the caller assertion (another SUBGRAPH_SECRET?)');
      // a GraphQL answer may come with 4xx/5xx (a validation error): its errors say why
      body = (await res.json()) as typeof body;
      if (!body || typeof body !== 'object') throw new Error(`HTTP ${res.status}: no GraphQL answer`);
    } catch (err) {
      // AbortSignal.timeout's reason: a DOMException, not always an Error of this realm
      if ((err as { name?: unknown } | null)?.name === 'TimeoutError') throw noAnswerWithin(subgraph, this.opts.timeoutMs);
      if (BROKEN_CODES.has(causeCode(err))) throw new SubgraphUnansweredError(subgraph, `the connection broke: ${causeCode(err)}`);
      throw new SubgraphCallError(subgraph, err instanceof Error ? err.message : String(err));
    }
    if (body.errors?.length) throw remoteError(subgraph, body.errors[0]);
    if (body.data == null) throw new SubgraphCallError(subgraph, 'an answer without data');
    return body.data;
  }
}

/** The subgraphs of this process, asked in-process (SUBGRAPH_TRANSPORT=local): no HTTP, the same answers and errors. */
export class LocalSubgraphClient implements SubgraphClient {
  private static readonly SERVICE: Caller = { role: 'service', sub: 'subgraph:stack' };

  constructor(
    /** a function, as the subgraphs of one process are started after what they are built from */
    private readonly subgraph: (name: SubgraphName) => RunningSubgraph,
    /** SUBGRAPH_TIMEOUT_MS, as over HTTP: a late answer is given up on (left to finish), not waited for */
    private readonly timeoutMs: number,
  ) {}

  async request<TData>(subgraph: SubgraphName, document: string, variables?: Record<string, unknown>): Promise<TData> {
    const { body } = await withDeadline(
      traceSubgraphCall(subgraph, () => this.subgraph(subgraph).execute({ query: document, variables }, LocalSubgraphClient.SERVICE)),
      this.timeoutMs,
      () => noAnswerWithin(subgraph, this.timeoutMs),
    );
    if (body.errors?.length) throw remoteError(subgraph, body.errors[0]);
    if (body.data == null) throw new SubgraphCallError(subgraph, 'an answer without data');
    return body.data as TData;
  }
}
