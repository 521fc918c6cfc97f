// Everything about one customer on one screen, from one query. A silo down leaves its part empty
// and is named above the rest (ProblemsNotice), never a blank screen.
import { useQuery } from 'urql';
import { formatDateTime, formatMoney } from '../shared/format';
import { ProblemsNotice } from '../shared/ProblemsNotice';
import { Customer360 as Customer360Query } from './operations';

export function Customer360({ id }: { id: string }) {
  const [result] = useQuery({ query: Customer360Query, variables: { id } });
  const customer = result.data?.customer;
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
      <h2 id="customer-title">
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
        <div className="panel" aria-label="Loyalty">
          <h3>Loyalty</h3>
          {customer.loyalty ? (
            <dl>
              <dt>Card</dt>
              <dd>{customer.loyalty.cardNumber}</dd>
              <dt>Tier</dt>
              <dd>{customer.loyalty.tier}</dd>
              <dt>Points</dt>
              <dd>{customer.loyalty.pointsBalance}</dd>
            </dl>
          ) : (
            <p>No loyalty account known{result.error ? ' (or the loyalty platform did not answer)' : ''}.</p>
          )}
          {/* TODO(issue 14, after main's 18:00 merge): every card (loyaltyCards) and vouchers with their status */}
        </div>
        <div className="panel">
          <h3>Cases</h3>
          {customer.cases?.length ? (
            <ul aria-label="Cases">
              {customer.cases.map((c) => (
                <li key={c.id}>
                  {c.id} · {c.status} · {c.subject} ({c.channel}, {formatDateTime(c.openedAt)})
                </li>
              ))}
            </ul>
          ) : (
            <p>{customer.cases ? 'No case.' : 'Cases unknown.'}</p>
          )}
          {/* TODO(issue 14, after main's 18:00 merge): closeCase, and the customer's calls */}
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
            </tr>
          ))}
        </tbody>
      </table>
      {customer.orders.pageInfo.hasNextPage && <p>Older orders are not shown.</p>}
      <h3>Recent journey</h3>
      <ol aria-label="Recent journey">
        {customer.journey.edges.map(({ node: e }, i) => (
          <li key={i}>
            {formatDateTime(e.at)} · {e.channel} · {e.kind}
            {e.detail ? ` · ${e.detail}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
