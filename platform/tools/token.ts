// npm run token -- --role agent | --role customer --sub cus_... | --role store --store ST042 [--sub who] [--ttl seconds]
// Prints a token alone on stdout, signed with this configuration's JWT_SECRET, so that
// `curl -H "authorization: Bearer $(npm run -s token -- --role agent)"` works.
import { parseArgs } from 'node:util';
import { callerFromClaims, ROLES, type Role } from '../auth/caller';
import { signToken, tokenSettings } from '../auth/tokens';
import { ConfigError, loadConfig } from '../config';

const USAGE = `usage: npm run -s token -- --role <${ROLES.join('|')}> [--sub <subject>] [--store STxxx] [--ttl <seconds>]
  a customer needs --sub <customerId> (an id the graph gave, e.g. by findCustomers); store staff need --store <storeId>;
  --ttl defaults to 3600 seconds`;

async function main() {
  const { values } = options();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const role = values.role;
  if (!ROLES.includes(role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  if (role === 'customer' && !values.sub) throw new UsageError('a customer token needs --sub <customerId>');
  const caller = callerFromClaims({ role, sub: values.sub ?? `dev-${role}`, storeId: values.store });
  if (!caller) throw new UsageError('a store token needs --store <storeId> (ST followed by three digits)');
  const ttl = Number(values.ttl);
  if (!Number.isInteger(ttl) || ttl <= 0) throw new UsageError('--ttl is a whole number of seconds');
  const { env } = loadConfig();
  if (env.JWT_JWKS_URL) throw new UsageError('JWT_JWKS_URL is set: tokens come from that issuer, not from here');
  process.stdout.write(`${await signToken(caller, tokenSettings(env), ttl)}\n`);
}

class UsageError extends Error {}

function options() {
  try {
    return parseArgs({
      options: {
        role: { type: 'string' },
        sub: { type: 'string' },
        store: { type: 'string' },
        ttl: { type: 'string', default: '3600' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    // an unknown or malformed option: say so, without a stack trace
    throw new UsageError((err as Error).message);
  }
}

main().catch((err) => {
  console.error(err instanceof UsageError ? `${err.message}\n${USAGE}` : err instanceof ConfigError ? err.message : err);
  process.exit(err instanceof UsageError ? 2 : 1);
});
