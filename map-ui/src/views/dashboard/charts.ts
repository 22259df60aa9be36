// The dashboard's charts, on Chart.js with only the pieces they use. Loaded with import() by the dashboard
// alone, so Chart.js sits in its own chunk and never in the bundle every phone downloads.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

/** What the dashboard keeps of a drawn chart: the means to take it down. */
export type DrawnChart = { destroy(): void };

export type ChartColors = { received: string; closed: string; onTime: string; overdue: string; ink: string; grid: string };

export type TrendData = {
  labels: string[];
  received: number[];
  closed: number[];
  /** 0..1, null where nothing was due. */
  onTimeRate: (number | null)[];
  names: { received: string; closed: string; onTime: string };
  formatPercent: (rate: number) => string;
};

export type CategoryData = { labels: string[]; received: number[]; overdue: number[]; names: { received: string; overdue: string } };

const COMMON = {
  // Numbers are read, not watched: no animation, and no half-drawn chart in a screenshot.
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
} as const;

/** The page's font (CJK faces first) at a size that reads on a wall screen as on a laptop. */
function useFont(canvas: HTMLCanvasElement, ink: string): void {
  Chart.defaults.font.family = getComputedStyle(canvas).fontFamily;
  Chart.defaults.font.size = 14;
  Chart.defaults.color = ink;
}

// The legend in dataset order (bars, then the line), not in drawing order.
const LEGEND = { position: 'top', align: 'start', labels: { sort: (a: { datasetIndex?: number }, b: { datasetIndex?: number }) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } } as const;

/** Received and closed as bars, the on-time rate as a line on its own 0–100 % axis. */
export function drawTrend(canvas: HTMLCanvasElement, d: TrendData, c: ChartColors): DrawnChart {
  useFont(canvas, c.ink);
  const config: ChartConfiguration<'bar' | 'line', (number | null)[], string> = {
    type: 'bar',
    data: {
      labels: d.labels,
      datasets: [
        { type: 'bar', label: d.names.received, data: d.received, backgroundColor: c.received, yAxisID: 'count', order: 2, maxBarThickness: 24 },
        { type: 'bar', label: d.names.closed, data: d.closed, backgroundColor: c.closed, yAxisID: 'count', order: 2, maxBarThickness: 24 },
        {
          type: 'line', label: d.names.onTime, data: d.onTimeRate, borderColor: c.onTime, backgroundColor: c.onTime,
          yAxisID: 'rate', spanGaps: true, pointRadius: 3, borderWidth: 2, order: 1,
        },
      ],
    },
    options: {
      ...COMMON,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { grid: { display: false } },
        count: { type: 'linear', position: 'left', beginAtZero: true, ticks: { precision: 0 }, grid: { color: c.grid } },
        rate: { type: 'linear', position: 'right', min: 0, max: 1, grid: { display: false }, ticks: { callback: (v) => d.formatPercent(Number(v)) } },
      },
      plugins: {
        legend: LEGEND,
        tooltip: {
          callbacks: {
            label: (item) => {
              const v = item.parsed.y;
              return `${item.dataset.label ?? ''}: ${item.dataset.yAxisID === 'rate' && v !== null ? d.formatPercent(v) : String(v)}`;
            },
          },
        },
      },
    },
  };
  return new Chart(canvas, config as ChartConfiguration);
}

/** Received and overdue per category, as horizontal bars so the Chinese names read in full. */
export function drawCategories(canvas: HTMLCanvasElement, d: CategoryData, c: ChartColors): DrawnChart {
  useFont(canvas, c.ink);
  const config: ChartConfiguration<'bar', number[], string> = {
    type: 'bar',
    data: {
      labels: d.labels,
      datasets: [
        { label: d.names.received, data: d.received, backgroundColor: c.received, maxBarThickness: 28 },
        { label: d.names.overdue, data: d.overdue, backgroundColor: c.overdue, maxBarThickness: 28 },
      ],
    },
    options: {
      ...COMMON,
      indexAxis: 'y',
      interaction: { mode: 'index', intersect: false },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: c.grid } }, y: { grid: { display: false } } },
      plugins: { legend: LEGEND },
    },
  };
  return new Chart(canvas, config);
}
