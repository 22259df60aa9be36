// The category tree: river 河道 and fire 消防 groups, each category with its time limits.
import type { Db } from '../../db/db';
import { categoriesRepo, DOMAINS, type Domain, type Severity } from './categories.repo';

const DOMAIN_NAMES: Record<Domain, { name_zh: string; name_en: string }> = {
  river: { name_zh: '河道', name_en: 'River' },
  fire: { name_zh: '消防', name_en: 'Fire safety' },
};

export const SEVERITY_NAMES: { code: Severity; name_zh: string; name_en: string }[] = [
  { code: 'general', name_zh: '一般', name_en: 'General' },
  { code: 'serious', name_zh: '较严重', name_en: 'Serious' },
  { code: 'major', name_zh: '重大', name_en: 'Major' },
];

export async function categoryTree(deps: { db: Db }) {
  const rows = await categoriesRepo.list(deps.db);
  return {
    groups: DOMAINS.map((domain) => ({
      domain,
      ...DOMAIN_NAMES[domain],
      categories: rows
        .filter((r) => r.domain === domain)
        .map((r) => ({
          code: r.code,
          name_zh: r.nameZh,
          name_en: r.nameEn,
          icon: r.icon,
          default_severity: r.defaultSeverity,
          duplicate_radius_m: r.duplicateRadiusM,
          time_limits: r.timeLimits,
        })),
    })),
    severities: SEVERITY_NAMES,
  };
}
