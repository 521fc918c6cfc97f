import { setTimeout as sleep } from 'node:timers/promises';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { internalError } from './rejection';
import type { SimSystem } from './types';

export const faultSettings = z
  .object({
    latency_ms: z.number().min(0),
    jitter_ms: z.number().min(0),
    error_rate: z.number().min(0).max(1),
    down: z.boolean(),
    hang: z.boolean(),
    /** only the requests whose path and query start with this (one store's stock, `/pos/prices?store=ST004`) meet the faults */
    path: z.string().startsWith('/'),
  })
  .partial()
  .strict();
export type FaultSettings = z.infer<typeof faultSettings>;

/** The faults a test or a benchmark injects into one simulator's business requests. */
export class Faults {
  private settings: FaultSettings = {};
  /** requests held by `hang`, each ready to go through the gate again */
  private readonly parked = new Set<() => void>();

  get current(): FaultSettings {
    return this.settings;
  }

  /** Replaces the settings; the requests `hang` held meet the new ones. */
  set(settings: FaultSettings): void {
    this.settings = settings;
    const held = [...this.parked];
    this.parked.clear();
    for (const retry of held) retry();
  }

  /** Runs before the request has any effect, so an injected failure changes nothing. */
  gate(fail: SimSystem['fail']): RequestHandler {
    const admit = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const { down, hang, latency_ms = 0, jitter_ms = 0, error_rate = 0, path } = this.settings;
      if (path && !req.originalUrl.startsWith(path)) {
        next();
        return;
      }
      if (down) {
        req.socket.destroy();
        return;
      }
      if (hang) {
        const retry = () => void admit(req, res, next);
        this.parked.add(retry);
        res.once('close', () => this.parked.delete(retry));
        return;
      }
      const delay = latency_ms + Math.random() * jitter_ms;
      // not a reason to keep a process alive: its server may be closing
      if (delay > 0) await sleep(delay, undefined, { ref: false });
      if (Math.random() < error_rate) fail(req, res, internalError('injected fault'));
      else next();
    };
    return admit;
  }
}
