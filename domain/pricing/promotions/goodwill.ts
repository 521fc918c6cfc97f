// A goodwill gesture: a voucher the call center grants a customer through the CRM, in cents, with
// the agent's reason. The CRM cannot list the vouchers it granted: the project records each one.
// Nor does its grant know idempotency: under a client's key, the gesture is written down before
// the CRM is asked, so that the key sent again (a double click, a retry after a lost answer)
// answers the first voucher, or refuses while whether there is one is not known.
import type { CrmClient } from '../../../adapters/crm/client';
import { voucherFromCrm } from '../../../adapters/crm/mapping';
import { badInput, graphqlError, mayHaveHappened, notFound, stillRunning } from '../../../platform/errors';
import type { Logger } from '../../../platform/logging';
import { InFlight } from '../../in-flight';
import { checkedIdempotencyKey } from '../../canonical/idempotency-key';
import { checkedText } from '../../canonical/text';
import type { GrantedVoucher } from './vouchers';
import type { Instant } from '../../types';

export const MAX_GOODWILL_CENTS = 50_000;
const MAX_REASON = 500;

export function checkedGoodwill(amountCents: number, reason: string): { amountCents: number; reason: string } {
  if (!Number.isInteger(amountCents) || amountCents < 1 || amountCents > MAX_GOODWILL_CENTS) {
    throw badInput(`amount is in cents, from 1 to ${MAX_GOODWILL_CENTS}`);
  }
  return { amountCents, reason: checkedText('reason', reason, MAX_REASON) };
}

/** What one idempotency key names: this customer, this amount, this reason. */
export interface GoodwillGesture {
  customerId: string;
  amountCents: number;
  reason: string;
}

const sameGesture = (a: GoodwillGesture, b: GoodwillGesture) =>
  a.customerId === b.customerId && a.amountCents === b.amountCents && a.reason === b.reason;

/** A gesture asked under a key: its voucher once the CRM's grant is recorded, null until then. */
export interface GoodwillRequest {
  gesture: GoodwillGesture;
  askedAt: Instant;
  /** its CRM call failed after it may have granted */
  answerLost: boolean;
  voucher: GrantedVoucher | null;
}

/** A request as its key holds it. */
export type KeyedGoodwillRequest = GoodwillRequest & { key: string };

export interface GoodwillDeps {
  crm: Pick<CrmClient, 'grantGoodwill'>;
  /** how long a CRM call may last (CRM_TIMEOUT_MS): a request without its voucher after that lost its answer */
  crmTimeoutMs: number;
  vouchers: {
    record(voucher: Omit<GrantedVoucher, 'usedByOrder'>): Promise<void>;
    /** takes the key for the gesture (null), or answers the request made under it before */
    askGoodwill(key: string, gesture: GoodwillGesture, at: Instant): Promise<GoodwillRequest | null>;
    /** each of these touches the request asked under `key` at `askedAt` only: not one asked under the key since it was given back */
    grantedGoodwill(key: string, voucher: Omit<GrantedVoucher, 'usedByOrder'>, askedAt: Instant): Promise<void>;
    goodwillAnswerLost(key: string, at: Instant, askedAt: Instant): Promise<void>;
    /** false when the request holds a voucher, or was given back already */
    forgetGoodwill(key: string, askedAt: Instant): Promise<boolean>;
  };
  /** the customer, NOT_FOUND when unknown */
  customer(id: string): Promise<{ id: string; crmContactIds: readonly string[] }>;
  logger: Pick<Logger, 'error'>;
  /** the process's grants under way, by key (goodwillUnderWay()) */
  goodwillUnderWay: InFlight<GrantedVoucher>;
}

/** The key settled meanwhile: nothing more to record under it. */
export const goodwillSettled = () =>
  graphqlError(
    'CONFLICT',
    'This goodwill request holds its voucher already, or was given back (and another may have been asked under its key since)',
  );

const anotherGesture = () => graphqlError('CONFLICT', 'This idempotency key was already used for another goodwill gesture');

