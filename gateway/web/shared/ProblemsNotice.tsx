// Says, above what the other systems answered, which legacy systems are missing and what else failed.
import type { CombinedError } from 'urql';
import { problemsOf } from './problems';

const SYSTEM_NAMES: Record<string, string> = {
  pos: 'store POS',
  eshop: 'e-shop',
  crm: 'call center CRM',
  loyalty: 'loyalty platform',
};

export function ProblemsNotice({
  error,
  failed,
}: {
  error: CombinedError | undefined;
  /** for an action, that it failed ("Placing the order failed"): its systems are why, not a part missing below */
  failed?: string;
}) {
  const { missingSystems, messages } = problemsOf(error);
  if (!missingSystems.length && !messages.length) return null;
  return (
    <div role="alert" className="notice">
      {failed && (
        <p>
          <strong>{failed}.</strong>
        </p>
      )}
      {missingSystems.length > 0 && (
        <p>
          {failed ? 'Not answering now:' : 'Not answering now, so their part is missing below:'}{' '}
          {missingSystems.map((s, i) => (
            <span key={s} data-system={s}>
              {i > 0 && ', '}
              <strong>{SYSTEM_NAMES[s] ?? s}</strong> ({s})
            </span>
          ))}
          .
        </p>
      )}
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}
