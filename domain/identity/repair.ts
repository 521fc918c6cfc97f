// When the matching rules change, customers the older rules joined may now be several people.
// A migration step splits them by the current rules: the group holding the customer's oldest
// record keeps its id (tokens and links handed out go on naming that person), every other group
// becomes a customer of its own, and each move is written as a decision of the rules, so an agent
// sees why a record left. Records an agent placed by hand stay where they are.
import type { Db } from '../../platform/db';
import { firstMatch } from './match';
import { clusterRows, INSERT_CUSTOMER, INSERT_DECISION, newCustomerId, toPersonRecord, type RecordRow } from './rows';

export function splitByCurrentRules(actor: string): (db: Db) => void {
  return (db) => {
    const at = new Date().toISOString();
    const shared = db.prepare<[], string>('SELECT customer_id FROM records GROUP BY customer_id HAVING count(*) > 1').pluck();
    const rowsOf = db.prepare<[string], RecordRow>("SELECT * FROM records WHERE customer_id = ? AND link_reason <> 'manual' ORDER BY id");
    const insertCustomer = db.prepare(INSERT_CUSTOMER);
    const insertDecision = db.prepare(INSERT_DECISION);
    const setLink = db.prepare(
      'UPDATE records SET customer_id = @customerId, link_reason = @reason, linked_via = @via, linked_at = @at WHERE id = @id',
    );
    for (const customer of shared.all()) {
      const groups = clusterRows(rowsOf.all(customer));
      if (groups.length < 2) continue;
      groups.forEach((group, i) => {
        const customerId = i === 0 ? customer : newCustomerId();
        if (i > 0) insertCustomer.run(customerId, at);
        const records = group.map(toPersonRecord);
        group.forEach((row, n) => {
          // the first record is where this person starts; each other one links to the first before it that it matches
          const link = firstMatch(records[n], records.slice(0, n));
          const [reason, via] = n === 0 ? ['new', null] : [link?.reason ?? 'merge', group[link?.index ?? 0].id];
          setLink.run({ id: row.id, customerId, reason, via, at });
          if (i > 0) insertDecision.run({ at, actor, action: 'unlink', record: row.id, from: customer, to: customerId });
        });
      });
    }
  };
}
