// The caller's loyalty: every card with its tier and points, and their goodwill vouchers.
import type { Customer360Query } from '../generated/graphql';
import { formatDateTime, formatMoney } from '../shared/format';

type Customer = NonNullable<Customer360Query['customer']>;

export function LoyaltyCards({ cards }: { cards: Customer['loyaltyCards'] }) {
  if (!cards) return <p>Cards unknown: the loyalty platform did not answer.</p>;
  if (!cards.length) return <p>No loyalty card.</p>;
  return (
    <table aria-label="Loyalty cards">
      <thead>
        <tr>
          <th>Card</th>
          <th>Tier</th>
          <th className="num">Points</th>
        </tr>
      </thead>
      <tbody>
        {cards.map((c) => (
          <tr key={c.cardNumber}>
            <td>{c.cardNumber}</td>
            <td>{c.tier}</td>
            <td className="num">{c.pointsBalance}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Vouchers({ vouchers }: { vouchers: Customer['vouchers'] | undefined }) {
  if (!vouchers) return <p>Vouchers unknown.</p>;
  if (!vouchers.length) return <p>No voucher.</p>;
  return (
    <table aria-label="Vouchers">
      <thead>
        <tr>
          <th>Code</th>
          <th className="num">Amount</th>
          <th>Status</th>
          <th>Expires</th>
          <th>Reason</th>
        </tr>
      </thead>
      <tbody>
        {vouchers.map((v) => (
          <tr key={v.code}>
            <td>{v.code}</td>
            <td className="num">{formatMoney(v.amount)}</td>
            <td>{v.status}</td>
            <td>{formatDateTime(v.expiresAt)}</td>
            <td>{v.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
