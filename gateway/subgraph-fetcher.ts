// How the gateway fetches from a subgraph served over HTTP: undici's `request` (the client Node's
// own fetch is built on, without fetch's web streams) on keep-alive connections, in place of the
// make-fetch-happen that @apollo/gateway's data source brings, for two reasons:
// - make-fetch-happen's agent keeps an idle connection until the subgraph closes it, ignoring the
//   subgraph's announced keep-alive timeout: a fetch sent as the subgraph closes its end is reset,
//   and the fields it was for fail (`INTERNAL`). undici closes its end two seconds before that
//   announced timeout (its `keepAliveTimeoutThreshold`).
// - its layers (an HTTP cache, retries, a proxy-aware agent that reads a stack trace per request)
//   were a tenth of the gateway's CPU per request (`npm run bench:gateway`, "What the gateway costs").
import { STATUS_CODES } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, request } from 'undici';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** A subgraph's answer, read whole: what the data source reads of it (status, headers, JSON or text). */
class SubgraphAnswer implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: Headers,
    private readonly body: string,
  ) {}

  get ok() {
    return this.status >= 200 && this.status <= 299;
  }

  /** the standard phrase of its status (errorFromResponse words its error `503: Service Unavailable`, as it did) */
  get statusText() {
    return STATUS_CODES[this.status] ?? '';
  }

  async text() {
    return this.body;
  }

  async json() {
    return JSON.parse(this.body) as unknown;
  }

  async arrayBuffer() {
    return new TextEncoder().encode(this.body).buffer;
  }

  clone() {
    return new SubgraphAnswer(this.url, this.status, new Headers(this.headers), this.body);
  }
}

/**
 * The fetcher of every subgraph of one gateway: a fetch not answered whole within `timeoutMs`
 * (connecting, waiting, reading) is given up, a subgraph stopped or stuck as well as one whose
 * answer trickles in (the agent's own headers and body timeouts bound only each wait for a byte).
 * Its close() drops the fetches still in flight: the gateway's server closed, none has a client left.
 */
export function subgraphFetcher(timeoutMs: number): { fetcher: Fetcher; close(): Promise<void> } {
  const dispatcher = new Agent();
  const fetcher: Fetcher = async (url, init = {}) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const answer = await request(url, { method: init.method as 'POST', headers: init.headers, body: init.body, dispatcher, signal });
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      for (const one of Array.isArray(value) ? value : [value ?? '']) headers.append(name, one);
    }
    return new SubgraphAnswer(url, answer.statusCode, headers, await answer.body.text());
  };
  return { fetcher, close: () => dispatcher.destroy() };
}
