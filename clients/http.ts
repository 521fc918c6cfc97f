// One way to build the axios instance each legacy client talks through, so that every system
// fails the same way: LegacyUnavailableError when it cannot answer, LegacyRejectedError when it
// answers no. Error details name the method and path only (never the host, the query string or
// a header), and they are for logs: errors/index.ts never passes them on to a client.
import http from 'node:http';
import https from 'node:https';
import axios, { isAxiosError, type AxiosInstance, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { LegacyRejectedError, LegacyUnavailableError, type System } from '../errors';

export type LegacyError = LegacyUnavailableError | LegacyRejectedError;

/** Reads the legacy system's own error code out of an error body, when it has one. */
export type ErrorCodeReader = (body: unknown) => string | undefined;

export interface HttpClientOptions {
  system: System;
  baseUrl: string;
  timeoutMs: number;
  headers?: Record<string, string>;
  /** 'text' when the client parses the body itself (the POS's XML) */
  responseType?: 'json' | 'text';
  errorCodeOf?: ErrorCodeReader;
}

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

export function createHttpClient(options: HttpClientOptions): AxiosInstance {
  const { system, responseType = 'json', errorCodeOf = jsonErrorCode } = options;
  const instance = axios.create({
    baseURL: options.baseUrl,
    timeout: options.timeoutMs,
    headers: options.headers,
    responseType,
    // Legacy systems sit on the internal network: a proxy from the environment must not apply.
    proxy: false,
    // Keep-alive: the subgraphs call the same few hosts thousands of times.
    httpAgent: new http.Agent({ keepAlive: true }),
    httpsAgent: new https.Agent({ keepAlive: true }),
  });
  instance.interceptors.response.use(
    (response) => {
      // axios hands an unparseable JSON body over as the raw string rather than failing.
      const unparseable = responseType === 'json' && (typeof response.data !== 'object' || response.data === null);
      if (unparseable && response.status < 400) {
        throw new LegacyUnavailableError(system, `${describeRequest(response.config)}: unparseable body`);
      }
      return response;
    },
    (error: unknown) => Promise.reject(toLegacyError(system, error, errorCodeOf)),
  );
  return instance;
}

/** The error an answer with an HTTP error status stands for. */
export function failureForStatus(system: System, response: AxiosResponse, errorCodeOf = jsonErrorCode): LegacyError {
  const { status } = response;
  const detail = `${describeRequest(response.config)}: HTTP ${status}`;
  // 408 and 429 say "not now", not "no": to a caller they are the system being unavailable.
  if (status >= 500 || status === 408 || status === 429) return new LegacyUnavailableError(system, detail);
  const code = errorCodeOf(response.data) ?? (status === 404 ? 'not_found' : `http_${status}`);
  return new LegacyRejectedError(system, code, detail);
}

function toLegacyError(system: System, error: unknown, errorCodeOf: ErrorCodeReader): Error {
  if (error instanceof LegacyUnavailableError || error instanceof LegacyRejectedError) return error;
  if (!isAxiosError(error)) return new LegacyUnavailableError(system, String(error));
  if (error.response) return failureForStatus(system, error.response, errorCodeOf);
  // No answer at all: refused, reset, timed out (ECONNABORTED / ETIMEDOUT), DNS...
  const where = error.config ? describeRequest(error.config) : 'request';
  return new LegacyUnavailableError(system, `${where}: ${error.code ?? 'transport failure'}`);
}

function describeRequest(config: InternalAxiosRequestConfig): string {
  const path = (config.url ?? '').split('?')[0];
  return `${(config.method ?? 'get').toUpperCase()} ${path}`;
}
