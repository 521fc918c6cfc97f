// What the simulator tests share: loosely typed JSON bodies and the /__sim control API.
import type { SimHandle } from '../../legacy';

/** The assertions check the bodies; the compiler need not. */
export const readJson = (res: Response): Promise<any> => res.json();

/** GET /__sim/{stats,dump,faults}, or POST when a body is given (and always for reset). */
export async function control(sim: SimHandle, action: 'stats' | 'dump' | 'faults' | 'reset', body?: unknown): Promise<any> {
  const post = body !== undefined || action === 'reset';
  const res = await fetch(
    `${sim.url}/__sim/${action}`,
    post ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) } : {},
  );
  return res.status === 204 ? undefined : res.json();
}
