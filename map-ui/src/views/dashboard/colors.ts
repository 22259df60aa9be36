// The dashboard charts' colours: the brand blue for intake, green for closure, and warm tones for time and lateness.
import type { ChartColors } from './charts';

export const DASHBOARD_COLORS: ChartColors = {
  received: '#0b4f8a',
  closed: '#2b8a3e',
  onTime: '#c2410c',
  overdue: '#c92a2a',
  ink: '#1b1f24',
  grid: '#dde2e8',
};
