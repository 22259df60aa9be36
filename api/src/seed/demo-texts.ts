// What people write: report descriptions by category, and the notes of each step of the loop.
import type { Random } from './demo-random';

/** Where a report is: the estate or block, and for river reports the segment and bank. */
export type PlaceContext = { place: string; river?: string; bank?: string };

type Template = (c: Required<PlaceContext>, r: Random) => string;

const bld = (r: Random) => `${r.int(1, 28)}幢`;
const unit = (r: Random) => `${r.int(1, 4)}单元`;

const DESCRIPTIONS: Record<string, readonly Template[]> = {
  floating_debris: [
    (c, r) => `${c.river}${c.place}段水面有塑料瓶、泡沫等漂浮物，面积约${r.int(5, 60)}平方米`,
    (c) => `${c.place}附近河面漂浮生活垃圾，聚集在桥洞下`,
    (c, r) => `${c.river}水面有死鱼漂浮约${r.int(3, 30)}条，有异味`,
    (c) => `${c.river}${c.bank}水草疯长，夹杂大量漂浮垃圾`,
  ],
  bank_garbage: [
    (c, r) => `${c.river}${c.bank}${c.place}段岸边堆放生活垃圾约${r.int(3, 20)}袋`,
    (c, r) => `${c.bank}绿化带内有人倾倒建筑垃圾，约${r.int(1, 8)}立方米`,
    (c) => `${c.place}沿河步道垃圾桶满溢，垃圾散落到岸坡上`,
  ],
  illegal_outfall: [
    (c) => `${c.river}${c.bank}一处雨水口有污水排出，水体发白有异味`,
    (c) => `${c.place}附近疑似餐饮店油污直排入河`,
    (c) => `${c.bank}发现一处新增暗管排口，晴天持续排水`,
  ],
  black_odorous_water: [
    (c, r) => `${c.river}${c.place}段水体发黑发臭，长约${r.int(50, 400)}米`,
    (c) => `${c.place}段河水浑浊有异味，水面有油花`,
  ],
  illegal_occupation: [
    (c) => `${c.bank}${c.place}段有人私自搭建简易棚屋，占用河道管理范围`,
    (c, r) => `岸边有人圈地种菜，侵占河道管理范围约${r.int(20, 200)}平方米`,
    (c) => `${c.place}沿河商户在河岸违规搭建临时堆场`,
  ],
  illegal_sand_fishing: [
    (c, r) => `${c.river}有人使用地笼捕鱼，共发现${r.int(2, 12)}个地笼`,
    (c) => `${c.place}段有人电鱼，已现场劝离，需进一步处理`,
    (c) => `夜间有船只在${c.river}疑似非法采砂`,
  ],
  bank_damage: [
    (c, r) => `${c.bank}${c.place}段护岸挡墙开裂，长约${r.int(3, 30)}米，有坍塌风险`,
    (c, r) => `岸坡水土流失，沿河步道栏杆${r.int(2, 9)}处损坏`,
  ],
  river_sign: [
    (c) => `${c.river}河长公示牌字迹褪色，信息无法辨认`,
    (c) => `${c.place}段河长公示牌倾倒损坏`,
    () => `河长公示牌上的监督电话已停用，需要更新`,
  ],
  fire_lane_blocked: [
    (c, r) => `${c.place}${bld(r)}前消防车通道被私家车占用，共${r.int(2, 6)}辆`,
    (c) => `${c.place}消防车通道被杂物和共享单车堵塞`,
    (c) => `${c.place}大门口消防通道标线区域停放货车`,
  ],
  ebike_indoor: [
    (c, r) => `${c.place}${bld(r)}${unit(r)}楼道内停放电动车${r.int(2, 7)}辆`,
    (c, r) => `${c.place}${bld(r)}有居民从${r.int(2, 6)}楼窗口飞线给电动车充电`,
    (c, r) => `${c.place}${bld(r)}一楼门厅内电动车充电，存在火灾隐患`,
  ],
  corridor_clutter: [
    (c, r) => `${c.place}${bld(r)}${unit(r)}楼道堆放纸箱、旧家具等杂物`,
    (c, r) => `${c.place}${bld(r)}楼梯间堆放易燃杂物，影响疏散`,
  ],
  exit_blocked: [
    (c, r) => `${c.place}${bld(r)}安全出口被上锁`,
    (c) => `${c.place}一处商铺安全出口被货物堵塞`,
    (c) => `${c.place}地下车库安全出口防火门被杂物顶开并堵塞`,
  ],
  fire_equipment: [
    (c, r) => `${c.place}${bld(r)}${unit(r)}灭火器已过期（${r.int(2019, 2023)}年生产）`,
    (c, r) => `${c.place}${bld(r)}消火栓箱内水带缺失`,
    (c, r) => `${c.place}地下车库应急照明灯损坏${r.int(2, 8)}处`,
  ],
  illegal_wiring: [
    (c, r) => `${c.place}${bld(r)}外墙私拉电线为电动车充电`,
    (c) => `${c.place}沿街商铺私拉乱接电线，线路老化裸露`,
  ],
  combustible_panels: [
    (c, r) => `${c.place}内有一处彩钢板搭建的临时用房，约${r.int(15, 120)}平方米`,
    (c, r) => `${c.place}${bld(r)}屋顶违规搭建泡沫夹芯板房`,
  ],
  three_in_one: [
    (c) => `${c.place}一处小作坊生产、仓储、住宿混在一起，属“三合一”场所`,
    (c) => `${c.place}沿街门店内部隔出阁楼住人，存在“三合一”隐患`,
  ],
  fire_other: [
    (c, r) => `${c.place}${bld(r)}楼道内有人违规存放液化气钢瓶`,
    (c) => `${c.place}垃圾房附近有人焚烧杂物`,
  ],
};

