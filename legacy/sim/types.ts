import type { Request, RequestHandler, Response } from 'express';
import type { Rejection } from './rejection';

export interface SimRoute {
  method: 'get' | 'post';
  /** express route template; with its method it is the key of the route in the stats */
  path: string;
  handle: RequestHandler;
  /** served without the system's guard (the loyalty token endpoint) */
  open?: boolean;
}

/** What one legacy system brings to the shared simulator server: its rules, the rest is common. */
export interface SimSystem {
  parsers: RequestHandler[];
  /** authentication and rate limiting, run after the faults */
  guard?: RequestHandler;
  routes: SimRoute[];
  /** answers the way this system fails: thrown rejections, unreadable bodies, injected faults */
  fail(req: Request, res: Response, rejection: Rejection): void;
  /** names of the calls a request carries, for protocols that multiplex calls on one route */
  calls?(body: unknown): string[];
  /** every record the system holds, one array per kind */
  dump(): object;
  /** data back to its seed */
  reset(): void;
}
