// Every client test talks to nock only; real sockets are allowed to 127.0.0.1 for the tests
// that need a real refused, reset or silent connection.
import nock from 'nock';

export function useNock(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(() => {
    nock.enableNetConnect();
  });
}