/**
 * One for the process: a request sent again while its first is at the CRM shares that one's
 * voucher. One with another gesture is told to retry: the first may yet fail before it writes the
 * key down (an unknown customer), or name the same person by another of their ids.
 */
export const goodwillUnderWay = () =>
  new InFlight<GrantedVoucher>(() =>
    stillRunning('Another request with this idempotency key is being granted: retry with the key later for its answer'),
  );

/** Beyond the CRM call's own deadline: time for its request to record the voucher. */
const RECORD_MARGIN_MS = 30_000;

/**
 * Whether the CRM may have granted a request's voucher that the project does not hold: its answer
 * was lost, or the request is older than its CRM call and its record can take (its process died).
 * Otherwise it may be running still.
 */
export function inDoubt(request: GoodwillRequest, at: Instant, crmTimeoutMs: number): boolean {
  return (
    request.voucher === null && (request.answerLost || Date.parse(at) - Date.parse(request.askedAt) >= crmTimeoutMs + RECORD_MARGIN_MS)
  );
}

/** The requests the CRM may have granted that the project does not hold (inDoubt), oldest first: for an operator. */
export async function goodwillInDoubt(
  vouchers: { goodwillWithoutVoucher(): Promise<KeyedGoodwillRequest[]> },
  at: Instant,
  crmTimeoutMs: number,
): Promise<KeyedGoodwillRequest[]> {
  return (await vouchers.goodwillWithoutVoucher()).filter((r) => inDoubt(r, at, crmTimeoutMs));
}

/** The same gesture asked again under its key: its voucher, or why there is none to answer. */
function answerOf(earlier: GoodwillRequest, gesture: GoodwillGesture, at: Instant, crmTimeoutMs: number): GrantedVoucher {
  if (!sameGesture(earlier.gesture, gesture)) throw anotherGesture();
  if (earlier.voucher) return earlier.voucher;
  if (!inDoubt(earlier, at, crmTimeoutMs)) {
    throw stillRunning('The first request with this idempotency key is still being granted: retry with the key later for its voucher');
  }
  throw mayHaveGranted();
}

/** The CRM keeps no idempotency key and lists no voucher: a key whose answer was lost is refused for good. */
const mayHaveGranted = () =>
  graphqlError(
    'CONFLICT',
    "The CRM's answer to the request with this idempotency key was lost: it may have granted the voucher. " +
      'Nothing more is granted under this key until an operator who checked the CRM settles it (settleGoodwillInDoubt).',
  );

/** Grants the voucher to the customer's call center contact, and records it as theirs. */
export async function grantGoodwill(
  deps: GoodwillDeps,
  request: { customerId: string; amountCents: number; reason: string; idempotencyKey?: string | null },
  at: Instant,
): Promise<GrantedVoucher> {
  const goodwill = checkedGoodwill(request.amountCents, request.reason);
  if (request.idempotencyKey == null) return grant(deps, request.customerId, goodwill, null, at);
  const key = checkedIdempotencyKey(request.idempotencyKey);
  const input = JSON.stringify([request.customerId, goodwill.amountCents, goodwill.reason]);
  return (
    deps.goodwillUnderWay.joining(key, input) ?? deps.goodwillUnderWay.track(key, input, grant(deps, request.customerId, goodwill, key, at))
  );
}

