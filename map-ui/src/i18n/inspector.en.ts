// English strings of the inspector's phone flow: report, queue, my reports, recheck.
import type { inspectorZh } from './inspector.zh-CN';

export const inspectorEn: Record<keyof typeof inspectorZh, string> = {
  'inspector.home': 'Inspector home',
};
