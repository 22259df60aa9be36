// Chinese strings of the desktop workbench: dispatcher, handler and supervisor.
export const workbenchZh = {
  'workbench.home': '工作台',
} as const;
