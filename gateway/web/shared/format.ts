// Money and dates as a French retailer's staff read them.
const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
const DAY = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'Europe/Paris' });

// one formatter per currency, made once: a table renders hundreds of amounts
const MONEY = new Map<string, Intl.NumberFormat>();

export const formatMoney = (m: { centAmount: number; currencyCode: string } | null | undefined): string => {
  if (!m) return '—';
  let format = MONEY.get(m.currencyCode);
  if (!format) {
    format = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: m.currencyCode });
    MONEY.set(m.currencyCode, format);
  }
  return format.format(m.centAmount / 100);
};

export const formatDateTime = (iso: string | null | undefined): string => (iso ? DATE.format(new Date(iso)) : '—');
export const formatDay = (iso: string): string => DAY.format(new Date(iso));
export const formatPercent = (rate: number): string => `${(rate * 100).toFixed(1)} %`;
