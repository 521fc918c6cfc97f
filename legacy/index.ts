// Starts the simulated legacy systems: one HTTP server per system, each on its own port.
import { SYSTEMS, type System } from '../platform/errors';
import { crmSimulator } from './crm';
import { eshopSimulator } from './eshop';
import { loyaltySimulator } from './loyalty';
import type { SeedOptions, World } from './model';
import { posSimulator } from './pos';
import { generateWorld } from './seed';
import { serveSimulator, type SimHandle } from './sim/server';
import type { SimSystem } from './sim/types';

export type { SimHandle } from './sim/server';
export type { SimStats } from './sim/stats';
export type { FaultSettings } from './sim/faults';

export interface SimCredentials {
  /** e-shop X-Api-Key, default sim-eshop-key */
  eshopApiKey?: string;
  /** loyalty client credentials, default omnigraph / sim-loyalty-secret */
  loyaltyClientId?: string;
  loyaltyClientSecret?: string;
}

export interface SimulatorOptions {
  world: World;
  /** 0 or undefined: a free port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  credentials?: SimCredentials;
  /** lifetime of loyalty access tokens, default 300 */
  tokenTtlS?: number;
}

function simulatorOf(system: System, { world, credentials = {}, tokenTtlS }: SimulatorOptions): SimSystem {
  switch (system) {
    case 'pos':
      return posSimulator(world.pos);
    case 'eshop':
      return eshopSimulator(world.eshop, { apiKey: credentials.eshopApiKey });
    case 'crm':
      return crmSimulator(world.crm);
    case 'loyalty':
      return loyaltySimulator(world.loyalty, {
        clientId: credentials.loyaltyClientId,
        clientSecret: credentials.loyaltyClientSecret,
        tokenTtlS,
      });
  }
}

/** Serves one system's part of the world; the world itself is never modified. */
export function startSimulator(system: System, options: SimulatorOptions): Promise<SimHandle> {
  return serveSimulator(system, simulatorOf(system, options), options);
}

export interface SimulatorsOptions extends Omit<SimulatorOptions, 'world' | 'port'> {
  seed: SeedOptions;
  /** the world of that seed, when the caller generated it already */
  world?: World;
  ports?: Partial<Record<System, number>>;
  /** default: all four */
  only?: System[];
}

/** Generates the world once and starts the systems asked for; on a failure, closes those started. */
export async function startSimulators({
  seed,
  ports = {},
  only = [...SYSTEMS],
  world = generateWorld(seed).world,
  ...options
}: SimulatorsOptions): Promise<Record<System, SimHandle | undefined>> {
  const handles: Record<System, SimHandle | undefined> = { pos: undefined, eshop: undefined, crm: undefined, loyalty: undefined };
  try {
    for (const system of only) handles[system] = await startSimulator(system, { ...options, world, port: ports[system] });
  } catch (err) {
    await Promise.all(Object.values(handles).map((handle) => handle?.close()));
    throw err;
  }
  return handles;
}
