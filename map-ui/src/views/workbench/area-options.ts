// The area filter's choices: the hierarchy in tree order (each area under its parent), indented by depth.
import type { AreaProperties } from '../../api-types';

export type AreaOption = { code: string; name: string; depth: number };

/**
 * Orders areas parent-first, siblings by code; an area whose parent is not in the list starts a tree of its own.
 * @example areaOptions([street, district]) // [{ district, depth 0 }, { street, depth 1 }]
 */
export function areaOptions(areas: readonly Pick<AreaProperties, 'id' | 'code' | 'name' | 'parent_id'>[]): AreaOption[] {
  const ids = new Set(areas.map((a) => a.id));
  const children = new Map<number | null, typeof areas[number][]>();
  for (const a of areas) {
    const parent = a.parent_id !== null && ids.has(a.parent_id) ? a.parent_id : null;
    const list = children.get(parent) ?? [];
    list.push(a);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((x, y) => x.code.localeCompare(y.code));
  const out: AreaOption[] = [];
  const visit = (parent: number | null, depth: number) => {
    for (const a of children.get(parent) ?? []) {
      out.push({ code: a.code, name: a.name, depth });
      visit(a.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
