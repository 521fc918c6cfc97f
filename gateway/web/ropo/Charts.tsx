// The dashboard's charts (chart.js, only the pieces a bar and a line chart need): each has a
// table beside it with the same figures, for whoever cannot see it.
import { BarElement, CategoryScale, Chart, Legend, LinearScale, LineElement, PointElement, Tooltip, type ChartOptions } from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';
import { formatDay } from '../shared/format';

Chart.register(BarElement, CategoryScale, LinearScale, LineElement, PointElement, Legend, Tooltip);

const SHARES = {
  maintainAspectRatio: false,
  animation: false,
  scales: { y: { beginAtZero: true, ticks: { format: { style: 'percent' } } } },
} as const;

const ROPO_COLOUR = '#1a5fb4';
const SHOWROOMING_COLOUR = '#e66100';

/** the two shares of each row, as the datasets of a chart */
const shares = (rows: { ropoRate: number; showroomingRate: number }[]) => [
  { label: 'ROPO share', data: rows.map((r) => r.ropoRate), borderColor: ROPO_COLOUR, backgroundColor: ROPO_COLOUR },
  {
    label: 'Showrooming share',
    data: rows.map((r) => r.showroomingRate),
    borderColor: SHOWROOMING_COLOUR,
    backgroundColor: SHOWROOMING_COLOUR,
  },
];

export function CategoryChart({ rows }: { rows: { category: string; ropoRate: number; showroomingRate: number }[] }) {
  return (
    <div style={{ height: 260 }}>
      <Bar
        aria-label="ROPO and showrooming shares by category (the table below gives the same figures)"
        role="img"
        options={SHARES as ChartOptions<'bar'>}
        data={{
          labels: rows.map((r) => r.category),
          datasets: shares(rows),
        }}
      />
    </div>
  );
}

export function WeeklyTrend({ weeks }: { weeks: { weekStart: string; ropoRate: number; showroomingRate: number }[] }) {
  return (
    <div style={{ height: 260 }}>
      <Line
        aria-label="ROPO and showrooming shares week by week (the table below gives the same figures)"
        role="img"
        options={SHARES as ChartOptions<'line'>}
        data={{
          labels: weeks.map((w) => formatDay(w.weekStart)),
          datasets: shares(weeks),
        }}
      />
    </div>
  );
}
