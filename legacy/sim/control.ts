import type { Socket } from 'node:net';
import express, { Router } from 'express';
import { faultSettings, type Faults } from './faults';
import type { Stats } from './stats';
import type { SimSystem } from './types';

export interface ControlDeps {
  sim: SimSystem;
  stats: Stats;
  faults: Faults;
  /** destroys every connection that carried business requests, except `keep` */
  dropBusinessConnections(keep: Socket): void;
}

/** `/__sim`: never counted, never faulted, so tests can always steer the simulator. */
export function controlRouter({ sim, stats, faults, dropBusinessConnections }: ControlDeps): Router {
  const router = Router();
  router.use(express.json());

  router.get('/stats', (_req, res) => {
    res.json(stats.snapshot());
  });

  router.post('/reset', (_req, res) => {
    sim.reset();
    stats.reset();
    res.status(204).end();
  });

  router.get('/faults', (_req, res) => {
    res.json(faults.current);
  });

  router.post('/faults', (req, res) => {
    const parsed = faultSettings.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({ error: { code: 'bad_request', message: parsed.error.message } });
      return;
    }
    faults.set(parsed.data);
    if (parsed.data.down) dropBusinessConnections(req.socket);
    res.json(faults.current);
  });

  router.get('/dump', (_req, res) => {
    res.json(sim.dump());
  });

  return router;
}
