import net from 'node:net';
import { migrate, openDatabase } from '../../../platform/db';
import { DatabaseUnavailableError } from '../../../platform/errors';
import { freshDatabaseUrl, freshDb } from '../../databases';
import { until } from '../../e2e/harness';

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
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
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
});
