// The caller's open cases, each closable with the agent's resolution, and the calls the CRM logged.
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { Customer360Query } from '../generated/graphql';
import { formatDateTime } from '../shared/format';
import { ProblemsNotice } from '../shared/ProblemsNotice';
import { CloseCase } from './operations';

type Customer = NonNullable<Customer360Query['customer']>;

export function Cases({ cases }: { cases: Customer['cases'] }) {
  if (!cases) return <p>Cases unknown: the CRM did not answer.</p>;
  const open = cases.filter((c) => c.status === 'OPEN');
  return (
    <>
      {open.length ? (
        <ul aria-label="Open cases">
          {open.map((c) => (
            <li key={c.id}>
              {c.id} · {c.subject} ({c.channel}, {formatDateTime(c.openedAt)})
              <CloseCaseForm id={c.id} />
            </li>
          ))}
        </ul>
      ) : (
        <p>No open case.</p>
      )}
      <p>{cases.length - open.length} closed case(s).</p>
    </>
  );
}

function CloseCaseForm({ id }: { id: string }) {
  const field = useId();
  const [resolution, setResolution] = useState('');
  const [closed, close] = useMutation(CloseCase);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void close({ id, resolution });
  };
  return (
    <form className="inline" onSubmit={submit}>
      <div>
        <label htmlFor={field}>Resolution of {id}</label>
        <input id={field} required value={resolution} onChange={(e) => setResolution(e.target.value)} />
      </div>
      <button type="submit" disabled={closed.fetching}>
        Close {id}
      </button>
      <ProblemsNotice error={closed.error} failed="Closing the case failed" />
    </form>
  );
}

export function Calls({ calls }: { calls: Customer['calls'] }) {
  if (!calls) return <p>Calls unknown: the CRM did not answer.</p>;
  if (!calls.length) return <p>No call.</p>;
  return (
    <ul aria-label="Calls">
      {calls.slice(0, 10).map((c) => (
        <li key={c.id}>
          {formatDateTime(c.at)} · {c.reason} · {Math.round(c.durationSeconds / 60)} min · {c.agent}
        </li>
      ))}
    </ul>
  );
}
