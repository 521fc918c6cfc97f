import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../../platform/config';
import { channelConflicts, channelsFor, loadPolicy, parsePolicy } from '../../../domain/pricing/policy';
import { policy, promotion } from './builders';

const valid = {
  version: 3,
  priceMaster: 'eshop',
  defaultChannels: ['WEB', 'STORE', 'CALL_CENTER'],
  legacyChannelFlags: 'report',
  exceptions: [{ match: { id: 'pos:*:P-3' }, channels: ['STORE'], reason: 'store stock' }],
};

describe('loadPolicy', () => {
  it('reads the shipped policy: every channel by default, DUO15 kept from the stores', () => {
    const shipped = loadPolicy();
    expect(shipped).toMatchObject({ priceMaster: 'eshop', defaultChannels: ['WEB', 'STORE', 'CALL_CENTER'], legacyChannelFlags: 'report' });
    expect(channelsFor(promotion('eshop:DUO15', { code: 'DUO15' }), shipped)).toEqual(['WEB', 'CALL_CENTER']);
    expect(channelsFor(promotion('eshop:WELCOME10', { code: 'WELCOME10' }), shipped)).toEqual(['WEB', 'STORE', 'CALL_CENTER']);
  });

  it('reads a YAML file given by path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    const path = join(dir, 'p.yaml');
    writeFileSync(path, 'version: 2\npriceMaster: eshop\ndefaultChannels: [WEB]\nlegacyChannelFlags: report\n');
    try {
      expect(loadPolicy(path)).toEqual({
        version: 2,
        priceMaster: 'eshop',
        defaultChannels: ['WEB'],
        legacyChannelFlags: 'report',
        exceptions: [],
      });
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('parsePolicy', () => {
  it('accepts a complete policy', () => {
    expect(parsePolicy(valid).exceptions).toHaveLength(1);
  });

  it.each([
    ['an unknown price master', { priceMaster: 'erp' }, 'priceMaster'],
    ['obeying legacy flags', { legacyChannelFlags: 'obey' }, 'legacyChannelFlags'],
    ['an unknown channel', { defaultChannels: ['WEB', 'KIOSK'] }, 'defaultChannels.1'],
    ['no default channel', { defaultChannels: [] }, 'defaultChannels'],
    ['a channel twice', { defaultChannels: ['WEB', 'WEB'] }, 'defaultChannels'],
    ['a version that is not a whole number', { version: '1.2' }, 'version'],
    ['an exception matching nothing named', { exceptions: [{ match: {}, channels: ['WEB'], reason: 'x' }] }, 'exceptions.0.match'],
    ['an exception without a reason', { exceptions: [{ match: { code: 'X' }, channels: ['WEB'], reason: ' ' }] }, 'exceptions.0.reason'],
    ['a misspelt key', { exceptions: [{ match: { cod: 'X' }, channels: ['WEB'], reason: 'x' }] }, 'exceptions.0.match'],
  ])('refuses %s, naming the setting', (_, change, setting) => {
    expect(() => parsePolicy({ ...valid, ...change })).toThrow(ConfigError);
    expect(() => parsePolicy({ ...valid, ...change })).toThrow(new RegExp(`${setting.replaceAll('.', '\\.')}[^;]*:`));
  });
});

describe('channelsFor', () => {
  const restricted = policy([
    { match: { id: 'pos:*:P-3' }, channels: ['STORE'], reason: 'store stock' },
    { match: { source: 'loyalty', code: 'gold5' }, channels: ['WEB'], reason: 'web launch' },
    { match: { source: 'loyalty' }, channels: ['STORE', 'CALL_CENTER'], reason: 'second rule' },
  ]);

  it('gives the default channels to a promotion no exception names', () => {
    expect(channelsFor(promotion('eshop:WELCOME10'), restricted)).toEqual(['WEB', 'STORE', 'CALL_CENTER']);
  });

  it('matches ids with * standing for any text, and nothing else', () => {
    expect(channelsFor(promotion('pos:ST042:P-3', { source: 'pos' }), restricted)).toEqual(['STORE']);
    expect(channelsFor(promotion('pos:ST042:P-33', { source: 'pos' }), restricted)).toEqual(['WEB', 'STORE', 'CALL_CENTER']);
    expect(channelsFor(promotion('pos:ST042xP-3', { source: 'pos' }), restricted)).toEqual(['WEB', 'STORE', 'CALL_CENTER']);
  });

  it('needs every key of the match, codes compared in any case; the first match decides', () => {
    expect(channelsFor(promotion('loyalty:OF-1', { source: 'loyalty', code: ' GOLD5' }), restricted)).toEqual(['WEB']);
    expect(channelsFor(promotion('eshop:GOLD5', { source: 'eshop', code: 'GOLD5' }), restricted)).toEqual(['WEB', 'STORE', 'CALL_CENTER']);
    expect(channelsFor(promotion('loyalty:OF-2', { source: 'loyalty' }), restricted)).toEqual(['STORE', 'CALL_CENTER']);
  });
});

describe('channelConflicts', () => {
  it('lists the promotions whose legacy flags disagree with the policy, in any order of flags', () => {
    const restricted = policy([{ match: { id: 'loyalty:OF-3' }, channels: ['WEB'], reason: 'web only' }]);
    const everywhere = promotion('loyalty:OF-1', { legacyChannels: ['STORE', 'WEB', 'CALL_CENTER'] });
    const webOnlyFlag = promotion('loyalty:OF-2', { legacyChannels: ['WEB'] });
    const agreeing = promotion('loyalty:OF-3', { legacyChannels: ['WEB'] });
    const unflagged = promotion('eshop:X');
    expect(channelConflicts([everywhere, webOnlyFlag, agreeing, unflagged], restricted)).toEqual([
      { promotion: webOnlyFlag, legacyChannels: ['WEB'], policyChannels: ['WEB', 'STORE', 'CALL_CENTER'] },
    ]);
  });
});
