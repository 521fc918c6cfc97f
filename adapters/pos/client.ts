// The POS's XML API (legacy-systems.md §2). It reports failures in the body of an HTTP 200, so
// every answer is read for an <error/> before it is trusted.
import type { AxiosResponse } from 'axios';
import { LegacyRejectedError, LegacyUnavailableError, MalformedAnswerError } from '../../platform/errors';
import {
  RESERVATION_STATES,
  type PosLine,
  type PosPrice,
  type PosPromotion,
  type PosReceipt,
  type PosReservation,
  type PosStock,
  type PosStore,
} from './wire';
import { inParallelChunks } from '../transport/chunks';
import { createHttpClient, type LegacyError, type LegacyHttp } from '../transport/http';
import { nullIfNotFound } from '../transport/not-found';
import {
  buildPosXml,
  decodePrices,
  decodePromotions,
  decodeReceipt,
  decodeReceipts,
  decodeStock,
  decodeStores,
  errorOf,
  integer,
  oneOf,
  parsePosXml,
  rootElement,
  text,
  type XmlNode,
} from './xml';
import type { LegacyGuard } from '../transport/resilience';
import { route, type Route } from '../transport/routes';

const MAX_EANS_PER_REQUEST = 200;
// The error codes that mean the POS itself is failing rather than refusing the request.
const UNAVAILABLE_CODES = new Set(['internal_error', 'unavailable']);

export interface PosLineQuantity {
  ean: string;
  qty: number;
}

export interface PosSale {
  store: string;
  /** as the POS prints it, in groups of four (domain/canonical/card.ts formatCardForPos), or none */
  card: string | null;
  deliver: 'home' | null;
  lines: PosLine[];
}

export interface PosReturnRequest {
  store: string;
  /** the receipt or web order the goods come from */
  ref: string;
  /** `till`: the till pays back this store's shelf price of each unit; `none`: another system refunds */
  refund: 'till' | 'none';
  lines: PosLineQuantity[];
}

export interface PosReservationState {
  id: string;
  status: PosReservation['status'];
}

export interface PosReturnReceipt {
  id: string;
  refund_cents: number;
}

export class PosClient {
  private readonly http: LegacyHttp;

  constructor(
    baseUrl: string,
    timeoutMs: number,
    private readonly guard?: LegacyGuard,
  ) {
    this.http = createHttpClient({
      system: 'pos',
      baseUrl,
      timeoutMs,
      headers: { Accept: 'application/xml', 'Content-Type': 'application/xml' },
      responseType: 'text',
      errorCodeOf: (body) => (typeof body === 'string' ? errorIn(() => parsePosXml(body))?.code : undefined),
      // Read before the answer is trusted, so that an internal_error in a 200 is retried as a 5xx is.
      failureOf: (response) => {
        const error = errorIn(() => documentOf(response));
        return error ? failureFor(error, describe(response)) : undefined;
      },
      guard,
    });
  }

  listStores(): Promise<PosStore[]> {
    return this.get(route`/pos/stores`, {}, decodeStores);
  }

  /** Unknown EANs are left out, as the POS does. */
  getStock(storeCode: string, eans: readonly string[]): Promise<PosStock[]> {
    const stock = route`/pos/stores/${storeCode}/stock`;
    return inParallelChunks([...new Set(eans)], MAX_EANS_PER_REQUEST, (chunk) =>
      this.get(stock, { ean: chunk.join(',') }, (doc) => decodeStock(doc, storeCode)),
    );
  }

  getPrices(storeCode: string): Promise<PosPrice[]> {
    return this.get(route`/pos/prices`, { store: storeCode }, (doc) => decodePrices(doc, storeCode));
  }

  /** Returns how many prices the POS updated. */
  setPrices(storeCode: string, prices: readonly { ean: string; cents: number }[]): Promise<number> {
    const body = buildPosXml('prices', {}, 'price', prices);
    return this.post(route`/pos/prices`, body, (doc) => integer(rootElement(doc, 'ok'), 'updated'), { store: storeCode });
  }

  getPromotions(storeCode: string): Promise<PosPromotion[]> {
    return this.get(route`/pos/promotions`, { store: storeCode }, (doc) => decodePromotions(doc, storeCode));
  }

  /** `fromDate` is a Paris calendar day, 'YYYY-MM-DD' (domain/canonical/time.ts parisDate). */
  listReceipts(cardDigits: string, fromDate: string): Promise<PosReceipt[]> {
    return this.get(route`/pos/receipts`, { card: cardDigits, from: fromDate }, decodeReceipts);
  }

