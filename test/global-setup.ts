// Once per jest run: the web pages built (unless already built from these sources) for the browser
// tests, whichever workers run them, the database server every test stack uses, and the identity
// index's first pass that the stacks on the default seed start from (./indexed-template.ts).
import { buildWebPages } from '../platform/tools/web';
import { setup as startDatabaseServer } from './database-server';
import { SEED } from './e2e/harness';
import { makeIndexedTemplate } from './indexed-template';

export default async function setup(): Promise<void> {
  buildWebPages();
  await startDatabaseServer();
  await makeIndexedTemplate(SEED);
}
