// The project's one database (PostgreSQL): customer links, goodwill vouchers, the order sagas, the
// ROPO ledger. Each store keeps its tables here and applies its own migrations under its own name.
import pg from 'pg';
import { DatabaseUnavailableError, LockWaitExpiredError } from '../errors';

/** Positional values ($1, $2...) or named ones (@name), which are rewritten to positions. */
export type Values = readonly unknown[] | object;

/** What a store runs SQL through: the pool, or one transaction's connection. */
export interface Sql {
  rows<T>(text: string, values?: Values): Promise<T[]>;
  row<T>(text: string, values?: Values): Promise<T | undefined>;
  /** answers the number of rows the statement touched */
  run(text: string, values?: Values): Promise<number>;
}

type Queryable = Pick<pg.Pool, 'query'>;

// A statement the server refused is a bug; anything else (refused connection, server gone, a
// connection timing out) is the database being unavailable.
const SERVER_DOWN_STATES = /^(08|57P0)/;
function unavailableOrBug(err: unknown): unknown {
  if (err instanceof pg.DatabaseError && !SERVER_DOWN_STATES.test(err.code ?? '')) return err;
  return new DatabaseUnavailableError(err instanceof Error ? err.message : String(err));
}

const UNIQUE_VIOLATION = '23505';

/** A statement refused because a row it wrote would break the unique constraint (or index) `name`. */
export function violates(err: unknown, name: string): boolean {
  return err instanceof pg.DatabaseError && err.code === UNIQUE_VIOLATION && err.constraint === name;
}

function positional(text: string, values: Values | undefined): [string, unknown[] | undefined] {
  if (values === undefined || Array.isArray(values)) return [text, values as unknown[] | undefined];
  const named = values as Record<string, unknown>;
  const order: string[] = [];
  const rewritten = text.replace(/@(\w+)/g, (_, name: string) => {
    if (!(name in named)) throw new Error(`No value for @${name}`);
    const at = order.indexOf(name);
    return `$${(at < 0 ? order.push(name) : at + 1).toString()}`;
  });
  return [rewritten, order.map((name) => named[name])];
}

function sqlOver(target: Queryable, trace?: (sql: string) => void): Sql {
  const query = async (text: string, values?: Values) => {
    const [sql, positions] = positional(text, values);
    trace?.(sql);
    try {
      return await target.query(sql, positions);
    } catch (err) {
      throw unavailableOrBug(err);
    }
  };
  return {
    rows: async <T>(text: string, values?: Values) => (await query(text, values)).rows as T[],
    row: async <T>(text: string, values?: Values) => (await query(text, values)).rows[0] as T | undefined,
    run: async (text, values) => (await query(text, values)).rowCount ?? 0,
  };
}

export interface OpenOptions {
  /** receives every SQL statement run (its values as $1, $2...): for diagnostics */
  trace?: (sql: string) => void;
  /** a connection of the pool failing while idle (the server went away): the next query reports it */
  onIdleError?: (err: Error) => void;
  /** a listener's connection lost or not opened (it is tried again), or its `heard` failing */
  onListenError?: (err: Error, channel: string, during: 'connection' | 'heard') => void;
  /** a listener listening on `channel`, at first or again after a failure */
  onListening?: (channel: string) => void;
}

export class Db implements Sql {
  readonly rows: Sql['rows'];
  readonly row: Sql['row'];
  readonly run: Sql['run'];

  /** how to stop each listener (listen()) */
  private readonly listeners = new Set<() => Promise<void>>();

  constructor(
    private readonly pool: pg.Pool,
    /** connections that hold a lock while the work under it uses the pool: never waiting on each other */
    private readonly lockPool: pg.Pool,
    /** opens a connection of its own (a listener's) */
    private readonly connection: () => pg.Client,
    private readonly options: Pick<OpenOptions, 'trace' | 'onListenError' | 'onListening'>,
  ) {
    ({ rows: this.rows, row: this.row, run: this.run } = sqlOver(pool, options.trace));
  }

