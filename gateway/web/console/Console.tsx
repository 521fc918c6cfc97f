// The agent's screen: find the caller, then everything about them and what can be done for them.
import { useState } from 'react';
import { CustomerSearch } from './CustomerSearch';
import { Customer360 } from './Customer360';
import { BasketQuote } from './BasketQuote';
import { ClickAndCollect } from './ClickAndCollect';
import { CaseAndGoodwill } from './CaseAndGoodwill';

export function Console() {
  const [customerId, setCustomerId] = useState<string | null>(null);
  return (
    <main>
      <CustomerSearch onSelect={setCustomerId} selected={customerId} />
      {customerId && (
        <>
          <Customer360 id={customerId} />
          {/* keyed by customer: another caller starts with empty forms and a new idempotency key */}
          <div className="grid" key={customerId}>
            <BasketQuote customerId={customerId} />
            <ClickAndCollect customerId={customerId} />
            <CaseAndGoodwill customerId={customerId} />
          </div>
        </>
      )}
    </main>
  );
}
