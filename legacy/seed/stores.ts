// The store network: real French cities, each with its trading hours. Hours are fixed per
// site (not drawn) so every seed has a store closed on Sunday and one open late.
import type { Faker } from '@faker-js/faker';
import type { Day, PosStore } from '../../adapters/pos/wire';
import { ParisCalendar, minutesOf } from './calendar';
import { frenchPhone } from './identifiers';

type Hours = PosStore['hours'];

const week = (days: Day[], open: string, close: string): Hours => days.map((day) => ({ day, open, close }));
const MON_SAT: Day[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const HOURS = {
  classic: week(MON_SAT, '09:00', '19:30'),
  sundayMorning: [...week(MON_SAT, '09:00', '20:00'), ...week(['SUN'], '09:30', '13:00')],
  late: [...week(MON_SAT, '08:30', '22:00'), ...week(['SUN'], '09:00', '13:00')],
  cityCentre: [...week(['MON'], '14:00', '19:00'), ...week(['TUE', 'WED', 'THU', 'FRI', 'SAT'], '10:00', '19:00')],
} satisfies Record<string, Hours>;

// [store number, name, city, zip, area code (first digit of the landline), hours]
const SITES: [number, string, string, string, string, Hours][] = [
  [1, 'Paris Rivoli', 'Paris', '75001', '1', HOURS.classic],
  [4, 'Boulogne Centre', 'Boulogne-Billancourt', '92100', '1', HOURS.sundayMorning],
  [7, 'Lyon Part-Dieu', 'Lyon', '69003', '4', HOURS.classic],
  [12, 'Marseille Vieux-Port', 'Marseille', '13001', '4', HOURS.sundayMorning],
  [15, 'Lille Euralille', 'Lille', '59000', '3', HOURS.classic],
  [19, 'Bordeaux Sainte-Catherine', 'Bordeaux', '33000', '5', HOURS.cityCentre],
  [23, 'Toulouse Capitole', 'Toulouse', '31000', '5', HOURS.classic],
  [28, 'Nantes Atlantis', 'Saint-Herblain', '44800', '2', HOURS.sundayMorning],
  [31, 'Strasbourg Kléber', 'Strasbourg', '67000', '3', HOURS.classic],
  [36, 'Montpellier Odysseum', 'Montpellier', '34000', '4', HOURS.sundayMorning],
  [42, 'La Défense Les Quatre Temps', 'Puteaux', '92800', '1', HOURS.late],
  [47, 'Rennes Colombia', 'Rennes', '35000', '2', HOURS.cityCentre],
  [53, 'Nice Masséna', 'Nice', '06000', '4', HOURS.classic],
  [58, 'Grenoble Grand Place', 'Grenoble', '38100', '4', HOURS.sundayMorning],
  [64, 'Dijon Toison d’Or', 'Dijon', '21000', '3', HOURS.classic],
  [69, 'Rouen Saint-Sever', 'Rouen', '76100', '2', HOURS.late],
  [75, 'Reims Centre', 'Reims', '51100', '3', HOURS.cityCentre],
  [81, 'Tours Nationale', 'Tours', '37000', '2', HOURS.classic],
  [88, 'Clermont-Ferrand Jaude', 'Clermont-Ferrand', '63000', '4', HOURS.sundayMorning],
  [94, 'Angers Saint-Serge', 'Angers', '49100', '2', HOURS.classic],
];

/** 12 stores at scale 1, a few more as the scale grows (stock and prices are stores × products). */
export const storeCount = (scale: number): number => Math.min(SITES.length, 12 + Math.floor(4 * Math.log10(Math.max(scale, 1))));

export function buildStores(faker: Faker, scale: number): PosStore[] {
  return SITES.slice(0, storeCount(scale)).map(([n, name, city, zip, area, hours]) => ({
    code: `ST${String(n).padStart(3, '0')}`,
    name,
    street: `${faker.number.int({ min: 1, max: 140 })} ${faker.location.street()}`,
    zip,
    city,
    phone: frenchPhone(`0${area}${faker.string.numeric(8)}`).national,
    hours,
  }));
}

/** The e-shop's name for a store: "042" for ST042. */
export const eshopStoreCode = (store: PosStore): string => store.code.slice(2);

/**
 * A random moment the store is open, on a day in [fromMs, toMs], or null when the draw lands
 * on a closed day or outside the window (callers simply make one visit fewer).
 */
export function openInstant(
  faker: Faker,
  calendar: ParisCalendar,
  store: PosStore,
  fromMs: number,
  toMs: number,
): { local: string; ms: number } | null {
  const day = faker.number.int({ min: calendar.dayIndex(fromMs), max: calendar.dayIndex(toMs) });
  const hours = store.hours.find((h) => h.day === calendar.days[day].weekday);
  if (!hours) return null;
  // A till closes its last sale a minute before closing time.
  const second = faker.number.int({ min: minutesOf(hours.open) * 60, max: minutesOf(hours.close) * 60 - 60 });
  const slot = calendar.at(day, second);
  return slot.ms >= fromMs && slot.ms <= toMs ? slot : null;
}
