// CRM records in canonical form. The CRM writes epoch seconds and French national phones.
import { normalizeEmail } from '../../domain/canonical/email';
import { toE164 } from '../../domain/canonical/phone';
import { epochToIso } from '../../domain/canonical/time';
import type { Call, Instant, PersonRecord, SupportCase } from '../../domain/types';
import type { Voucher } from '../../domain/pricing/promotions/vouchers';
import type { CrmCallRecord } from './client';
import type { CrmCase, CrmContact, CrmVoucher } from './wire';

const CHANNELS: Record<CrmCase['channel'], SupportCase['channel']> = { phone: 'PHONE', email: 'EMAIL', store: 'STORE' };

export function personFromCrmContact(contact: CrmContact): PersonRecord {
  return {
    system: 'crm',
    externalId: contact.id,
    firstName: contact.first_name,
    lastName: contact.last_name,
    email: normalizeEmail(contact.email),
    phone: toE164(contact.phone),
    card: null,
    createdAt: epochToIso(contact.created_at),
  };
}

export function supportCaseFromCrm(supportCase: CrmCase): SupportCase {
  return {
    id: supportCase.id,
    contactId: supportCase.contact_id,
    subject: supportCase.subject,
    body: supportCase.body,
    status: supportCase.status === 'open' ? 'OPEN' : 'CLOSED',
    channel: CHANNELS[supportCase.channel],
    openedAt: epochToIso(supportCase.opened_at),
    closedAt: supportCase.closed_at === null ? null : epochToIso(supportCase.closed_at),
  };
}

/** call.list answers without the contact: it is the one the calls were asked for. */
export function callFromCrm(call: CrmCallRecord, contactId: string): Call {
  return {
    id: call.id,
    contactId,
    at: epochToIso(call.at),
    durationSeconds: call.duration_s,
    agent: call.agent,
    reason: call.reason,
  };
}

/**
 * A voucher the CRM granted (goodwill.grant's answer, or a line of its export of those granted
 * before go-live): no customer (its contact's holder is theirs, unless the caller knows it), and no
 * grant date in the CRM's record, so valid from when the project learned of it.
 */
export function voucherFromCrm(voucher: CrmVoucher, learnedAt: Instant): Omit<Voucher, 'usedByOrder'> {
  return {
    code: voucher.voucher_code,
    customerId: null,
    contactId: voucher.contact_id,
    amountCents: voucher.amount_cents,
    reason: voucher.reason,
    grantedAt: learnedAt,
    expiresAt: epochToIso(voucher.expires_at),
  };
}