async function grant(
  deps: GoodwillDeps,
  customerId: string,
  goodwill: { amountCents: number; reason: string },
  key: string | null,
  at: Instant,
): Promise<GrantedVoucher> {
  const customer = await deps.customer(customerId);
  const [contactId] = customer.crmContactIds;
  if (!contactId) throw badInput('This customer has no call center contact to grant a voucher to');
  const gesture = { customerId: customer.id, ...goodwill };
  if (key !== null) {
    const earlier = await deps.vouchers.askGoodwill(key, gesture, at);
    if (earlier) return answerOf(earlier, gesture, at, deps.crmTimeoutMs);
  }
  let granted;
  try {
    granted = await deps.crm.grantGoodwill({ contact_id: contactId, amount_cents: goodwill.amountCents, reason: goodwill.reason });
  } catch (err) {
    // the agent is told the CRM's own refusal, or that it may have granted; a key whose outcome
    // could not be written stays as it was, which refuses its retry and grants nothing twice
    if (key !== null) {
      const lost = mayHaveHappened(err);
      // this request's own (asked at `at`): not one asked under the key since an operator gave it back
      await (lost ? deps.vouchers.goodwillAnswerLost(key, at, at) : deps.vouchers.forgetGoodwill(key, at)).catch((failure: unknown) => {
        deps.logger.error({ err: failure, idempotencyKey: key }, "goodwill request: its CRM call's outcome not written");
      });
      // told at once, as every later request with the key will be: asking again grants nothing
      if (lost) throw mayHaveGranted();
    }
    throw err;
  }
  const voucher = { ...voucherFromCrm({ ...granted, contact_id: contactId, reason: goodwill.reason }, at), customerId: customer.id };
  try {
    await (key === null ? deps.vouchers.record(voucher) : deps.vouchers.grantedGoodwill(key, voucher, at));
  } catch (err) {
    // the CRM granted it and cannot list it: the log is the only trace left of this voucher
    deps.logger.error({ err, voucher, idempotencyKey: key }, 'goodwill voucher granted in the CRM but not recorded');
    throw err;
  }
  return { ...voucher, usedByOrder: null };
}

/** What an operator found in the CRM for a request in doubt: the voucher as the CRM shows it. */
export interface FoundVoucher {
  code: string;
  expiresAt: Instant;
  /** the CRM contact it was granted to; default: the customer's first, as the grant chose it */
  contactId?: string | null;
}

export interface SettlementDeps {
  crmTimeoutMs: number;
  vouchers: Pick<GoodwillDeps['vouchers'], 'grantedGoodwill' | 'forgetGoodwill'> & {
    goodwillRequest(key: string): Promise<GoodwillRequest | null>;
  };
  customer: GoodwillDeps['customer'];
}

const MAX_CODE = 64;

/**
 * Settles a request in doubt (goodwillInDoubt) as an operator found it in the CRM: with the voucher
 * found, it is recorded as the key's, granted to the customer's contact when the key was asked, and
 * the key answers it from then on; with none, the key is given back, and the request sent again
 * grants. Answers the voucher recorded, or null.
 */
export async function settleGoodwillInDoubt(
  deps: SettlementDeps,
  idempotencyKey: string,
  found: FoundVoucher | null,
  at: Instant,
): Promise<GrantedVoucher | null> {
  const key = checkedIdempotencyKey(idempotencyKey);
  // the code as the project keeps the CRM's, and as a customer's order gives it (upper case)
  const code = found && checkedText('code', found.code, MAX_CODE).toUpperCase();
  const request = await deps.vouchers.goodwillRequest(key);
  if (!request) throw notFound('No goodwill request was made with this idempotency key');
  if (request.voucher) throw goodwillSettled();
  if (!inDoubt(request, at, deps.crmTimeoutMs)) {
    throw stillRunning('This goodwill request may still be at the CRM: settle it once it is listed in goodwillInDoubt');
  }
  if (!found || !code) {
    if (!(await deps.vouchers.forgetGoodwill(key, request.askedAt))) throw goodwillSettled();
    return null;
  }
  const { gesture } = request;
  const customer = await deps.customer(gesture.customerId);
  const contactId = found.contactId?.trim() || customer.crmContactIds[0];
  if (!contactId) throw badInput('This customer has no call center contact to hold the voucher');
  if (!customer.crmContactIds.includes(contactId)) throw badInput(`Contact ${contactId} is not one of this customer's`);
  const voucher = {
    code,
    customerId: customer.id,
    contactId,
    amountCents: gesture.amountCents,
    reason: gesture.reason,
    grantedAt: request.askedAt,
    expiresAt: found.expiresAt,
  };
  await deps.vouchers.grantedGoodwill(key, voucher, request.askedAt);
  return { ...voucher, usedByOrder: null };
}
