// The web pages (gateway/web, built into gateway/web/dist by platform/tools/web.ts), served by the
// gateway beside /graphql: /console/ and /ropo/ and their assets. Nothing is served when they were
// not built, and the rest of the gateway does not depend on them.
import { join } from 'node:path';
import express from 'express';

export const WEB_DIR = join(__dirname, 'web');
export const WEB_DIST = join(WEB_DIR, 'dist');
/** the pages, by the path the gateway serves them under */
export const WEB_PAGES = ['console', 'ropo'] as const;

export function webPages(app: express.Express): void {
  // static files only (GET and HEAD): anything else, /graphql included, goes on to its own route
  app.use(express.static(WEB_DIST, { index: 'index.html', redirect: true, dotfiles: 'ignore', fallthrough: true }));
}
