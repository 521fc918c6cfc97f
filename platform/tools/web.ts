// The web pages the gateway serves (gateway/web): built by Vite into gateway/web/dist when the
// build is missing or older than its sources, so that `npm start` and the browser tests always
// serve what the sources say, and build only once for as long as nothing changed.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { WEB_DIST, WEB_DIR, WEB_PAGES } from '../../gateway/web-pages';

const ROOT = join(WEB_DIR, '..', '..');
/** where the build records the sources it was made from (a dotfile: the gateway does not serve it) */
const STAMP = join(WEB_DIST, '.sources');
/** besides gateway/web, what the bundle depends on */
const ALSO = [join(ROOT, 'package-lock.json')];
const SKIPPED = new Set([WEB_DIST, join(WEB_DIR, 'screenshots')]);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (SKIPPED.has(path)) return [];
    return e.isDirectory() ? files(path) : [path];
  });
}

/** A digest of every source of the build: its content, not its dates (a checkout or a copy changes dates). */
function sourcesDigest(): string {
  const hash = createHash('sha256');
  for (const path of [...files(WEB_DIR).sort(), ...ALSO]) hash.update(`${relative(ROOT, path)}\0`).update(readFileSync(path));
  return hash.digest('hex');
}

/** Builds the pages unless the build there was made from these very sources. Returns whether it built. */
export function buildWebPages(log: (line: string) => void = () => undefined): boolean {
  const digest = sourcesDigest();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest) return false;
  log('building the web pages (gateway/web) with Vite…');
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  // a production bundle whatever NODE_ENV the caller runs with (jest sets `test`, which would bundle React's development build)
  const run = spawnSync(process.execPath, [vite, 'build', WEB_DIR, '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.status !== 0) throw new Error(`the web pages did not build:\n${run.stdout}${run.stderr}`);
  writeFileSync(STAMP, digest);
  return true;
}

/** What a browser downloads to open each page (its HTML and every asset it names), gzipped as a server would send it. */
export function pageSizes(): { page: string; bytes: number; gzipBytes: number }[] {
  return WEB_PAGES.map((page) => {
    const html = readFileSync(join(WEB_DIST, page, 'index.html'));
    const assets = [...html.toString().matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => readFileSync(join(WEB_DIST, m[1])));
    const files = [html, ...assets];
    return {
      page,
      bytes: files.reduce((sum, f) => sum + f.length, 0),
      gzipBytes: files.reduce((sum, f) => sum + gzipSync(f).length, 0),
    };
  });
}

// npm run build:web: builds when needed, then prints each page's weight
if (require.main === module) {
  buildWebPages(console.log);
  console.log(`web pages up to date in ${relative(process.cwd(), WEB_DIST)}`);
  for (const { page, bytes, gzipBytes } of pageSizes()) {
    console.log(`  /${page}/  ${(bytes / 1024).toFixed(1)} KiB, ${(gzipBytes / 1024).toFixed(1)} KiB gzipped`);
  }
}
