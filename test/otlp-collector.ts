// A stand-in for an OpenTelemetry collector: accepts whatever is posted to it and keeps it, by path.
import http from 'node:http';
import { listenLocally, type LocalServer } from './adapters/servers';

export interface OtlpCollector extends LocalServer {
  received: { path: string; body: string }[];
}

export async function startOtlpCollector(): Promise<OtlpCollector> {
  const received: OtlpCollector['received'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return Object.assign(await listenLocally(server), { received });
}
