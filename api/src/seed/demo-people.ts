// Who works in the demo district: responsible units (one of each kind), which unit takes which
// category where, and the users, with one login per role named after the role.
import type { DemoDistrict } from './demo-areas';

export type UnitKind = 'property' | 'cleaning' | 'community' | 'water' | 'urban_management' | 'fire';
export type Role = 'admin' | 'dispatcher' | 'handler' | 'inspector' | 'supervisor';

export type DemoUnit = { code: string; name: string; kind: UnitKind; areaCode: string; handler: { username: string; displayName: string } };
export type DemoAreaUnit = { areaCode: string; categoryCode: string | null; unitCode: string };
export type DemoUser = { username: string; displayName: string; role: Role; areaCode: string | null; unitCode: string | null };

export type DemoPeople = {
  units: DemoUnit[];
  areaUnits: DemoAreaUnit[];
  users: DemoUser[];
  /** The default unit for a category at a micro-grid: the deepest category row, else the deepest catch-all. */
  unitFor(microGridCode: string, categoryCode: string): DemoUnit;
  /** The inspector who patrols a micro-grid: the one with the deepest home area above it. */
  inspectorFor(microGridCode: string): string;
  dispatcherFor(streetCode: string): string;
  /** Leaders who may supervise (督办) cases in a street: its own, then the district's. */
  supervisorsFor(streetCode: string): string[];
};

const DISTRICT = '320599';
const STREET_1 = '320599001';
const STREET_2 = '320599002';

// Communities by code, with their slug and residents' committee staff.
const COMMUNITIES: readonly [code: string, slug: string, name: string, staff: string][] = [
  ['320599001001', 'hb', '湖滨社区', '李秀英'],
  ['320599001002', 'yg', '渔港社区', '吴春燕'],
  ['320599001003', 'xq', '新桥社区', '杨帆'],
  ['320599002001', 'gx', '桂香社区', '何丽萍'],
  ['320599002002', 'jg', '金桂社区', '曹志刚'],
];

const unit = (code: string, name: string, kind: UnitKind, areaCode: string, displayName: string, username?: string): DemoUnit =>
  ({ code, name, kind, areaCode, handler: { username: username ?? `handler.${code.toLowerCase()}`, displayName } });

const UNITS: readonly DemoUnit[] = [
  unit('WY-HB', '湖滨花园物业服务有限公司', 'property', '320599001001', '王建华', 'handler'),
  unit('WY-XQ', '新桥苑物业管理有限公司', 'property', '320599001003', '赵伟'),
  unit('WY-GY', '桂园物业服务有限公司', 'property', STREET_2, '黄丽'),
  unit('QX-CLEAN', '清溪环卫保洁有限公司', 'cleaning', DISTRICT, '孙桂芳'),
  unit('QX-WATER', '清溪区水务站', 'water', DISTRICT, '钱志强'),
  unit('QX-FIRE', '清溪消防救援站', 'fire', DISTRICT, '郑磊'),
  unit('QX-CG', '清溪区城管执法大队', 'urban_management', DISTRICT, '蒋文'),
  unit('WH-CG', '望湖街道城管中队', 'urban_management', STREET_1, '冯涛'),
  unit('GY-CG', '桂园街道城管中队', 'urban_management', STREET_2, '褚明'),
  ...COMMUNITIES.map(([code, slug, name, staff]) => unit(`${slug.toUpperCase()}-JWH`, `${name}居民委员会`, 'community', code, staff)),
];

// Which property company manages each community's estates; 渔港 has none, its committee steps in.
const PROPERTY_BY_COMMUNITY: Record<string, string> = {
  '320599001001': 'WY-HB', '320599001003': 'WY-XQ', '320599002001': 'WY-GY', '320599002002': 'WY-GY',
};
const ESTATE_FIRE_CATEGORIES = ['fire_lane_blocked', 'ebike_indoor', 'corridor_clutter', 'exit_blocked', 'fire_equipment', 'illegal_wiring'];

const USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', areaCode: null, unitCode: null },
  { username: 'dispatcher', displayName: '陈静', role: 'dispatcher', areaCode: STREET_1, unitCode: null },
  { username: 'dispatcher2', displayName: '林晓东', role: 'dispatcher', areaCode: STREET_2, unitCode: null },
  { username: 'supervisor', displayName: '刘建国', role: 'supervisor', areaCode: DISTRICT, unitCode: null },
  { username: 'supervisor2', displayName: '周晓梅', role: 'supervisor', areaCode: STREET_1, unitCode: null },
  // `inspector` patrols one grid; colleagues each cover a whole community.
  { username: 'inspector', displayName: '张伟', role: 'inspector', areaCode: '32059900100101', unitCode: null },
  { username: 'inspector2', displayName: '李娜', role: 'inspector', areaCode: '320599001001', unitCode: null },
  { username: 'inspector3', displayName: '王磊', role: 'inspector', areaCode: '320599001002', unitCode: null },
  { username: 'inspector4', displayName: '刘洋', role: 'inspector', areaCode: '320599001003', unitCode: null },
  { username: 'inspector5', displayName: '陈红', role: 'inspector', areaCode: '320599002001', unitCode: null },
  { username: 'inspector6', displayName: '杨波', role: 'inspector', areaCode: '320599002002', unitCode: null },
  ...UNITS.map((u): DemoUser => ({ username: u.handler.username, displayName: u.handler.displayName, role: 'handler', areaCode: null, unitCode: u.code })),
];

function areaUnitsFor(d: DemoDistrict): DemoAreaUnit[] {
  // Category rows at every level, and one catch-all at the top only: then "deepest category row,
  // else deepest catch-all" and "deepest area first" pick the same unit.
  const rows: DemoAreaUnit[] = [
    ...['floating_debris', 'bank_garbage'].map((c) => ({ areaCode: DISTRICT, categoryCode: c, unitCode: 'QX-CLEAN' })),
    ...['illegal_outfall', 'black_odorous_water', 'illegal_sand_fishing', 'bank_damage', 'river_sign']
      .map((c) => ({ areaCode: DISTRICT, categoryCode: c, unitCode: 'QX-WATER' })),
    { areaCode: DISTRICT, categoryCode: 'three_in_one', unitCode: 'QX-FIRE' },
    { areaCode: DISTRICT, categoryCode: null, unitCode: 'QX-CG' },
  ];
  for (const [street, squad] of [[STREET_1, 'WH-CG'], [STREET_2, 'GY-CG']] as const) {
    for (const c of ['illegal_occupation', 'combustible_panels']) rows.push({ areaCode: street, categoryCode: c, unitCode: squad });
  }
  for (const [code, slug] of COMMUNITIES) {
    const committee = `${slug.toUpperCase()}-JWH`;
    const estates = PROPERTY_BY_COMMUNITY[code] ?? committee;
    for (const c of ESTATE_FIRE_CATEGORIES) rows.push({ areaCode: code, categoryCode: c, unitCode: estates });
    rows.push({ areaCode: code, categoryCode: 'fire_other', unitCode: committee });
    // Old estates and villages have no property company: the residents' committee takes over.
    if (estates === committee) continue;
    for (const m of d.areas) {
      if (m.level !== 'micro_grid' || !d.lineage(m.code).includes(code)) continue;
      if (m.place?.kind !== 'old' && m.place?.kind !== 'village') continue;
      for (const c of ESTATE_FIRE_CATEGORIES) rows.push({ areaCode: m.code, categoryCode: c, unitCode: committee });
    }
  }
  return rows;
}

/** The units, their default areas and the users of the demo district. */
export function buildDemoPeople(d: DemoDistrict): DemoPeople {
  const areaUnits = areaUnitsFor(d);
  const unitsByCode = new Map(UNITS.map((u) => [u.code, u]));
  const rowsByArea = new Map<string, DemoAreaUnit[]>();
  for (const r of areaUnits) rowsByArea.set(r.areaCode, [...(rowsByArea.get(r.areaCode) ?? []), r]);
  const inspectors = USERS.filter((u) => u.role === 'inspector');

  return {
    units: [...UNITS],
    areaUnits,
    users: [...USERS],
    unitFor(microGridCode, categoryCode) {
      const lineage = d.lineage(microGridCode);
      const find = (category: string | null) => {
        for (const code of lineage) {
          const row = rowsByArea.get(code)?.find((r) => r.categoryCode === category);
          if (row) return unitsByCode.get(row.unitCode);
        }
        return undefined;
      };
      const u = find(categoryCode) ?? find(null);
      if (!u) throw new Error(`no unit for ${categoryCode} at ${microGridCode}`);
      return u;
    },
    inspectorFor(microGridCode) {
      for (const code of d.lineage(microGridCode)) {
        const found = inspectors.find((u) => u.areaCode === code);
        if (found) return found.username;
      }
      return 'inspector';
    },
    dispatcherFor: (streetCode) => (streetCode === STREET_2 ? 'dispatcher2' : 'dispatcher'),
    supervisorsFor(streetCode) {
      const lineage = d.lineage(streetCode);
      return USERS.filter((u) => u.role === 'supervisor' && u.areaCode !== null && lineage.includes(u.areaCode))
        .sort((a, b) => lineage.indexOf(a.areaCode!) - lineage.indexOf(b.areaCode!))
        .map((u) => u.username);
    },
  };
}
