// Says, above what the other systems answered, which legacy systems are missing and what else failed.
import type { CombinedError } from 'urql';
import { problemsOf } from './problems';

const SYSTEM_NAMES: Record<string, string> = {
  pos: 'store POS',
  eshop: 'e-shop',
  crm: 'call center CRM',
  loyalty: 'loyalty platform',
};

export function ProblemsNotice({ error }: { error: CombinedError | undefined }) {
  const { missingSystems, messages } = problemsOf(error);
  if (!missingSystems.length && !messages.length) return null;
  return (
    <div role="alert" className="notice">
      {missingSystems.length > 0 && (
        <p>
          Not answering now, so their part is missing below:{' '}
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
