// Research online, purchase offline: for a period and a lookback, the share of store purchases a
// web visit preceded (and of web purchases a store visit preceded: showrooming), by category, by
// store and week by week. Every figure is the ropoReport's, from one query.
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { formatPercent } from '../shared/format';
import { ProblemsNotice } from '../shared/ProblemsNotice';
import { RopoDashboard } from './operations';
import { CategoryChart } from './CategoryChart';

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
              <div className="figure">
                <dt>ROPO share</dt>
                <dd data-testid="ropo-rate" data-value={report.ropoRate}>
                  {formatPercent(report.ropoRate)}
                </dd>
              </div>
              <div className="figure">
                <dt>Store purchases</dt>
                <dd>{report.storePurchases}</dd>
              </div>
              <div className="figure">
                <dt>ROPO purchases</dt>
                <dd>{report.ropoPurchases}</dd>
              </div>
              <div className="figure">
                <dt>Showrooming purchases</dt>
                <dd>{report.showroomingPurchases}</dd>
              </div>
              {/* TODO(issue 14, after main's 18:00 merge): web purchases, showrooming share, revenues */}
            </dl>
          </section>
          {/* TODO(issue 14, after main's 18:00 merge): the weekly trend (byWeek) and the table by store (byStore) */}
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
                  <th className="num">Showrooming purchases</th>
                </tr>
              </thead>
              <tbody>
                {report.byCategory.map((c) => (
                  <tr key={c.category}>
                    <th scope="row">{c.category}</th>
                    <td className="num">{c.storePurchases}</td>
                    <td className="num">{c.ropoPurchases}</td>
                    <td className="num">{formatPercent(c.ropoRate)}</td>
                    <td className="num">{c.showroomingPurchases}</td>
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
