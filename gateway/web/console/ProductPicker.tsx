// Choosing a product from the catalogue by name or SKU (the e-shop's search), or by the EAN typed
// or scanned from its barcode.
import { useId, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { formatMoney } from '../shared/format';
import { ProblemsNotice } from '../shared/ProblemsNotice';
import { ProductByEan, SearchProducts } from './operations';

/** what a barcode holds: 13 digits, or 8 on small packs */
const EAN = /^(\d{8}|\d{13})$/;

export interface PickedProduct {
  sku: string;
  name: string;
}

export function ProductPicker({ onPick }: { onPick: (p: PickedProduct | null) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const byEan = search !== null && EAN.test(search);
  const [searched] = useQuery({ query: SearchProducts, variables: { search: search ?? '' }, pause: !search || byEan });
  const [scanned] = useQuery({ query: ProductByEan, variables: { ean: search ?? '' }, pause: !byEan });
  const result = byEan ? scanned : searched;
  const found = byEan
    ? [scanned.data?.productByEan].flatMap((p) => (p ? [p] : []))
    : (searched.data?.products?.edges.map((e) => e.node) ?? []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setSearch(text.trim());
    onPick(null); // the product picked from the last results is no longer on screen
  };
  return (
    <div>
      <form className="inline" onSubmit={submit}>
        <div>
          <label htmlFor={`${id}-search`}>Product (name, SKU or EAN)</label>
          <input id={`${id}-search`} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit">Find product</button>
      </form>
      <ProblemsNotice error={result.error} />
      {search && !result.fetching && (
        <>
          <label htmlFor={`${id}-found`}>Products found</label>
          <select
            id={`${id}-found`}
            defaultValue=""
            onChange={(e) => {
              const p = found.find((f) => f.sku === e.target.value);
              onPick(p ? { sku: p.sku, name: p.name } : null);
            }}
          >
            <option value="">{found.length ? 'Choose a product…' : 'No product found'}</option>
            {found.map((p) => (
              <option key={p.sku} value={p.sku}>
                {p.name} · {p.sku} · {formatMoney(p.price)}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
