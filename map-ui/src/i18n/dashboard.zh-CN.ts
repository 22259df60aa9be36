// Chinese strings of the statistics dashboard.
export const dashboardZh = {
  'dashboard.title': '统计分析',
} as const;
