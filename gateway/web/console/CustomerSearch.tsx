// Finding the caller by phone (any format), email, loyalty card (spaces or not) or name: the graph
// normalises what is typed. Several people can match (a household shares a phone): all are listed.
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { ProblemsNotice } from '../shared/ProblemsNotice';
import { FindCustomers } from './operations';

const KEYS = { phone: 'Phone', email: 'Email', loyaltyCard: 'Loyalty card', name: 'Name' } as const;
type Key = keyof typeof KEYS;

export function CustomerSearch({ onSelect, selected }: { onSelect: (id: string) => void; selected: string | null }) {
  const [key, setKey] = useState<Key>('phone');
  const [text, setText] = useState('');
  const [criteria, setCriteria] = useState<Partial<Record<Key, string>> | null>(null);
  const [result] = useQuery({ query: FindCustomers, variables: criteria ?? {}, pause: !criteria });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) setCriteria({ [key]: text.trim() });
  };
  const found = result.data?.findCustomers;
  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">Find the caller</h2>
      <form className="inline" onSubmit={submit} role="search">
        <div>
          <label htmlFor="search-key">Search by</label>
          <select id="search-key" value={key} onChange={(e) => setKey(e.target.value as Key)}>
            {Object.entries(KEYS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="search-text">{KEYS[key]}</label>
          <input id="search-text" value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        </div>
        <button type="submit">Search</button>
      </form>
      <ProblemsNotice error={result.error} />
      {result.fetching && <p role="status">Searching…</p>}
      {found && (
        <table aria-label="Customers found">
          <caption>{found.length === 1 ? 'One customer' : `${found.length} customers`} found</caption>
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Phone</th>
              <th>Systems</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {found.map((c) => (
              <tr key={c.id} aria-current={c.id === selected ? 'true' : undefined}>
                <td>
                  {c.firstName} {c.lastName}
                </td>
                <td>{c.email ?? '—'}</td>
                <td>{c.phone ?? '—'}</td>
                <td>{c.identities.map((i) => i.system).join(', ')}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => onSelect(c.id)}
                    aria-label={`Open ${c.firstName ?? ''} ${c.lastName ?? ''} (${c.id})`}
                  >
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
