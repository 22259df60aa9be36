// Who works in the synthetic city: six responsible units per street (one of each kind), which
// unit takes which category, and the users: an inspector per micro-grid, a dispatcher and a
// leader per street, a supervisor per district, a handler per unit and one admin.
import type { Random } from '../demo-random';
import type { ScaleCity } from './scale-city';

export type UnitKind = 'property' | 'cleaning' | 'community' | 'water' | 'urban_management' | 'fire';
export type Role = 'admin' | 'dispatcher' | 'handler' | 'inspector' | 'supervisor';

export type ScaleUnit = { code: string; name: string; kind: UnitKind; areaCode: string };
export type ScaleAreaUnit = { areaCode: string; categoryCode: string | null; unitCode: string };
export type ScaleUser = { username: string; displayName: string; role: Role; areaCode: string | null; unitCode: string | null };

export type ScalePeople = {
  units: ScaleUnit[];
  areaUnits: ScaleAreaUnit[];
  users: ScaleUser[];
};

const KINDS: readonly (readonly [UnitKind, string, string])[] = [
  ['property', 'WY', '物业服务中心'], ['cleaning', 'BJ', '环卫保洁所'], ['community', 'SQ', '社区服务站'],
  ['water', 'SW', '水务站'], ['urban_management', 'CG', '城管中队'], ['fire', 'XF', '消防工作站'],
];
// The street's default unit for each category; the catch-all (null) goes to urban management.
export const UNIT_KIND_FOR_CATEGORY: Readonly<Record<string, UnitKind>> = {
  floating_debris: 'cleaning', bank_garbage: 'cleaning',
  illegal_outfall: 'water', black_odorous_water: 'water', illegal_sand_fishing: 'water', bank_damage: 'water', river_sign: 'water',
  illegal_occupation: 'urban_management', combustible_panels: 'urban_management', three_in_one: 'fire',
  fire_lane_blocked: 'property', ebike_indoor: 'property', corridor_clutter: 'property', exit_blocked: 'property',
  fire_equipment: 'property', illegal_wiring: 'property', fire_other: 'community',
};
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉萍晓东海波宁斌慧琳雪梅春燕子涵浩然';

/** The unit code for a street and kind: `330701001-WY`. */
export const unitCode = (streetCode: string, kind: UnitKind) => `${streetCode}-${KINDS.find(([k]) => k === kind)![1]}`;

/** A plausible Chinese name: a surname and one or two given characters. */
function personName(r: Random): string {
  const given = Array.from({ length: r.chance(0.7) ? 2 : 1 }, () => GIVEN[r.int(0, GIVEN.length - 1)]).join('');
  return `${SURNAMES[r.int(0, SURNAMES.length - 1)]}${given}`;
}

export function buildScalePeople(city: ScaleCity, r: Random): ScalePeople {
  const nameOf = new Map(city.areas.map((a) => [a.code, a.name]));
  const units: ScaleUnit[] = city.streets.flatMap((street) =>
    KINDS.map(([kind, , suffix]) => ({ code: unitCode(street, kind), name: `${nameOf.get(street)!.replace(/街道$/, '')}${suffix}`, kind, areaCode: street })));
  const areaUnits: ScaleAreaUnit[] = city.streets.flatMap((street) => [
    ...Object.entries(UNIT_KIND_FOR_CATEGORY).map(([categoryCode, kind]) => ({ areaCode: street, categoryCode, unitCode: unitCode(street, kind) })),
    { areaCode: street, categoryCode: null, unitCode: unitCode(street, 'urban_management') },
  ]);
  const users: ScaleUser[] = [
    { username: 'admin', displayName: '系统管理员', role: 'admin', areaCode: null, unitCode: null },
    ...city.districts.map((d): ScaleUser => ({ username: `supervisor.${d}`, displayName: personName(r), role: 'supervisor', areaCode: d, unitCode: null })),
    ...city.streets.flatMap((s): ScaleUser[] => [
      { username: `dispatcher.${s}`, displayName: personName(r), role: 'dispatcher', areaCode: s, unitCode: null },
      { username: `leader.${s}`, displayName: personName(r), role: 'supervisor', areaCode: s, unitCode: null },
    ]),
    ...city.microGrids.map((m): ScaleUser => ({ username: `inspector.${m.code}`, displayName: personName(r), role: 'inspector', areaCode: m.code, unitCode: null })),
    ...units.map((u): ScaleUser => ({ username: `handler.${u.code.toLowerCase()}`, displayName: personName(r), role: 'handler', areaCode: null, unitCode: u.code })),
  ];
  return { units, areaUnits, users };
}