  /** Tells every process listening on `channel` of this database, this one included (listen()), `payload` with it. */
  async notify(channel: string, payload = ''): Promise<void> {
    await this.run('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  /**
   * Calls `heard` with the payload each time a process notifies `channel`, on a connection held for
   * it. When that connection is lost (or cannot be opened), another is tried after RELISTEN_MS, and
   * `heard` is called once it listens, with null: a notice may have gone by meanwhile. Never throws: a database down only
   * delays the listening, and each failure goes to `onListenError`.
   */
  listen(channel: string, heard: (payload: string | null) => void): void {
    const failed = (err: unknown, during: 'connection' | 'heard') =>
      this.options.onListenError?.(err instanceof Error ? err : new Error(String(err)), channel, during);
    const hear = (payload: string | null) => {
      try {
        heard(payload);
      } catch (err) {
        failed(err, 'heard');
      }
    };
    let current: pg.Client | null = null; // listening, or being opened
    let retry: NodeJS.Timeout | undefined;
    let stopped = false;
    const open = async (afterLoss: boolean) => {
      retry = undefined;
      const connection = this.connection();
      current = connection;
      const lost = (err: unknown) => {
        if (current !== connection) return; // a connection let go of already (stopped, or replaced)
        current = null; // its events from now on are ignored above
        void connection.end().catch(() => undefined);
        failed(err, 'connection');
        if (!stopped) retry = setTimeout(() => void open(true), RELISTEN_MS);
      };
      connection.on('error', lost);
      connection.on('end', () => lost(new Error(`the connection listening on ${channel} ended`)));
      connection.on('notification', (notice) => notice.channel === channel && hear(notice.payload ?? ''));
      try {
        await connection.connect();
        await connection.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      } catch (err) {
        return lost(err);
      }
      if (current !== connection) return;
      this.options.onListening?.(channel);
      if (afterLoss) hear(null);
    };
    void open(false);
    this.listeners.add(async () => {
      stopped = true;
      clearTimeout(retry);
      const connection = current;
      current = null;
      await connection?.end().catch(() => undefined);
    });
  }

  /** Runs `work` in one transaction on one connection: committed if it settles, rolled back if it throws. */
  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect().catch((err: unknown) => {
      throw unavailableOrBug(err);
    });
    // the server going away between two statements: the next one fails and says so
    const ignore = () => undefined;
    client.on('error', ignore);
    const tx = sqlOver(client, this.options.trace);
    try {
      await tx.run('BEGIN');
      const result = await work(tx);
      await tx.run('COMMIT');
      client.off('error', ignore).release();
      return result;
    } catch (err) {
      // a connection that cannot even roll back is not given back to the pool
      await client.query('ROLLBACK').then(
        () => client.off('error', ignore).release(),
        (rollbackErr: Error) => client.off('error', ignore).release(rollbackErr),
      );
      throw err;
    }
  }

  /**
   * Runs `work` while holding the lock named `name`, across every process on this database: a
   * second caller with the name waits for the first to end, for `waitMs` at most (then
   * LockWaitExpiredError, `work` not run), unbounded without (or with 0, as lock_timeout reads it).
   * The lock is the session's, held on a connection of its own: a process that dies loses its
   * connection, and the lock with it.
   */
  async exclusively<T>(name: string, work: () => Promise<T>, { waitMs }: { waitMs?: number } = {}): Promise<T> {
    const client = await this.lockPool.connect().catch((err: unknown) => {
      throw unavailableOrBug(err);
    });
    const ignore = () => undefined;
    client.on('error', ignore);
    const lock = sqlOver(client, this.options.trace);
    let healthy = false;
    try {
      // the connection's own setting, set by each holder (0: no bound): waiters give their
      // connection back in time, so that one busy name cannot hold every connection of the pool
      await lock.run(`SELECT set_config('lock_timeout', $1, false)`, [String(waitMs ?? 0)]);
      // a wait that ran out may still have been granted the lock at that very moment: the
      // connection is then closed (below, not healthy), which frees it either way
      await lock.run('SELECT pg_advisory_lock(hashtextextended($1, 0))', [name]).catch((err: unknown) => {
        throw err instanceof pg.DatabaseError && err.code === LOCK_NOT_AVAILABLE ? new LockWaitExpiredError(name) : err;
      });
      try {
        return await work();
      } finally {
        // the work is done whatever the unlock says: a connection that cannot unlock is closed below,
        // which releases the lock, and its failure must not pass a done mutation off as a failed one
        healthy = await lock.run('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [name]).then(
          () => true,
          () => false,
        );
      }
    } finally {
      // a connection that could not unlock still holds the lock: closed, not given back
      client.off('error', ignore).release(healthy ? undefined : true);
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.lockPool.end(), ...[...this.listeners].map((stop) => stop())]);
  }
}

/** what PostgreSQL answers a lock wait that outlasted lock_timeout */
const LOCK_NOT_AVAILABLE = '55P03';

/** A server that accepts no connection in this time is reported unavailable instead of holding the request. */
const CONNECT_TIMEOUT_MS = 5000;
/** a listener's connection lost: how long before another is tried */
const RELISTEN_MS = 1000;

// The pool's own connectionTimeoutMillis would also bound the wait for a free connection, which a
// burst of writes (an ingestion) may well exceed: the bound is put on connecting alone.
class BoundedClient extends pg.Client {
  constructor(config: pg.ClientConfig = {}) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

export function openDatabase(url: string, { trace, onIdleError, onListenError, onListening }: OpenOptions = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10, Client: BoundedClient });
  const lockPool = new pg.Pool({ connectionString: url, max: 10, Client: BoundedClient });
  for (const p of [pool, lockPool]) p.on('error', (err) => onIdleError?.(err));
  // a listener only waits: keep-alive probes find a connection the network dropped without a word
  const listener = () => new BoundedClient({ connectionString: url, keepAlive: true, query_timeout: CONNECT_TIMEOUT_MS });
  return new Db(pool, lockPool, listener, { trace, onListenError, onListening });
}

/** One versioned step: SQL, or a function where data must be rewritten by rules that SQL cannot state. */
export type Migration = string | ((tx: Sql) => Promise<void>);

// Every replica applies the migrations at start; the lock makes the one that comes second wait,
// then find them applied.
const MIGRATION_LOCK = 0x6f6d6e69; // 'omni'

/** Applies a store's migrations that have not run yet, in one transaction: append, never edit. */
export function migrate(db: Db, store: string, migrations: readonly Migration[]): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.run('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (store TEXT PRIMARY KEY, version INTEGER NOT NULL)');
    const version = (await tx.row<{ version: number }>('SELECT version FROM schema_migrations WHERE store = $1', [store]))?.version ?? 0;
    for (const [i, step] of migrations.slice(version).entries()) {
      if (typeof step === 'string') await tx.run(step);
      else await step(tx);
      await tx.run(
        'INSERT INTO schema_migrations (store, version) VALUES ($1, $2) ON CONFLICT (store) DO UPDATE SET version = excluded.version',
        [store, version + i + 1],
      );
    }
  });
}
