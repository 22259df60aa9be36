// Names the workbench shows for codes from the API: states, and categories in the current language.
import { CASE_STATES, type CategoryTree } from '../../api-types';
import { getLanguage, t } from '../../i18n/i18n';

/** The state's name, or its code when the UI does not know it (a newer server). */
export function stateName(status: string): string {
  return (CASE_STATES as readonly string[]).includes(status) ? t(`workbench.status.${status as (typeof CASE_STATES)[number]}`) : status;
}

export type CategoryInfo = { icon: string; name_zh: string; name_en: string };

/** Category code → icon and names, from GET /api/categories. */
export function categoryIndex(tree: CategoryTree): Map<string, CategoryInfo> {
  return new Map(tree.groups.flatMap((g) => g.categories.map((c) => [c.code, { icon: c.icon, name_zh: c.name_zh, name_en: c.name_en }] as const)));
}

export function categoryName(index: ReadonlyMap<string, CategoryInfo>, code: string): string {
  const c = index.get(code);
  if (!c) return code;
  return getLanguage() === 'zh-CN' ? c.name_zh : c.name_en;
}
