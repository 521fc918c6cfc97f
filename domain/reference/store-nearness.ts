// Which stores are nearest another. The POS store directory has no coordinates (GET /pos/stores
// gives a street, a zip and a city): nearness is told by the zip code. A French zip starts with its
// département (two digits; three overseas, 97x); the départements of one region are neighbours
// whatever their numbers. So: the same département first, then the same region, then the nearest
// zip number (a weak hint: département numbers are alphabetical), then the store id.
import type { Store } from '../types';

// INSEE's regions since 2016, by the département part of their zips (Corsica's 2A and 2B both write 20).
const REGIONS = [
  '01 03 07 15 26 38 42 43 63 69 73 74', // Auvergne-Rhône-Alpes
  '21 25 39 58 70 71 89 90', // Bourgogne-Franche-Comté
  '22 29 35 56', // Bretagne
  '18 28 36 37 41 45', // Centre-Val de Loire
  '20', // Corse
  '08 10 51 52 54 55 57 67 68 88', // Grand Est
  '02 59 60 62 80', // Hauts-de-France
  '75 77 78 91 92 93 94 95', // Île-de-France
  '14 27 50 61 76', // Normandie
  '16 17 19 23 24 33 40 47 64 79 86 87', // Nouvelle-Aquitaine
  '09 11 12 30 31 32 34 46 48 65 66 81 82', // Occitanie
  '44 49 53 72 85', // Pays de la Loire
  '04 05 06 13 83 84', // Provence-Alpes-Côte d'Azur
];
const REGION_OF = new Map(REGIONS.flatMap((departements, region) => departements.split(' ').map((d) => [d, String(region)])));

/** The département part of a zip: two digits, three for the overseas ones (97x, 98x). */
export const departementOf = (zip: string): string => (/^9[78]/.test(zip) ? zip.slice(0, 3) : zip.slice(0, 2));

/** An overseas département is a region of its own. */
const regionOf = (zip: string): string => REGION_OF.get(departementOf(zip)) ?? departementOf(zip);

/** How far a zip is from another, as a sortable tuple: [other département, other region, zip numbers apart]. */
export function zipDistance(from: string, to: string): [number, number, number] {
  const apart = /^\d{5}$/.test(from) && /^\d{5}$/.test(to) ? Math.abs(Number(from) - Number(to)) : Infinity;
  return [departementOf(from) === departementOf(to) ? 0 : 1, regionOf(from) === regionOf(to) ? 0 : 1, apart];
}

/** Every store but `origin`, nearest first. */
export function nearestFirst<S extends Pick<Store, 'id' | 'address'>>(origin: S, stores: readonly S[]): S[] {
  const distance = new Map(stores.map((s) => [s.id, zipDistance(origin.address.zip, s.address.zip)]));
  const compare = (a: S, b: S) => {
    const [da, db] = [distance.get(a.id)!, distance.get(b.id)!];
    return da[0] - db[0] || da[1] - db[1] || (da[2] === db[2] ? 0 : da[2] < db[2] ? -1 : 1) || a.id.localeCompare(b.id);
  };
  return stores.filter((s) => s.id !== origin.id).sort(compare);
}

/** How many stores are read at once per store wanted: a few lack the stock, the rest are not read. */
export const READ_AHEAD = 2;

/**
 * The first `size` stores, nearest first, whose level `qualifies`, reading `size` × READ_AHEAD of
 * them at a time and stopping once `size` qualify: a field costed at its `first` reads about that
 * many stores, not all of them. A store whose read fails (an Error in its place) is left out, and
 * its error returned with the others; `read`: how many stores were read.
 */
export async function nearestThatQualify<S, L>(
  nearest: readonly S[],
  size: number,
  readChunk: (stores: readonly S[]) => Promise<(L | Error)[]>,
  qualifies: (level: L) => boolean,
): Promise<{ found: L[]; failures: Error[]; read: number }> {
  const found: L[] = [];
  const failures: Error[] = [];
  let read = 0;
  const step = size * READ_AHEAD;
  for (let start = 0; start < nearest.length && found.length < size; start += step) {
    const levels = await readChunk(nearest.slice(start, start + step));
    read += levels.length;
    for (const level of levels) {
      if (level instanceof Error) failures.push(level);
      else if (found.length < size && qualifies(level)) found.push(level);
    }
  }
  return { found, failures, read };
}
