// The identity index's first pass over the default seed's silos, made once per jest run
// (test/global-setup.ts) into a template database. A test stack on that seed starts on a copy of it
// (test/e2e/harness.ts testConfig): the database a stack holds once its own first pass has run,
// without every start spending two seconds writing the same few hundred people. Its first pass then
// reads only what the silos numbered since, as a restarted replica's does. A stack on other silos
// starts empty and indexes them itself.
import { startSimulators } from '../legacy';
import { loadConfig } from '../platform/config';
import { createLogger } from '../platform/logging';
import { identityIndexOf, Resources } from '../platform/tools/pieces';
import { freshDatabaseUrl } from './databases';

/**
 * What changes what the index writes: the silos' seed and where they are. A stack setting any of
 * these starts empty; a caller that names its database (stackDatabaseUrl, test/e2e/harness.ts)
 * and reaches the default seed's simulators by URL says so by passing none of them.
 */
const INDEX_INPUTS = /^(SIM_\w+|(ESHOP|CRM|LOYALTY)_URL|ESHOP_API_KEY|LOYALTY_CLIENT_\w+)$/;

/** Where the workers find the template's name: set before they start, unset outside jest. */
const TEMPLATE = 'TEST_INDEXED_TEMPLATE';

/** The template a stack of these settings (over the harness's) starts on, when it may. */
export const indexedTemplateFor = (env: Record<string, string | undefined>): string | undefined =>
  Object.keys(env).some((name) => INDEX_INPUTS.test(name)) ? undefined : process.env[TEMPLATE];

/** Makes the template, for the seed the harness's stacks run on, and names it to the workers. */
export async function makeIndexedTemplate(seed: Record<'SIM_SEED' | 'SIM_SCALE' | 'SIM_NOW', string>): Promise<void> {
  const url = await freshDatabaseUrl();
  const config = loadConfig({ ...seed, DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const { env } = config;
  const only = ['eshop', 'crm', 'loyalty'] as const;
  const sims = await startSimulators({ seed: { seed: env.SIM_SEED, scale: env.SIM_SCALE, now: new Date(env.SIM_NOW) }, only: [...only] });
  const legacyUrls = Object.fromEntries(only.map((system) => [system, sims[system]!.url]));
  const resources = new Resources({
    config,
    logger: createLogger('silent'),
    legacyUrls,
    simulated: null,
    // the index reads the silos only
    graph: { request: () => Promise.reject(new Error('no subgraph while the template is made')) },
  });
  try {
    await (await identityIndexOf(resources)).identityIndex.catchUp();
  } finally {
    await resources.close();
    await Promise.all(Object.values(sims).map((sim) => sim?.close()));
  }
  process.env[TEMPLATE] = new URL(url).pathname.slice(1);
}
