// What an agent does for a caller besides orders: open a case, grant a goodwill voucher.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formatDateTime, formatMoney } from '../shared/format';
import { focusWhenShown } from '../shared/focus';
import { useIdempotencyKey } from '../shared/idempotency';
import { ProblemsNotice } from '../shared/ProblemsNotice';
import { GrantGoodwill, OpenCase } from './operations';

export function CaseAndGoodwill({ customerId }: { customerId: string }) {
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [opened, open] = useMutation(OpenCase);
  const [euros, setEuros] = useState('10');
  const [reason, setReason] = useState('');
  // one voucher per gesture: the same form sent again (a retry) answers the voucher granted
  const [key, changed] = useIdempotencyKey();
  const [granted, grant] = useMutation(GrantGoodwill);
  const openCase = (e: FormEvent) => {
    e.preventDefault();
    // the CRM opens a case per request (no key): once opened, the form is emptied, so that it is not sent twice
    void open({ input: { customerId, subject, body, channel: 'PHONE' } }).then(({ data }) => {
      if (!data) return;
      setSubject('');
      setBody('');
    });
  };
  const grantGoodwill = (e: FormEvent) => {
    e.preventDefault();
    void grant({ customerId, amount: Math.round(Number(euros) * 100), reason, idempotencyKey: key });
  };
  return (
    <section aria-labelledby="care-title">
      <h2 id="care-title">Case and goodwill</h2>
      <form onSubmit={openCase}>
        <label htmlFor="case-subject">Case subject</label>
        <input id="case-subject" required value={subject} onChange={(e) => setSubject(e.target.value)} />
        <label htmlFor="case-body">What the caller says</label>
        <textarea id="case-body" required rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        <button type="submit" disabled={opened.fetching}>
          Open a case
        </button>
      </form>
      <ProblemsNotice error={opened.error} failed="Opening the case failed" />
      {opened.data && (
        <p role="status" tabIndex={-1} ref={focusWhenShown} key={opened.data.openCase.id}>
          Case {opened.data.openCase.id} opened.
        </p>
      )}
      <form onSubmit={grantGoodwill}>
        <label htmlFor="goodwill-amount">Goodwill (euros)</label>
        <input
          id="goodwill-amount"
          type="number"
          min={1}
          step={1}
          required
          value={euros}
          onChange={(e) => changed(setEuros)(e.target.value)}
        />
        <label htmlFor="goodwill-reason">Reason</label>
        <input id="goodwill-reason" required value={reason} onChange={(e) => changed(setReason)(e.target.value)} />
        <button type="submit" disabled={granted.fetching}>
          Grant goodwill
        </button>
      </form>
      <ProblemsNotice error={granted.error} />
      {granted.data && (
        <p role="status" tabIndex={-1} ref={focusWhenShown} key={granted.data.grantGoodwill.code}>
          Voucher {granted.data.grantGoodwill.code} of {formatMoney(granted.data.grantGoodwill.amount)}, valid until{' '}
          {formatDateTime(granted.data.grantGoodwill.expiresAt)}.
        </p>
      )}
    </section>
  );
}
