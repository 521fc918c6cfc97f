// The ROPO share of each category, as bars (chart.js, only the pieces a bar chart needs).
import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';

Chart.register(BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export function CategoryChart({ rows }: { rows: { category: string; ropoRate: number }[] }) {
  return (
    <div style={{ height: 260 }}>
      <Bar
        aria-label="ROPO share by category (the table below gives the same figures)"
        role="img"
        options={{ maintainAspectRatio: false, animation: false, scales: { y: { ticks: { format: { style: 'percent' } } } } }}
        data={{
          labels: rows.map((r) => r.category),
          datasets: [{ label: 'ROPO share', data: rows.map((r) => r.ropoRate), backgroundColor: '#1a5fb4' }],
        }}
      />
    </div>
  );
}
