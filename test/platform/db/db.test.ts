import { migrate, openDatabase } from '../../../platform/db';
import { DatabaseUnavailableError, LockWaitExpiredError } from '../../../platform/errors';
import { freshDatabaseUrl, freshDb, listeningConnections } from '../../databases';
import { until } from '../../until';
import { freePort } from '../../../platform/http/free-port';

describe('migrate', () => {
  it('applies each step once when two replicas start at the same moment, and records the version', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = [openDatabase(url), openDatabase(url)];
    const steps = ['CREATE TABLE things (id INTEGER PRIMARY KEY)', 'INSERT INTO things VALUES (1); INSERT INTO things VALUES (2)'];
    try {
      await Promise.all([migrate(a, 'things', steps), migrate(b, 'things', steps)]);
      expect(await a.rows('SELECT id FROM things ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
      await migrate(b, 'things', [...steps, 'INSERT INTO things VALUES (3)']);
      expect(await a.row('SELECT count(*)::int AS n FROM things')).toEqual({ n: 3 });
      expect(await a.rows('SELECT store, version FROM schema_migrations')).toEqual([{ store: 'things', version: 3 }]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('leaves nothing of a failed step, and applies it at the next start', async () => {
    const db = await freshDb();
    await expect(migrate(db, 'things', ['CREATE TABLE things (id INTEGER)', 'INSERT INTO nowhere VALUES (1)'])).rejects.toThrow(/nowhere/);
    expect(await db.row("SELECT to_regclass('things') AS t")).toEqual({ t: null });
    await migrate(db, 'things', ['CREATE TABLE things (id INTEGER)']);
    expect(await db.row("SELECT version FROM schema_migrations WHERE store = 'things'")).toEqual({ version: 1 });
  });
});

describe('a query', () => {
  it('takes named values, each as often as it is named', async () => {
    const db = await freshDb();
    expect(await db.row('SELECT @a::int + @b::int AS sum, @a::int AS a', { a: 2, b: 3 })).toEqual({ sum: 5, a: 2 });
  });

  it('rolls a transaction back when its work throws', async () => {
    const db = await freshDb();
    await db.run('CREATE TABLE things (id INTEGER)');
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO things VALUES (1)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.rows('SELECT * FROM things')).toEqual([]);
  });

  it('reports a server that cannot be reached as the database unavailable, and a refused statement as itself', async () => {
    const closed = await freePort();
    const down = openDatabase(`postgres://postgres:x@127.0.0.1:${closed}/postgres`);
    try {
      await expect(down.rows('SELECT 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(down.transaction(async () => undefined)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    } finally {
      await down.close();
    }
    const db = await freshDb();
    await expect(db.rows('SELECT * FROM nowhere')).rejects.not.toBeInstanceOf(DatabaseUnavailableError);
  });
});

describe('exclusively', () => {
  it('runs the work of one name on one replica at a time, and other names freely', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = [openDatabase(url), openDatabase(url)];
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const waiting = async () =>
      (await a.row<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`))!.n === 1;
    try {
      const first = a.exclusively('order:1', async () => {
        log.push('a starts');
        await gate;
        log.push('a ends');
      });
      await until('a holding the lock', async () => log.length === 1);
      const second = b.exclusively('order:1', async () => log.push('b'));
      await until('b waiting for it', waiting);
      await b.exclusively('order:2', async () => log.push('other order'));
      release();
      await Promise.all([first, second]);
      expect(log).toEqual(['a starts', 'other order', 'a ends', 'b']);
      await expect(b.exclusively('order:1', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await a.exclusively('order:1', async () => 'free again')).toBe('free again');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('waits for a held name no longer than asked, runs nothing then, and gives every waiting connection back', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = [openDatabase(url), openDatabase(url)];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    try {
      const first = a.exclusively('order:1', async () => {
        held = true;
        await gate;
      });
      await until('a holding the lock', async () => held);
      const ran: number[] = [];
      // more than the pool's ten connections: each waiter's connection came back, or the last would wait for one
      for (let i = 0; i < 12; i++) {
        await expect(b.exclusively('order:1', async () => ran.push(i), { waitMs: 20 })).rejects.toBeInstanceOf(LockWaitExpiredError);
      }
      expect(ran).toEqual([]);
      release();
      await first;
      expect(await b.exclusively('order:1', async () => 'free again', { waitMs: 20 })).toBe('free again');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('listen and notify', () => {
  /** What a listener has heard: the payloads, null for a loss. */
  const counter = () => {
    const payloads: (string | null)[] = [];
    return { hear: (payload: string | null) => void payloads.push(payload), heard: () => payloads.length, payloads };
  };
  /** Waits until `heard` reaches n, then checks it did not pass it (a notice heard twice). */
  const heardTimes = async (heard: () => number, n: number) => {
    await until(`heard ${n} times`, async () => heard() >= n);
    expect(heard()).toBe(n);
  };

  it('tells every process listening on the channel, the notifier included, and no other channel', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = [openDatabase(url), openDatabase(url)];
    try {
      const [onA, onB, other] = [counter(), counter(), counter()];
      a.listen('pricing', onA.hear);
      b.listen('pricing', onB.hear);
      b.listen('elsewhere', other.hear);
      await listeningConnections(a, 3);
      await a.notify('pricing', 'from-a');
      await heardTimes(onA.heard, 1);
      await heardTimes(onB.heard, 1);
      expect([onA.payloads, onB.payloads]).toEqual([['from-a'], ['from-a']]);
      await b.notify('elsewhere'); // after the first on the same server: heard after it, if at all
      await heardTimes(other.heard, 1);
      expect([onA.heard(), onB.heard()]).toEqual([1, 1]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('listens again on a new connection when its own is lost, and counts that as heard: a notice may have gone by', async () => {
    const url = await freshDatabaseUrl();
    const errors: Error[] = [];
    const listening: string[] = [];
    const db = openDatabase(url, { onListenError: (err) => errors.push(err), onListening: (channel) => listening.push(channel) });
    try {
      const { hear, heard, payloads } = counter();
      db.listen('pricing', hear);
      await listeningConnections(db, 1);
      await until('told it listens', async () => listening.length === 1);
      const killed = await db.rows<{ killed: boolean }>(
        "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'",
      );
      expect(killed).toEqual([{ killed: true }]);
      await heardTimes(heard, 1);
      expect(errors.length).toBeGreaterThan(0); // the loss, reported
      expect(listening).toEqual(['pricing', 'pricing']); // and listening again
      await listeningConnections(db, 1);
      await db.notify('pricing', 'after');
      await heardTimes(heard, 2);
      expect(payloads).toEqual([null, 'after']);
    } finally {
      await db.close();
    }
  });

  it('reports a database it cannot reach and keeps trying; closed, it leaves no connection listening', async () => {
    const closed = await freePort();
    const errors: Error[] = [];
    const down = openDatabase(`postgres://postgres:x@127.0.0.1:${closed}/postgres`, { onListenError: (err) => errors.push(err) });
    down.listen('pricing', () => undefined);
    await until('a second attempt failing', async () => errors.length >= 2);
    await down.close();

    const url = await freshDatabaseUrl();
    const [db, watcher] = [openDatabase(url), openDatabase(url)];
    db.listen('pricing', () => undefined);
    await listeningConnections(watcher, 1);
    await db.close();
    await listeningConnections(watcher, 0);
    await watcher.close();
  });
});
