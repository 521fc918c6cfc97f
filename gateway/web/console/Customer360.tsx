// Everything about one customer on one screen, from one query. A silo down leaves its part empty
// and is named above the rest (ProblemsNotice), never a blank screen.
import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { formatDateTime, formatMoney } from '../shared/format';
import { ProblemsNotice } from '../shared/ProblemsNotice';
import { Calls, Cases } from './Cases';
import { LoyaltyCards, Vouchers } from './Loyalty';
import { Customer360 as Customer360Query } from './operations';

/**
 * What the agent's actions here create, which the 360 lists: urql asks the 360 again after a mutation
 * answering one of these types, also when the customer had none of them yet (their first case).
 */
const LISTED = { additionalTypenames: ['SupportCase', 'Voucher'] };

/** statuses whose refund the silos hold but the graph may not list (Order.returns) */
const RETURNED = new Set(['RETURNED', 'PARTIALLY_RETURNED']);

export function Customer360({ id }: { id: string }) {
  const [result] = useQuery({ query: Customer360Query, variables: { id }, context: LISTED });
  const customer = result.data?.customer;
  // a keyboard or screen reader user lands on the customer just opened, not back at the search
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = customer?.id;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);
  if (!customer) {
    return (
      <section aria-label="Customer">
        <ProblemsNotice error={result.error} />
        {result.fetching ? <p role="status">Loading the customer…</p> : !result.error && <p>No such customer.</p>}
      </section>
    );
  }
  const orders = customer.orders.edges.map((e) => e.node);
  return (
    <section aria-labelledby="customer-title">
      <h2 id="customer-title" tabIndex={-1} ref={heading}>
        {customer.firstName} {customer.lastName}
      </h2>
      <ProblemsNotice error={result.error} />
      <div className="grid">
        <div className="panel">
          <h3>Identities</h3>
          <dl>
            <dt>Email</dt>
            <dd>{customer.email ?? '—'}</dd>
            <dt>Phone</dt>
            <dd>{customer.phone ?? '—'}</dd>
          </dl>
          <table aria-label="Identities per system">
            <tbody>
              {customer.identities.map((i) => (
                <tr key={`${i.system}:${i.externalId}`}>
                  <th scope="row">{i.system}</th>
                  <td>{i.externalId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="panel">
          <h3>Loyalty</h3>
          {customer.loyalty && (
            <p>
              {customer.loyalty.tier}, {customer.loyalty.pointsBalance} points (card {customer.loyalty.cardNumber})
            </p>
          )}
          <LoyaltyCards cards={customer.loyaltyCards} />
          <h3>Vouchers</h3>
          <Vouchers vouchers={customer.vouchers} />
        </div>
        <div className="panel">
          <h3>Cases</h3>
          <Cases cases={customer.cases} />
          <h3>Calls</h3>
          <Calls calls={customer.calls} />
        </div>
      </div>
      <h3>Orders, every channel</h3>
      <table aria-label="Orders">
        <thead>
          <tr>
            <th>Order</th>
            <th>Channel</th>
            <th>Placed</th>
            <th>Status</th>
            <th>Fulfilment</th>
            <th className="num">Total</th>
            <th className="num">Refunded</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id}>
              <td>{o.id}</td>
              <td>{o.channel}</td>
              <td>{formatDateTime(o.placedAt)}</td>
              <td>{o.status}</td>
              <td>
                {o.fulfillment.type}
                {o.fulfillment.store ? ` · ${o.fulfillment.store.name}` : ''}
              </td>
              <td className="num">{formatMoney(o.total)}</td>
              <td className="num">
                {/* null: the returns could not be read (the error names what is missing); none listed for a
                    returned order: it was returned outside the graph (before go-live), whose refund the silos do not list */}
                {o.returns === null
                  ? 'unknown'
                  : o.returns.length
                    ? formatMoney({ ...o.total, centAmount: o.returns.reduce((sum, r) => sum + r.refund.centAmount, 0) })
                    : RETURNED.has(o.status)
                      ? 'not recorded'
                      : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {customer.orders.pageInfo.hasNextPage && <p>Older orders are not shown.</p>}
      <h3>Recent journey</h3>
      {/* null: it could not be read at all (the error names why) */}
      {customer.journey ? (
        <ol aria-label="Recent journey">
          {customer.journey.edges.map(({ node: e }, i) => (
            <li key={i}>
              {formatDateTime(e.at)} · {e.channel} · {e.kind}
              {e.detail ? ` · ${e.detail}` : ''}
            </li>
          ))}
        </ol>
      ) : (
        <p>Journey unknown: it could not be read.</p>
      )}
    </section>
  );
}
