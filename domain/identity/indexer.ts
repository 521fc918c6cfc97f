// The identity index: every person the silos can list, read ahead of look-ups, so that a phone,
// a name or a card finds someone whichever silo holds them (the e-shop cannot be searched by phone
// or name, loyalty not by name). Each pass reads only the accounts and contacts numbered since the
// last one, and the loyalty members of the cards typed on those accounts; the identity store links
// them by the matching rules as they come. Passes run at start and then every interval, one at a time.
import { chunk } from '../../adapters/transport/chunks';
import type { CrmClient } from '../../adapters/crm/client';
import type { EshopClient } from '../../adapters/eshop/client';
import type { LoyaltyClient } from '../../adapters/loyalty/client';
import { personFromCrmContact } from '../../adapters/crm/mapping';
import { personFromEshopAccount } from '../../adapters/eshop/mapping';
import { personFromLoyaltyMember } from '../../adapters/loyalty/mapping';
import type { Logger } from '../../platform/logging';
import { normalizeCard } from '../canonical/card';
import type { IndexCursors } from './index-cursors';
import { FIRST_ACCOUNT_NUMBER, FIRST_CONTACT_NUMBER, readAccounts, readContacts } from './listing';
import type { IdentityStore } from './store';

export interface IndexSources {
  eshop: Pick<EshopClient, 'getAccount'>;
  crm: Pick<CrmClient, 'getContactsMany'>;
  loyalty: Pick<LoyaltyClient, 'batchGetMembers'>;
}

export interface IndexPass {
  /** records read in this pass */
  accounts: number;
  contacts: number;
  members: number;
}

const MEMBERS_PER_BATCH = 100;

export class IdentityIndex {
  private running: Promise<IndexPass> | null = null;
  private readonly firstPass: Promise<void>;
  private firstPassEnded!: () => void;
  private readToTheEnd = false;

  constructor(
    private readonly sources: IndexSources,
    private readonly store: IdentityStore,
    private readonly cursors: IndexCursors,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.firstPass = new Promise((resolve) => (this.firstPassEnded = resolve));
  }

  /** Reads what the silos numbered since the last pass. A call during a pass shares it. */
  catchUp(): Promise<IndexPass> {
    this.running ??= this.pass()
      .then((read) => ((this.readToTheEnd = true), read))
      .finally(() => {
        this.running = null;
        this.firstPassEnded();
      });
    return this.running;
  }

  /** Settles once this process's first pass has ended, read or failed. */
  caughtUp(): Promise<void> {
    return this.firstPass;
  }

  /**
   * Whether a pass of this process has read every silo to its end, so that whoever they held then
   * is found; `wait` bounds the wait for a pass under way (settledWithin), none is waited for otherwise.
   */
  async complete(wait: (pass: Promise<unknown>) => Promise<unknown>): Promise<boolean> {
    if (!this.readToTheEnd && this.running) await wait(this.running);
    return this.readToTheEnd;
  }

  private async pass(): Promise<IndexPass> {
    const read: IndexPass = { accounts: 0, contacts: 0, members: 0 };
    const next = async (system: 'eshop' | 'crm', first: number) => ((await this.cursors.lastNumber(system)) ?? first - 1) + 1;
    const [fromAccount, fromContact] = await Promise.all([next('eshop', FIRST_ACCOUNT_NUMBER), next('crm', FIRST_CONTACT_NUMBER)]);
    // The e-shop's cursor passes an account once the members of its card are read too: with the
    // platform down, the next pass reads those accounts again, and their members with them.
    const cards: string[] = [];
    let lastAccount: number | null = null;
    const readMembers = async () => {
      const [pending, upTo] = [cards.splice(0), lastAccount];
      lastAccount = null;
      for (const batch of chunk(pending, MEMBERS_PER_BATCH)) {
        const members = await this.sources.loyalty.batchGetMembers(batch);
        await this.store.observe(members.map(personFromLoyaltyMember));
        read.members += members.length;
      }
      if (upTo !== null) await this.cursors.save('eshop', upTo, this.now());
    };
    const accounts = readAccounts(
      fromAccount,
      (id) => this.sources.eshop.getAccount(id),
      async (found, last) => {
        await this.store.observe(found.map(({ record }) => personFromEshopAccount(record)));
        cards.push(...found.flatMap(({ record }) => normalizeCard(record.loyalty_card) ?? []));
        lastAccount = last;
        read.accounts += found.length;
        if (cards.length >= MEMBERS_PER_BATCH) await readMembers();
      },
    );
    const contacts = readContacts(
      fromContact,
      (ids) => this.sources.crm.getContactsMany(ids),
      async (found, last) => {
        await this.store.observe(found.map(({ record }) => personFromCrmContact(record)));
        await this.cursors.save('crm', last, this.now());
        read.contacts += found.length;
      },
    );
    const settled = await Promise.allSettled([accounts, contacts]);
    // the cards of the accounts read, even when the CRM failed: their members are not the CRM's
    await readMembers();
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) throw failure.reason;
    return read;
  }
}

/**
 * Runs a pass now and then every `everyMs` (`every` stands in for the timer in tests); returns the
 * stop, which waits for a pass under way.
 */
export function startIndexing(
  index: IdentityIndex,
  everyMs: number,
  logger: Logger,
  every: (run: () => void, ms: number) => () => void = repeat,
): () => Promise<void> {
  let last: Promise<unknown> = Promise.resolve();
  const run = () => {
    last = index.catchUp().then(
      (read) => logger.debug({ component: 'identity-index', read }, 'identity index pass'),
      (err: unknown) =>
        logger.error({ component: 'identity-index', err }, 'identity index pass failed; the next one resumes where it stopped'),
    );
  };
  run();
  const stop = every(run, everyMs);
  return async () => {
    stop();
    await last;
  };
}

function repeat(run: () => void, ms: number): () => void {
  const timer = setInterval(run, ms);
  timer.unref();
  return () => clearInterval(timer);
}
