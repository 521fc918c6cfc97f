// A connection over lists merged newest first, some read whole (the POS has no paging), some a
// page at a time (the e-shop's orders): only the pages the connection's page needs are read,
// rather than every page of every list on every request.
import { decodeCursor, keyedConnection, type Connection } from './relay';

/**
 * A list read a page at a time, newest first; what was read is kept for the request. A page that
 * fails empties the list and ends it (`failure`): its source degrades alone, the others still answer.
 */
export class PagedList<T> {
  items: T[] = [];
  done = false;
  failure: unknown = null;

  /** the page being read: two fields of one request asking at once read it once */
  private reading: Promise<void> | null = null;

  constructor(private readonly pages: AsyncIterator<T[]>) {}

  more(): Promise<void> {
    this.reading ??= this.read().finally(() => (this.reading = null));
    return this.reading;
  }

  /** The first page, which any connection over the list reads: asked for alongside the other sources, not after them. */
  async started(): Promise<void> {
    if (this.items.length === 0 && !this.done) await this.more();
  }

  private async read(): Promise<void> {
    try {
      const next = await this.pages.next();
      if (next.done) this.done = true;
      else this.items.push(...next.value);
    } catch (err) {
      Object.assign(this, { items: [], done: true, failure: err });
    }
  }
}

export interface MergedPage<T> {
  /** newest first */
  compare: (a: T, b: T) => number;
  keyOf: (item: T) => string;
  first: number;
  /** a cursor of keyedConnection */
  after: string | null | undefined;
  /** what the caller may see: read on until the page is full of it */
  keep?: (item: T) => boolean;
}

export async function newestFirstConnection<T>(whole: T[], paged: PagedList<T>[], page: MergedPage<T>): Promise<Connection<T>> {
  const { compare, keyOf, keep = () => true } = page;
  const afterKey = page.after ? decodeCursor(page.after) : null;
  for (;;) {
    const merged = [...whole, ...paged.flatMap((l) => l.items)].filter(keep).sort(compare);
    const open = paged.filter((l) => !l.done);
    if (open.length === 0) return keyedConnection(merged, keyOf, page.first, page.after);
    // An item is in its place once no open list can still bring a newer one: each open list's
    // next items are older than the last it gave.
    const lasts = open.map((l) => l.items.at(-1));
    const settled = lasts.includes(undefined) ? 0 : merged.findIndex((item) => lasts.some((last) => compare(item, last!) > 0));
    const inPlace = settled < 0 ? merged.length : settled;
    const start = afterKey === null ? -1 : merged.slice(0, inPlace).findIndex((item) => keyOf(item) === afterKey);
    // the page, and one more to tell whether there is a next one
    if ((afterKey === null || start >= 0) && inPlace >= start + 1 + page.first + 1)
      return keyedConnection(merged, keyOf, page.first, page.after);
    // the open list whose last item is the newest holds the others back most
    const behind = open.find((l) => l.items.length === 0) ?? open.reduce((a, b) => (compare(b.items.at(-1)!, a.items.at(-1)!) < 0 ? b : a));
    await behind.more();
  }
}
