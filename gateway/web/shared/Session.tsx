// Who the page speaks as. In development the gateway mints an agent token (POST /dev/token); in
// production that route does not exist and the page expects the retailer's login, whose token is
// pasted here until that login is wired in.
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Provider } from 'urql';
import { graphClient } from './client';

type TokenState = { status: 'asking' } | { status: 'none' } | { status: 'ready'; token: string; source: 'development' | 'pasted' };

async function developmentToken(): Promise<string | null> {
  const res = await fetch('/dev/token', { method: 'POST' });
  if (!res.ok) return null;
  return ((await res.json()) as { token: string }).token;
}

export function Session({ children }: { children: ReactNode }) {
  const [state, setState] = useState<TokenState>({ status: 'asking' });
  useEffect(() => {
    developmentToken()
      .then((token) => setState(token ? { status: 'ready', token, source: 'development' } : { status: 'none' }))
      .catch(() => setState({ status: 'none' }));
  }, []);
  const client = useMemo(() => (state.status === 'ready' ? graphClient(state.token) : null), [state]);
  if (state.status === 'asking') return <p role="status">Signing in…</p>;
  return (
    <>
      <TokenForm
        signedIn={state.status === 'ready' ? state.source : null}
        onToken={(token) => setState({ status: 'ready', token, source: 'pasted' })}
      />
      {client && <Provider value={client}>{children}</Provider>}
    </>
  );
}

function TokenForm({ signedIn, onToken }: { signedIn: 'development' | 'pasted' | null; onToken: (token: string) => void }) {
  const [pasted, setPasted] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pasted.trim()) onToken(pasted.trim());
  };
  return (
    <details className="session" open={!signedIn}>
      <summary>
        {signedIn === 'development'
          ? 'Signed in with a development agent token'
          : signedIn === 'pasted'
            ? 'Signed in with a pasted token'
            : 'Sign in: paste the token of the retailer’s login'}
      </summary>
      <form onSubmit={submit}>
        <label htmlFor="token">Token (the retailer’s login gives it; in development, npm run token -- --role agent)</label>
        <input id="token" type="password" autoComplete="off" value={pasted} onChange={(e) => setPasted(e.target.value)} />
        <button type="submit">Use this token</button>
      </form>
    </details>
  );
}
