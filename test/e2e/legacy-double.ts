// A legacy system that behaves differently from the simulators: a proxy in front of one that passes
// every request through, and rewrites the JSON answers of the routes the test picks (a field
// missing, of the wrong type...), as a real system might send them.
import http from 'node:http';
import { listenLocally, type LocalServer } from '../adapters/servers';

/** How to rewrite the answer to a request, or undefined to pass it on as it is. */
export type Rewrite = (method: string, path: string) => ((answer: any) => unknown) | undefined;

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

export async function startLegacyDouble(target: string, rewrite: Rewrite): Promise<LocalServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const method = req.method ?? 'GET';
        const headers = Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)) as [string, string][];
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const answer = await fetch(`${target}${req.url}`, { method, headers, body });
        const text = await answer.text();
        const change = answer.ok ? rewrite(method, new URL(req.url ?? '/', target).pathname) : undefined;
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(change ? JSON.stringify(change(JSON.parse(text))) : text);
      })().catch(() => res.destroy());
    });
  });
  return listenLocally(server);
}
