// One way to build the HTTP client each legacy client talks through, so that every system
// fails the same way: LegacyUnavailableError when it cannot answer, LegacyRejectedError when it
// answers no. Error details name the method and path only (never the host, the query string or
// a header), and they are for logs: platform/errors never passes them on to a client.
// Every request goes through the system's guard (adapters/transport/resilience.ts): deadline, retries,
// cap on calls in flight, circuit breaker; and is one span of the request's trace (./call-span.ts).
import http from 'node:http';
import https from 'node:https';
import axios, { isAxiosError, type AxiosRequestConfig, type AxiosResponse, type InternalAxiosRequestConfig, type Method } from 'axios';
import { LegacyRejectedError, LegacyUnavailableError, NothingDoneError, UnansweredError, type System } from '../../platform/errors';
import { inCallSpan, recordStatus } from './call-span';
import { ThrottledError, TimedOutError, type LegacyGuard } from './resilience';

declare module 'axios' {
  interface AxiosRequestConfig {
    /**
     * The request may be sent again after a transient failure. Reads (GET, HEAD) may unless told
     * otherwise; a write only when its caller says so (it carries an idempotency key, say).
     */
    retry?: boolean;
    /** The route template (`/api/v2/customers/{}/orders`, adapters/transport/routes.ts): names the call's span, where the path would carry ids. */
    route?: string;
  }
}

export type LegacyError = LegacyUnavailableError | LegacyRejectedError;

/** Reads the legacy system's own error code out of an error body, when it has one. */
export type ErrorCodeReader = (body: unknown) => string | undefined;

export interface HttpClientOptions {
  system: System;
  baseUrl: string;
  /** the most one call may take, waiting for a slot, retries and backoff included */
  timeoutMs: number;
  headers?: Record<string, string>;
  /** 'text' when the client parses the body itself (the POS's XML) */
  responseType?: 'json' | 'text';
  errorCodeOf?: ErrorCodeReader;
  /** The failure an answer with a success status stands for (the POS's <error/> in a 200), if any. */
  failureOf?: (response: AxiosResponse) => LegacyError | undefined;
  /** Awaited before each attempt: a vendor's rate limit. */
  pace?: () => Promise<void>;
  /** Without one (protocol tests), a request is one attempt bounded by `timeoutMs`. */
  guard?: LegacyGuard;
}

/**
 * Turns an answer into what the client hands on. Run inside the call's span, so that an answer the
 * client cannot read (MalformedAnswerError) is that call's outcome in the trace.
 */
export type ReadAnswer<R, T = unknown> = (response: AxiosResponse<T>) => R;

