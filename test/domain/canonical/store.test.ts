import { eshopCodeToStoreId, isStoreId, storeIdToEshopCode } from '../../../domain/canonical/store';

describe('store ids', () => {
  it('converts between the POS and e-shop forms', () => {
    expect(storeIdToEshopCode('ST042')).toBe('042');
    expect(eshopCodeToStoreId('042')).toBe('ST042');
    expect(eshopCodeToStoreId(storeIdToEshopCode('ST007'))).toBe('ST007');
  });

  it.each(['ST42', 'ST0420', 'st042', '042', 'ST04A', ''])('%j is not a store id', (id) => {
    expect(isStoreId(id)).toBe(false);
    expect(() => storeIdToEshopCode(id)).toThrow(RangeError);
  });

  it('accepts a store id', () => {
    expect(isStoreId('ST042')).toBe(true);
  });

  it.each(['42', 'ST042', '0042', 'abc'])('%j is not an e-shop store code', (code) => {
    expect(() => eshopCodeToStoreId(code)).toThrow(RangeError);
  });
});
