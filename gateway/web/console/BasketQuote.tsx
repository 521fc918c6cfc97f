// A basket priced for a phone order by the one pricing engine (the `quote` query), beside what the
// web would charge the same customer for it: the same promotions, named, and the same total.
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { formatMoney } from '../shared/format';
import { ProblemsNotice } from '../shared/ProblemsNotice';
import type { QuoteFiguresFragment } from '../generated/graphql';
import { Quote } from './operations';
import { ProductPicker, type PickedProduct } from './ProductPicker';

interface Line extends PickedProduct {
  quantity: number;
}

export function BasketQuote({ customerId }: { customerId: string }) {
  const [picked, setPicked] = useState<PickedProduct | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [lines, setLines] = useState<Line[]>([]);
  const [codes, setCodes] = useState('');
  const [asked, setAsked] = useState<{ lines: { sku: string; quantity: number }[]; promoCodes: string[] } | null>(null);
  const [result] = useQuery({
    query: Quote,
    variables: asked
      ? { phone: { ...asked, channel: 'CALL_CENTER', customerId }, web: { ...asked, channel: 'WEB', customerId } }
      : { phone: { channel: 'CALL_CENTER', lines: [] }, web: { channel: 'WEB', lines: [] } },
    pause: !asked,
  });
  // a quote stands for the basket it was asked for: once the basket changes, it is asked again
  const changeBasket = (next: Line[]) => {
    setLines(next);
    setAsked(null);
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (picked) changeBasket([...lines.filter((l) => l.sku !== picked.sku), { ...picked, quantity }]);
  };
  const quote = (e: FormEvent) => {
    e.preventDefault();
    const promoCodes = codes
      .split(/[\s,]+/)
      .map((c) => c.trim())
      .filter(Boolean);
    setAsked({ lines: lines.map(({ sku, quantity: q }) => ({ sku, quantity: q })), promoCodes });
  };
  return (
    <section aria-labelledby="quote-title">
      <h2 id="quote-title">Quote a basket (phone order)</h2>
      <ProductPicker onPick={setPicked} />
      <form className="inline" onSubmit={add}>
        <div>
          <label htmlFor="quote-quantity">Quantity</label>
          <input
            id="quote-quantity"
            type="number"
            min={1}
            max={99}
            value={quantity}
            onChange={(e) => setQuantity(Number(e.target.value))}
          />
        </div>
        <button type="submit" disabled={!picked}>
          Add to basket
        </button>
      </form>
      {lines.length > 0 && (
        <ul aria-label="Basket">
          {lines.map((l) => (
            <li key={l.sku}>
              {l.quantity} × {l.name}{' '}
              <button type="button" onClick={() => changeBasket(lines.filter((x) => x.sku !== l.sku))} aria-label={`Remove ${l.name}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={quote}>
        <label htmlFor="quote-codes">Promo codes (optional, separated by spaces)</label>
        <input id="quote-codes" value={codes} onChange={(e) => setCodes(e.target.value)} />
        <button type="submit" disabled={!lines.length}>
          Quote
        </button>
      </form>
      <ProblemsNotice error={result.error} />
      {asked && result.data && (
        <div role="status" aria-label="Quote">
          <QuoteFigures quote={result.data.phone} />
          <p>
            The web would charge this customer{' '}
            <strong data-testid="web-total" data-cents={result.data.web.total.centAmount}>
              {formatMoney(result.data.web.total)}
            </strong>
            {result.data.web.total.centAmount === result.data.phone.total.centAmount ? ' (the same).' : '.'}
          </p>
        </div>
      )}
    </section>
  );
}

function QuoteFigures({ quote }: { quote: QuoteFiguresFragment }) {
  return (
    <table aria-label="Quoted prices">
      <tbody>
        <tr>
          <th scope="row">Subtotal</th>
          <td className="num">{formatMoney(quote.subtotal)}</td>
        </tr>
        {quote.appliedPromotions.map((a) => (
          <tr key={a.promotion.id} data-promotion={a.promotion.id}>
            <th scope="row">
              {a.promotion.name}
              {a.promotion.code ? ` (${a.promotion.code})` : ''}
            </th>
            <td className="num">−{formatMoney(a.amount)}</td>
          </tr>
        ))}
        {quote.rejectedPromoCodes.map((r) => (
          <tr key={r.code}>
            <th scope="row">Code {r.code} refused</th>
            <td>{r.reason}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">Total (phone)</th>
          <td className="num">
            <strong data-testid="phone-total" data-cents={quote.total.centAmount}>
              {formatMoney(quote.total)}
            </strong>
          </td>
        </tr>
        <tr>
          <th scope="row">Points earned</th>
          <td className="num">{quote.loyaltyPointsEarned}</td>
        </tr>
      </tbody>
    </table>
  );
}
