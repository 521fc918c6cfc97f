// Research online, purchase offline: for a period and a lookback, the share of store purchases a
// web visit preceded (and of web purchases a store visit preceded: showrooming), by category, by
// store and week by week. Every figure is the ropoReport's, from one query.
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { formatDay, formatMoney, formatPercent } from '../shared/format';
import { ProblemsNotice } from '../shared/ProblemsNotice';
import { RopoDashboard } from './operations';
import { CategoryChart, WeeklyTrend } from './Charts';

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** A day typed in the form, as the instant its UTC day starts. */
const startOf = (day: string) => `${day}T00:00:00.000Z`;

export function Dashboard() {
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 56 * DAY_MS)));
  const [to, setTo] = useState(isoDay(today));
  const [lookbackDays, setLookbackDays] = useState(30);
  const [asked, setAsked] = useState({ from: startOf(from), to: startOf(to), lookbackDays });
  const [result] = useQuery({ query: RopoDashboard, variables: asked });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked({ from: startOf(from), to: startOf(to), lookbackDays });
  };
  const report = result.data?.ropoReport;
  return (
    <main>
      <section aria-labelledby="period-title">
        <h2 id="period-title">Period</h2>
        <form className="inline" onSubmit={submit}>
          <div>
            <label htmlFor="ropo-from">From (UTC day, included)</label>
            <input id="ropo-from" type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div>
            <label htmlFor="ropo-to">To (UTC day, excluded)</label>
            <input id="ropo-to" type="date" required value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
          <div>
            <label htmlFor="ropo-lookback">Lookback</label>
            <select id="ropo-lookback" value={lookbackDays} onChange={(e) => setLookbackDays(Number(e.target.value))}>
              <option value={7}>7 days</option>
              <option value={30}>30 days</option>
            </select>
          </div>
          <button type="submit">Show</button>
        </form>
      </section>
      <ProblemsNotice error={result.error} />
      {result.fetching && <p role="status">Counting…</p>}
      {report && (
        <>
          <section aria-labelledby="totals-title">
            <h2 id="totals-title">
              {report.from.slice(0, 10)} to {report.to.slice(0, 10)}, lookback {report.lookbackDays} days
            </h2>
            <dl className="figures">
              <Figure label="ROPO share" value={formatPercent(report.ropoRate)} testId="ropo-rate" raw={report.ropoRate} />
              <Figure
                label="Showrooming share"
                value={formatPercent(report.showroomingRate)}
                testId="showrooming-rate"
                raw={report.showroomingRate}
              />
              <Figure label="Store purchases" value={`${report.storePurchases} · ${formatMoney(report.storeRevenue)}`} />
              <Figure label="ROPO purchases" value={`${report.ropoPurchases} · ${formatMoney(report.ropoRevenue)}`} />
              <Figure label="Web purchases" value={`${report.webPurchases} · ${formatMoney(report.webRevenue)}`} />
              <Figure label="Showrooming purchases" value={`${report.showroomingPurchases} · ${formatMoney(report.showroomingRevenue)}`} />
            </dl>
          </section>
          <section aria-labelledby="week-title">
            <h2 id="week-title">Week by week</h2>
            <WeeklyTrend weeks={report.byWeek} />
            <Breakdown
              name="By week"
              rows={report.byWeek}
              row={{ header: 'Week of', key: (w) => w.weekStart, label: (w) => formatDay(w.weekStart) }}
              columns={[STORE_PURCHASES, ROPO_SHARE, WEB_PURCHASES, SHOWROOMING_SHARE]}
            />
          </section>
          <section aria-labelledby="category-title">
            <h2 id="category-title">By category</h2>
            <CategoryChart rows={report.byCategory} />
            <Breakdown
              name="By category"
              rows={report.byCategory}
              row={{ header: 'Category', key: (c) => c.category, label: (c) => c.category }}
              columns={[
                STORE_PURCHASES,
                ROPO_PURCHASES,
                ROPO_SHARE,
                STORE_REVENUE,
                ROPO_REVENUE,
                WEB_PURCHASES,
                SHOWROOMING_PURCHASES,
                SHOWROOMING_SHARE,
              ]}
            />
          </section>
          <section aria-labelledby="store-title">
            <h2 id="store-title">By store</h2>
            <Breakdown
              name="By store"
              rows={report.byStore}
              row={{ header: 'Store', key: (s) => s.store.id, label: (s) => `${s.store.name} (${s.store.id})` }}
              columns={[STORE_PURCHASES, ROPO_PURCHASES, ROPO_SHARE, STORE_REVENUE, ROPO_REVENUE, SHOWROOMING_PURCHASES]}
            />
          </section>
        </>
      )}
    </main>
  );
}

function Figure({ label, value, testId, raw }: { label: string; value: string; testId?: string; raw?: number }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={raw}>
        {value}
      </dd>
    </div>
  );
}

type Money = Parameters<typeof formatMoney>[0];

/** One figure of a breakdown's rows: its heading and how a row shows it. */
interface Column<Row> {
  header: string;
  cell: (row: Row) => string | number;
}

// The figures the breakdowns share, each read the same way from a week, a category or a store.
const STORE_PURCHASES: Column<{ storePurchases: number }> = { header: 'Store purchases', cell: (r) => r.storePurchases };
const ROPO_PURCHASES: Column<{ ropoPurchases: number }> = { header: 'ROPO purchases', cell: (r) => r.ropoPurchases };
const ROPO_SHARE: Column<{ ropoRate: number }> = { header: 'ROPO share', cell: (r) => formatPercent(r.ropoRate) };
const STORE_REVENUE: Column<{ storeRevenue: Money }> = { header: 'Store revenue', cell: (r) => formatMoney(r.storeRevenue) };
const ROPO_REVENUE: Column<{ ropoRevenue: Money }> = { header: 'ROPO revenue', cell: (r) => formatMoney(r.ropoRevenue) };
const WEB_PURCHASES: Column<{ webPurchases: number }> = { header: 'Web purchases', cell: (r) => r.webPurchases };
const SHOWROOMING_PURCHASES: Column<{ showroomingPurchases: number }> = {
  header: 'Showrooming purchases',
  cell: (r) => r.showroomingPurchases,
};
const SHOWROOMING_SHARE: Column<{ showroomingRate: number }> = {
  header: 'Showrooming share',
  cell: (r) => formatPercent(r.showroomingRate),
};

/** A breakdown as a table: a row per week, category or store, headed by its name, then the figures asked. */
function Breakdown<Row>({
  name,
  rows,
  row,
  columns,
}: {
  name: string;
  rows: readonly Row[];
  row: { header: string; key: (r: Row) => string; label: (r: Row) => string };
  columns: Column<Row>[];
}) {
  return (
    <table aria-label={name}>
      <thead>
        <tr>
          <th>{row.header}</th>
          {columns.map((c) => (
            <th key={c.header} className="num">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={row.key(r)}>
            <th scope="row">{row.label(r)}</th>
            {columns.map((c) => (
              <td key={c.header} className="num">
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
