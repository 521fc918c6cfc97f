import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

describe('generated types', () => {
  // the web pages' operations included: one that no longer matches schema/api.graphql fails codegen here
  it("are what codegen makes of schema/ and the web pages' operations today (run `npm run codegen` when this fails)", () => {
    const root = join(__dirname, '..', '..');
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', 'codegen.yml', '--check'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.stdout + run.stderr).not.toMatch(/stale files/);
    expect(run.status).toBe(0);
  }, 60_000);
});