const FIXES: Record<string, string> = {
  floating_debris: '已安排保洁船打捞，河面已清理干净',
  bank_garbage: '岸边垃圾已清运完毕',
  illegal_outfall: '排口已封堵，已对排放单位立案调查',
  black_odorous_water: '已清淤并实施补水，水质明显改善',
  illegal_occupation: '违建已拆除，场地已清理',
  illegal_sand_fishing: '地笼已收缴，已对当事人批评教育',
  bank_damage: '护岸已修复，栏杆已更换',
  river_sign: '河长公示牌已更换，信息已更新',
  fire_lane_blocked: '车辆已移走，已设置禁停标识',
  ebike_indoor: '电动车已清出楼道，已劝导居民到集中充电点充电',
  corridor_clutter: '楼道杂物已清理',
  exit_blocked: '安全出口已打开，堵塞物已清除',
  fire_equipment: '灭火器已更换，消防设施已维修',
  illegal_wiring: '私拉电线已拆除',
  combustible_panels: '彩钢板房已拆除',
  three_in_one: '住人区域已搬离，实现“人货分离”',
  fire_other: '隐患已消除',
};

export const NOTES = {
  reject: ['照片不清晰，无法核实问题', '不属于本平台受理范围，已告知相关部门', '经核实问题已不存在', '非本街道管辖，已电话转交'],
  rejectOutside: '上报位置不在本区辖区范围内，已转交相邻街道',
  start: ['已接单，安排人员前往现场', '已联系责任人，正在处置', '人员已到现场处理'],
  onTheSpot: ['巡查时当场处理完毕（马上办）', '现场已处置，附整改后照片'],
  recheckFail: ['现场复核仍未整改到位，请重新处置', '复核发现问题反弹，退回重新处置', '整改照片与现场不符，请重新处置'],
  recheckPass: ['现场核查已整改到位，同意结案', '复核通过', '核查属实，已整改到位'],
  supervise: ['该案件已超期，请加快处置并及时反馈', '督办：请于今日内反馈处置进展', '超期未办结，请说明原因并限期整改'],
} as const;

/** A description fitting the category and place. */
export function describe(category: string, ctx: PlaceContext, r: Random): string {
  const templates = DESCRIPTIONS[category] ?? DESCRIPTIONS.fire_other!;
  const full = { river: ctx.river ?? '河道', bank: ctx.bank ?? '岸边', place: ctx.place };
  return r.pick(templates)(full, r);
}

/** What the responsible unit reports when it has fixed a problem of this category. */
export function fixNote(category: string): string {
  return FIXES[category] ?? '已整改到位';
}
