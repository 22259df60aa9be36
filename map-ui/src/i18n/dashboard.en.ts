// English strings of the statistics dashboard.
import type { dashboardZh } from './dashboard.zh-CN';

export const dashboardEn: Record<keyof typeof dashboardZh, string> = {
  'dashboard.title': 'Statistics',
};
