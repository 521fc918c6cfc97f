// Once per jest run: the web pages built (unless already built from these sources) for the browser
// tests, whichever workers run them, and the database server every test stack uses.
import { buildWebPages } from '../platform/tools/web';
import { setup as startDatabaseServer } from './database-server';

export default async function setup(): Promise<void> {
  buildWebPages();
  await startDatabaseServer();
}