/** The part of axios the legacy clients use. Each attempt's timeout is what is left of the call's deadline. */
export interface LegacyHttp {
  request<T = unknown>(config: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  request<R, T = unknown>(config: AxiosRequestConfig, read: ReadAnswer<R, T>): Promise<R>;
  get<T = unknown>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  get<R, T = unknown>(url: string, config: AxiosRequestConfig, read: ReadAnswer<R, T>): Promise<R>;
  post<T = unknown>(url: string, data?: unknown, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  post<R, T = unknown>(url: string, data: unknown, config: AxiosRequestConfig, read: ReadAnswer<R, T>): Promise<R>;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);
/** no connection made, so no request sent (a reset, by contrast, may follow one the system read) */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** the connection broke with the request sent: the system may still be at work on it */
const BROKEN_CODES = new Set(['ECONNRESET', 'EPIPE']);
const DEFAULT_RETRY_AFTER_MS = 1000;
/**
 * the TCP keep-alive delay axios gives every request's socket (its http adapter); a pooled socket
 * idle 30 s is closed, or sooner when the system's Keep-Alive header says it closes them sooner
 */
const keepAlive = { keepAlive: true, keepAliveMsecs: 60_000, timeout: 30_000 };

/**
 * The JSON error bodies: the e-shop's documented `{"error":{"code"}}`, and the shapes the loyalty
 * vendor may use, since its reference names the codes but not the body that carries them.
 */
const jsonErrorCode: ErrorCodeReader = (body) => {
  if (typeof body !== 'object' || body === null) return undefined;
  const { error, code } = body as { error?: unknown; code?: unknown };
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string') {
    return (error as { code: string }).code;
  }
  return typeof code === 'string' ? code : undefined;
};

export function createHttpClient(options: HttpClientOptions): LegacyHttp {
  const { system, responseType = 'json', errorCodeOf = jsonErrorCode, failureOf, pace, guard } = options;
  const instance = axios.create({
    baseURL: options.baseUrl,
    headers: options.headers,
    responseType,
    // Legacy systems sit on the internal network: a proxy from the environment must not apply.
    proxy: false,
    // Nor do they redirect: a redirect is an answer to report, and without one to follow axios
    // sends each call through Node's own client rather than follow-redirects' wrapper of it.
    maxRedirects: 0,
    // Keep-alive: the subgraphs call the same few hosts thousands of times. axios sets each
    // request's socket to probe after 60 s idle, and the agent resets it to its own delay as the
    // socket goes back to the pool: with the two apart, every call paid two socket options
    // (system calls) flipping it back and forth. A socket idle in the pool longer than a firewall
    // or NAT may keep it is closed rather than probed, so that no call is written into a dead one.
    httpAgent: new http.Agent(keepAlive),
    httpsAgent: new https.Agent(keepAlive),
  });
  instance.interceptors.response.use(
    (response) => {
      recordStatus(response.status);
      // axios hands an unparseable JSON body over as the raw string rather than failing.
      const unparseable = responseType === 'json' && (typeof response.data !== 'object' || response.data === null);
      if (unparseable && response.status < 400) {
        throw new LegacyUnavailableError(system, `${describeRequest(response.config)}: unparseable body`);
      }
      const failure = failureOf?.(response);
      if (failure) throw failure;
      return response;
    },
    (error: unknown) => {
      if (isAxiosError(error) && error.response) recordStatus(error.response.status);
      return Promise.reject(toLegacyError(system, error, errorCodeOf));
    },
  );

  const request = (config: AxiosRequestConfig, read: ReadAnswer<unknown> = (response) => response): Promise<unknown> =>
    inCallSpan(system, config, async (span) => {
      const attempt = async (timeLeft: () => number) => {
        await pace?.();
        // axios reads a timeout of 0 as none
        return span.attempt((headers) => instance.request({ ...config, headers, timeout: Math.max(1, timeLeft()) }), config.headers);
      };
      if (!guard) return read(await attempt(() => options.timeoutMs));
      const retry = config.retry ?? READS.has((config.method ?? 'GET').toUpperCase());
      return read(await guard.call(attempt, { budgetMs: options.timeoutMs, retry }));
    });
  const withMethod = (method: Method, url: string, config: AxiosRequestConfig = {}, data?: unknown) =>
    ({ ...config, method, url, data }) as AxiosRequestConfig;
  // one implementation behind the overloads: without `read`, the answer itself
  return {
    request,
    get: (url: string, config?: AxiosRequestConfig, read?: ReadAnswer<unknown>) => request(withMethod('GET', url, config), read),
    post: (url: string, data?: unknown, config?: AxiosRequestConfig, read?: ReadAnswer<unknown>) =>
      request(withMethod('POST', url, config, data), read),
  } as LegacyHttp;
}

/** The error an answer with an HTTP error status stands for. */
export function failureForStatus(system: System, response: AxiosResponse, errorCodeOf = jsonErrorCode): LegacyError {
  const { status } = response;
  const detail = `${describeRequest(response.config)}: HTTP ${status}`;
  // 408 and 429 say "not now", not "no": to a caller they are the system being unavailable, having
  // done nothing (the request was not read, or not let in)
  if (status === 429) return new ThrottledError(system, detail, retryAfterMs(response.headers['retry-after']));
  if (status === 408) return new NothingDoneError(system, detail);
  if (status >= 500) return new LegacyUnavailableError(system, detail);
  // redirects are not followed (createHttpClient): the system is not where it was configured to be,
  // and whatever answered a moved address (301, 307, 308) did not do the work; a 302 or a 303 is
  // how many servers answer a POST they did
  if (status >= 300 && status < 400) {
    const failure = status === 302 || status === 303 ? LegacyUnavailableError : NothingDoneError;
    return new failure(system, `${detail}, a redirect not followed (is the base URL right?)`);
  }
  const code = errorCodeOf(response.data) ?? (status === 404 ? 'not_found' : `http_${status}`);
  return new LegacyRejectedError(system, code, detail);
}

function toLegacyError(system: System, error: unknown, errorCodeOf: ErrorCodeReader): Error {
  if (error instanceof LegacyUnavailableError || error instanceof LegacyRejectedError) return error;
  if (!isAxiosError(error)) return new LegacyUnavailableError(system, String(error));
  if (error.response) return failureForStatus(system, error.response, errorCodeOf);
  // No answer at all: refused, reset, timed out (ECONNABORTED / ETIMEDOUT), DNS...
  const where = error.config ? describeRequest(error.config) : 'request';
  const detail = `${where}: ${error.code ?? 'transport failure'}`;
  if (TIMEOUT_CODES.has(error.code ?? '')) return new TimedOutError(system, detail);
  if (NOT_CONNECTED_CODES.has(error.code ?? '')) return new NothingDoneError(system, detail);
  return BROKEN_CODES.has(error.code ?? '') ? new UnansweredError(system, detail) : new LegacyUnavailableError(system, detail);
}

function describeRequest(config: InternalAxiosRequestConfig): string {
  const path = (config.url ?? '').split('?')[0];
  return `${(config.method ?? 'get').toUpperCase()} ${path}`;
}

/** Retry-After is seconds or an HTTP date; without a usable one, a second. */
function retryAfterMs(header: unknown): number {
  const text = typeof header === 'string' ? header.trim() : '';
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, date - Date.now());
}
