// English strings of the desktop workbench: dispatcher, handler and supervisor.
import type { workbenchZh } from './workbench.zh-CN';

export const workbenchEn: Record<keyof typeof workbenchZh, string> = {
  'workbench.home': 'Workbench',
};
