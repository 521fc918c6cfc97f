import { departementOf, nearestFirst, nearestThatQualify, zipDistance } from '../../../domain/reference/store-nearness';

const store = (id: string, zip: string) => ({ id, address: { street: '1 rue', zip, city: 'x' } });
// the seeded directory's stores
const STORES = [
  store('ST001', '75001'),
  store('ST004', '92100'),
  store('ST007', '69003'),
  store('ST012', '13001'),
  store('ST015', '59000'),
  store('ST019', '33000'),
  store('ST023', '31000'),
  store('ST028', '44800'),
  store('ST031', '67000'),
  store('ST036', '34000'),
  store('ST042', '92800'),
  store('ST047', '35000'),
];
const ids = (stores: { id: string }[]) => stores.map((s) => s.id);

describe('nearestFirst', () => {
  it('puts the same region before any other (Paris: the Hauts-de-Seine stores first), then the nearest zip number', () => {
    expect(ids(nearestFirst(STORES[0], STORES))).toEqual([
      'ST004', // 92100, Île-de-France
      'ST042', // 92800, Île-de-France
      'ST007', // 69003: 5998 apart
      'ST031', // 67000: 8001
      'ST015', // 59000: 16001
      'ST028', // 44800: 30201
      'ST047', // 35000: 40001
      'ST036', // 34000: 41001
      'ST019', // 33000: 42001
      'ST023', // 31000: 44001
      'ST012', // 13001: 62000
    ]);
  });

  it('puts the same département before the rest of the region, and never the store itself', () => {
    expect(ids(nearestFirst(STORES[1], STORES)).slice(0, 2)).toEqual(['ST042', 'ST001']);
    expect(ids(nearestFirst(STORES[1], STORES))).not.toContain('ST004');
  });

  it('orders stores as far as each other by id, and a store with an unreadable zip last', () => {
    const origin = store('ST100', '33000');
    expect(ids(nearestFirst(origin, [store('ST102', '34000'), store('ST099', 'n/a'), store('ST101', '32000'), origin]))).toEqual([
      'ST101', // Occitanie, 1000 apart
      'ST102', // Occitanie, 1000 apart
      'ST099',
    ]);
  });
});

describe('zipDistance', () => {
  it('reads three digits of département overseas, and both Corsicas as one', () => {
    expect(departementOf('97400')).toBe('974');
    expect(zipDistance('97400', '97100')).toEqual([1, 1, 300]);
    expect(zipDistance('20000', '20200')).toEqual([0, 0, 200]);
    expect(zipDistance('69003', '38000')).toEqual([1, 0, 31003]);
  });
});

describe('nearestThatQualify', () => {
  const walk = async (levels: (number | Error)[], size: number) => {
    const chunks: number[][] = [];
    const answer = await nearestThatQualify(
      levels.map((_, i) => i),
      size,
      async (stores) => {
        chunks.push([...stores]);
        return stores.map((i) => levels[i]);
      },
      (level: number) => level > 0,
    );
    return { ...answer, chunks };
  };

  it('reads twice `size` stores at a time, nearest first, and stops once `size` qualify', async () => {
    const { found, chunks } = await walk([5, 0, 3, 4, 0, 0, 7, 8], 2);
    expect(found).toEqual([5, 3]);
    expect(chunks).toEqual([[0, 1, 2, 3]]);
  });

  it('reads on while too few qualify, and answers the ones found when the stores run out', async () => {
    const { found, chunks, read } = await walk([0, 0, 1, 0, 0, 0, 0, 2, 0], 2);
    expect(found).toEqual([1, 2]);
    expect(chunks).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    expect(read).toBe(8);
    expect((await walk([0, 1, 0], 2)).found).toEqual([1]);
  });

  it('leaves out a store whose read fails, returning its error, and reads on in its place', async () => {
    const down = new Error('pos down');
    const { found, failures, read } = await walk([down, 1, down, 0, 2, 3], 2);
    expect(found).toEqual([1, 2]);
    expect(failures).toEqual([down, down]);
    expect(read).toBe(6);
  });
});
