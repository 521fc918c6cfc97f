import { TokenCache, type IssuedToken } from '../../../adapters/loyalty/token-cache';
import { FakeClock } from '../fake-clock';

function issuer(expiresInS = 300) {
  let issued = 0;
  const issue = jest.fn(async (): Promise<IssuedToken> => ({ accessToken: `token-${++issued}`, expiresInS }));
  return issue;
}

describe('TokenCache', () => {
  it('shares one token request between concurrent callers', async () => {
    const issue = issuer();
    const tokens = new TokenCache(issue, new FakeClock());
    const got = await Promise.all([tokens.get(), tokens.get(), tokens.get()]);
    expect(got).toEqual(['token-1', 'token-1', 'token-1']);
    expect(issue).toHaveBeenCalledTimes(1);
  });

  it('renews 30 s before the token expires', async () => {
    const clock = new FakeClock();
    const issue = issuer(300);
    const tokens = new TokenCache(issue, clock);
    await tokens.get();
    clock.time = 269_000;
    expect(await tokens.get()).toBe('token-1');
    clock.time = 270_000;
    expect(await tokens.get()).toBe('token-2');
    expect(issue).toHaveBeenCalledTimes(2);
  });

  it('uses a very short-lived token for half its life', async () => {
    const clock = new FakeClock();
    const tokens = new TokenCache(issuer(20), clock);
    await tokens.get();
    clock.time = 9_999;
    expect(await tokens.get()).toBe('token-1');
    clock.time = 10_000;
    expect(await tokens.get()).toBe('token-2');
  });

  it('forgets a refused token, but not one that already replaced it', async () => {
    const tokens = new TokenCache(issuer(), new FakeClock());
    const first = await tokens.get();
    tokens.invalidate(first);
    expect(await tokens.get()).toBe('token-2');
    tokens.invalidate(first);
    expect(await tokens.get()).toBe('token-2');
  });

  it('tries again after a failed token request', async () => {
    const issue = jest
      .fn<Promise<IssuedToken>, []>()
      .mockRejectedValueOnce(new Error('down'))
      .mockResolvedValueOnce({ accessToken: 'token-ok', expiresInS: 300 });
    const tokens = new TokenCache(issue, new FakeClock());
    await expect(tokens.get()).rejects.toThrow('down');
    expect(await tokens.get()).toBe('token-ok');
  });
});
