// Choosing a product from the catalogue by name or SKU (the e-shop's search).
import { useId, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { formatMoney } from '../shared/format';
import { ProblemsNotice } from '../shared/ProblemsNotice';
import { SearchProducts } from './operations';

export interface PickedProduct {
  sku: string;
  name: string;
}

export function ProductPicker({ onPick }: { onPick: (p: PickedProduct | null) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const [result] = useQuery({ query: SearchProducts, variables: { search: search ?? '' }, pause: !search });
  const found = result.data?.products?.edges.map((e) => e.node) ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) setSearch(text.trim());
  };
  return (
    <div>
      <form className="inline" onSubmit={submit}>
        <div>
          <label htmlFor={`${id}-search`}>Product (name or SKU)</label>
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
