// Money and dates as a French retailer's staff read them.
const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
const DAY = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'Europe/Paris' });

export const formatMoney = (m: { centAmount: number; currencyCode: string } | null | undefined): string =>
  m ? new Intl.NumberFormat('fr-FR', { style: 'currency', currency: m.currencyCode }).format(m.centAmount / 100) : '—';

export const formatDateTime = (iso: string | null | undefined): string => (iso ? DATE.format(new Date(iso)) : '—');
export const formatDay = (iso: string): string => DAY.format(new Date(iso));
export const formatPercent = (rate: number): string => `${(rate * 100).toFixed(1)} %`;
