// Every client test talks to nock only; real sockets are allowed to 127.0.0.1 for the tests
// that need a real refused, reset or silent connection. nock patches Node's own http module,
// which outlives a test file in its jest worker: it is put back after each file, or the next
// file's servers (the gateway's fetches to its subgraphs) would go through a stale interceptor.
import nock from 'nock';

export function useNock(): void {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}
