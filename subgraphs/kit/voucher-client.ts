// The goodwill vouchers, for the orders subgraph: the offers subgraph owns the vouchers table and
// answers through its API (its @inaccessible fields), never through the table.
import type { Voucher, VoucherBook } from '../../domain/pricing/promotions/voucher-book';
import type { SubgraphClient } from './graph-client';

const FIELDS = 'code customerId contactId amountCents reason grantedAt expiresAt usedByOrder';
const OF_CONTACTS = `query UnusedVouchersOfContacts($contactIds: [ID!]!) { unusedVouchersOfContacts(contactIds: $contactIds) { ${FIELDS} } }`;
const BY_CODES = `query UnusedVouchersByCodes($codes: [String!]!) { unusedVouchersByCodes(codes: $codes) { ${FIELDS} } }`;
const CLAIM = `mutation ClaimVouchers($codes: [String!]!, $orderRef: String!) { claimVouchers(codes: $codes, orderRef: $orderRef) }`;
const RELEASE = `mutation ReleaseVouchers($codes: [String!]!, $orderRef: String!) { releaseVouchers(codes: $codes, orderRef: $orderRef) }`;

export class GraphVoucherBook implements VoucherBook {
  constructor(private readonly graph: SubgraphClient) {}

  async unusedForContacts(contactIds: readonly string[]): Promise<Voucher[]> {
    if (contactIds.length === 0) return [];
    return (await this.graph.request<{ unusedVouchersOfContacts: Voucher[] }>('offers', OF_CONTACTS, { contactIds }))
      .unusedVouchersOfContacts;
  }

  async unusedByCodes(codes: readonly string[]): Promise<Voucher[]> {
    if (codes.length === 0) return [];
    return (await this.graph.request<{ unusedVouchersByCodes: Voucher[] }>('offers', BY_CODES, { codes })).unusedVouchersByCodes;
  }

  async claim(codes: readonly string[], orderRef: string): Promise<void> {
    if (codes.length) await this.graph.request('offers', CLAIM, { codes, orderRef });
  }

  async release(codes: readonly string[], orderRef: string): Promise<void> {
    if (codes.length) await this.graph.request('offers', RELEASE, { codes, orderRef });
  }
}
