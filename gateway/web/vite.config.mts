// The web pages the gateway serves (gateway/server.ts): one Vite multi-page build, each page an
// index.html of its own folder, built into dist/ (not committed) by platform/tools/web.ts.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  // React 17+'s JSX runtime, with no Babel plugin: Vite's own transformer does it
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: { input: { console: 'console/index.html', ropo: 'ropo/index.html' } },
  },
});
