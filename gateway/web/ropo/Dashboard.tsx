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
            <table aria-label="By week">
              <thead>
                <tr>
                  <th>Week of</th>
                  <th className="num">Store purchases</th>
                  <th className="num">ROPO share</th>
                  <th className="num">Web purchases</th>
                  <th className="num">Showrooming share</th>
                </tr>
              </thead>
              <tbody>
                {report.byWeek.map((w) => (
                  <tr key={w.weekStart}>
                    <th scope="row">{formatDay(w.weekStart)}</th>
                    <td className="num">{w.storePurchases}</td>
                    <td className="num">{formatPercent(w.ropoRate)}</td>
                    <td className="num">{w.webPurchases}</td>
                    <td className="num">{formatPercent(w.showroomingRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="category-title">
            <h2 id="category-title">By category</h2>
            <CategoryChart rows={report.byCategory} />
            <table aria-label="By category">
              <thead>
                <tr>
                  <th>Category</th>
                  <th className="num">Store purchases</th>
                  <th className="num">ROPO purchases</th>
                  <th className="num">ROPO share</th>
                  <th className="num">Store revenue</th>
                  <th className="num">ROPO revenue</th>
                  <th className="num">Web purchases</th>
                  <th className="num">Showrooming purchases</th>
                  <th className="num">Showrooming share</th>
                </tr>
              </thead>
              <tbody>
                {report.byCategory.map((c) => (
                  <tr key={c.category}>
                    <th scope="row">{c.category}</th>
                    <td className="num">{c.storePurchases}</td>
                    <td className="num">{c.ropoPurchases}</td>
                    <td className="num">{formatPercent(c.ropoRate)}</td>
                    <td className="num">{formatMoney(c.storeRevenue)}</td>
                    <td className="num">{formatMoney(c.ropoRevenue)}</td>
                    <td className="num">{c.webPurchases}</td>
                    <td className="num">{c.showroomingPurchases}</td>
                    <td className="num">{formatPercent(c.showroomingRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="store-title">
            <h2 id="store-title">By store</h2>
            <table aria-label="By store">
              <thead>
                <tr>
                  <th>Store</th>
                  <th className="num">Store purchases</th>
                  <th className="num">ROPO purchases</th>
                  <th className="num">ROPO share</th>
                  <th className="num">Store revenue</th>
                  <th className="num">ROPO revenue</th>
                  <th className="num">Showrooming purchases</th>
                </tr>
              </thead>
              <tbody>
                {report.byStore.map((s) => (
                  <tr key={s.store.id}>
                    <th scope="row">
                      {s.store.name} ({s.store.id})
                    </th>
                    <td className="num">{s.storePurchases}</td>
                    <td className="num">{s.ropoPurchases}</td>
                    <td className="num">{formatPercent(s.ropoRate)}</td>
                    <td className="num">{formatMoney(s.storeRevenue)}</td>
                    <td className="num">{formatMoney(s.ropoRevenue)}</td>
                    <td className="num">{s.showroomingPurchases}</td>
                  </tr>
                ))}
              </tbody>
            </table>
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