  getReceipt(receiptId: string): Promise<PosReceipt | null> {
    return nullIfNotFound(this.get(route`/pos/receipts/${receiptId}`, {}, decodeReceipt));
  }

  /** Holds the stock for 72 h; rejected with `insufficient_stock` when the store lacks it. */
  createReservation(storeCode: string, ref: string, lines: readonly PosLineQuantity[]): Promise<PosReservationState> {
    const body = buildPosXml('reservation', { store: storeCode, ref }, 'line', lines);
    return this.post(route`/pos/reservations`, body, decodeReservationState);
  }

  releaseReservation(reservationId: string): Promise<PosReservationState> {
    return this.post(route`/pos/reservations/${reservationId}/release`, undefined, decodeReservationState);
  }

  /** The POS writes a receipt for the collected goods. */
  collectReservation(reservationId: string): Promise<PosReservationState> {
    return this.post(route`/pos/reservations/${reservationId}/collect`, undefined, decodeReservationState);
  }

  createSale(sale: PosSale): Promise<PosReceipt> {
    const body = buildPosXml('sale', { store: sale.store, card: sale.card, deliver: sale.deliver }, 'line', sale.lines);
    return this.post(route`/pos/sales`, body, decodeReceipt);
  }

  createReturn(request: PosReturnRequest): Promise<PosReturnReceipt> {
    const body = buildPosXml('return', { store: request.store, ref: request.ref, refund: request.refund }, 'line', request.lines);
    return this.post(route`/pos/returns`, body, (doc) => {
      const element = rootElement(doc, 'return');
      return { id: text(element, 'id'), refund_cents: integer(element, 'refund_cents') };
    });
  }

  private get<T>({ path, name }: Route, params: Record<string, string>, decode: (doc: XmlNode) => T): Promise<T> {
    return this.http.get(path, { params, route: name }, (response: AxiosResponse<string>) => this.read(`GET ${name}`, response, decode));
  }

  private post<T>(
    { path, name }: Route,
    body: string | undefined,
    decode: (doc: XmlNode) => T,
    params: Record<string, string> = {},
  ): Promise<T> {
    return this.http.post(path, body, { params, route: name }, (response: AxiosResponse<string>) =>
      this.read(`POST ${name}`, response, decode),
    );
  }

  /**
   * An answer without an <error/> (the HTTP client has thrown those), decoded field by field. One
   * that does not decode is the POS being unavailable for that call, neither retried nor counted by
   * the breaker, as a malformed JSON answer is (adapters/transport/answers.ts says why).
   */
  private read<T>(route: string, response: AxiosResponse<string>, decode: (doc: XmlNode) => T): T {
    let problem: string;
    try {
      return decode(documentOf(response));
    } catch (err) {
      problem = err instanceof Error ? err.message : String(err);
    }
    const err = new MalformedAnswerError('pos', route, problem);
    this.guard?.reportMalformed(err);
    throw err;
  }
}

function failureFor(error: { code: string; message: string }, where: string): LegacyError {
  const detail = `${where}: ${error.code} ${error.message}`.trim();
  return UNAVAILABLE_CODES.has(error.code) ? new LegacyUnavailableError('pos', detail) : new LegacyRejectedError('pos', error.code, detail);
}

function decodeReservationState(doc: XmlNode): PosReservationState {
  const reservation = rootElement(doc, 'reservation');
  return { id: text(reservation, 'id'), status: oneOf(reservation, 'status', RESERVATION_STATES) };
}

function describe(response: AxiosResponse): string {
  return `${response.config.method?.toUpperCase()} ${response.config.url}`;
}

// Each answer is read for an <error/> before it is trusted, then decoded: one parse serves both.
const documents = new WeakMap<AxiosResponse<string>, XmlNode | Error>();

function documentOf(response: AxiosResponse<string>): XmlNode {
  let doc = documents.get(response);
  if (doc === undefined) {
    try {
      doc = parsePosXml(response.data);
    } catch (err) {
      doc = err instanceof Error ? err : new Error(String(err));
    }
    documents.set(response, doc);
  }
  if (doc instanceof Error) throw doc;
  return doc;
}

function errorIn(document: () => XmlNode): { code: string; message: string } | null {
  try {
    return errorOf(document());
  } catch {
    return null;
  }
}
