import { startSimulators } from '../../legacy';
import type { SeedOptions } from '../../legacy/model';
import { readJson } from './sim-client';

// The real seed is tested on its own; here only how the simulators are started from it matters.
const mockGenerateWorld = jest.fn((_opts: SeedOptions) => ({ world: jest.requireActual('./fixture-world').fixtureWorld(), truth: [] }));
jest.mock('../../legacy/seed', () => ({ generateWorld: (opts: SeedOptions) => mockGenerateWorld(opts) }));

const seed: SeedOptions = { seed: 7, scale: 0.01, now: new Date('2026-11-20T00:00:00Z') };

describe('startSimulators', () => {
  it('generates the world once and starts the systems asked for on free ports', async () => {
    const sims = await startSimulators({ seed, only: ['pos', 'crm'] });
    try {
      expect(mockGenerateWorld).toHaveBeenCalledTimes(1);
      expect(mockGenerateWorld).toHaveBeenCalledWith(seed);
      expect(sims.eshop).toBeUndefined();
      expect(sims.loyalty).toBeUndefined();
      expect(sims.pos?.url).toBe(`http://127.0.0.1:${sims.pos?.port}`);
      expect(sims.pos?.port).not.toBe(sims.crm?.port);
      expect((await fetch(`${sims.pos?.url}/pos/stores`)).status).toBe(200);
      expect((await readJson(await fetch(`${sims.crm?.url}/__sim/dump`))).contacts).toHaveLength(3);
    } finally {
      await Promise.all(Object.values(sims).map((sim) => sim?.close()));
    }
  });

  it('rejects when a port is taken', async () => {
    const first = await startSimulators({ seed, only: ['eshop'] });
    const taken = first.eshop?.port;
    try {
      await expect(startSimulators({ seed, ports: { loyalty: 0, eshop: taken }, only: ['loyalty', 'eshop'] })).rejects.toThrow(
        /EADDRINUSE/,
      );
    } finally {
      await first.eshop?.close();
    }
  });
});
