// Chinese strings of the inspector's phone flow: report, queue, my reports, recheck.
export const inspectorZh = {
  'inspector.home': '巡查员首页',
} as const;
