import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { System } from '../../platform/errors';
import { controlRouter } from './control';
import { Faults } from './faults';
import { toRejection } from './rejection';
import { Stats } from './stats';
import type { SimSystem } from './types';

export interface SimHandle {
  system: System;
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** stops listening and cuts every open connection, hanging ones included */
  close(): Promise<void>;
}

export interface ListenOptions {
  /** 0 or undefined: a free port */
  port?: number;
  host?: string;
}

/** Serves one system's routes behind the common stats, faults and `/__sim` control API. */
export async function serveSimulator(system: System, sim: SimSystem, { port = 0, host = '127.0.0.1' }: ListenOptions): Promise<SimHandle> {
  const stats = new Stats(sim.calls !== undefined);
  const faults = new Faults();
  const businessSockets = new Set<Socket>();
  const gate = faults.gate(sim.fail);

  const app = express();
  app.disable('x-powered-by');
  app.use(
    '/__sim',
    controlRouter({
      sim,
      stats,
      faults,
      dropBusinessConnections: (keep) => {
        for (const socket of businessSockets) if (socket !== keep) socket.destroy();
      },
    }),
  );
  app.use((req, _res, next) => {
    const socket = req.socket;
    if (!businessSockets.has(socket)) {
      businessSockets.add(socket);
      socket.once('close', () => businessSockets.delete(socket));
    }
    next();
  });
  app.use(sim.parsers);
  for (const route of sim.routes) {
    // Counted before the faults: a benchmark sees every call that reached a failing system.
    const key = `${route.method.toUpperCase()} ${route.path.replaceAll('\\', '')}`;
    const count: RequestHandler = (req, _res, next) => {
      stats.hit(key, sim.calls?.(req.body));
      next();
    };
    const guard = route.open || !sim.guard ? [] : [sim.guard];
    app[route.method](route.path, count, gate, ...guard, route.handle);
  }
  // Unknown paths meet the same faults before express answers 404.
  app.use(gate);
  const onError: ErrorRequestHandler = (err, req, res, next) => {
    if (res.headersSent) return next(err);
    sim.fail(req, res, toRejection(err));
  };
  app.use(onError);

  const server = createServer(app);
  // Node's 5 s would close an idle connection as a client that paused longer (a test computing a
  // report between two dumps) sends on it again: that request meets a reset. Clients read the
  // Keep-Alive header and let the connection go a second before this.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    system,
    url: `http://${reachableHost}:${bound}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
