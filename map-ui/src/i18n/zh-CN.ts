// Chinese UI strings: the first language, and the dictionary every other language must match key for key.
// Each part of the UI keeps its strings in its own file pair (<part>.zh-CN.ts, <part>.en.ts).
import { dashboardZh } from './dashboard.zh-CN';
import { drawerZh } from './drawer.zh-CN';
import { inspectorZh } from './inspector.zh-CN';
import { workbenchZh } from './workbench.zh-CN';

const coreZh = {
  'app.title': '巡查通 XunCha',
  'app.tagline': '河湖巡查与消防隐患上报',
  'app.loading': '加载中…',
  'lang.label': '界面语言',

  'login.heading': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.busy': '正在登录…',
  'login.missingFields': '请输入用户名和密码。',
  'login.invalidCredentials': '用户名或密码错误，请重新输入。',
  'login.tooManyAttempts': '登录失败次数过多，请在 {seconds} 秒后重试。',
  'login.invalidInput': '用户名或密码格式不正确。',
  'login.sessionExpired': '登录已过期，请重新登录。',

  'error.network': '无法连接服务器，请检查网络后重试。',
  'error.server': '服务器出错（{code}），请稍后重试。',

  'header.logout': '退出登录',
  'header.logoutFailed': '退出失败，重试',
  'header.userLabel': '当前用户',

  'map.label': '网格地图',
  'map.loadingAreas': '正在加载网格…',
  'map.areasFailed': '网格加载失败。',
  'map.noAreas': '暂无网格数据。',
  'map.retry': '重试',
  'map.baseMapUnavailable': '底图无法加载，仅显示网格边界。',

  'legend.title': '网格层级',
  'legend.toggle': '显示或隐藏{level}',

  'level.district': '区',
  'level.street': '街道',
  'level.community': '社区',
  'level.grid': '网格',
  'level.micro_grid': '微网格',

  'role.admin': '系统管理员',
  'role.dispatcher': '受理派遣员',
  'role.handler': '责任单位处置员',
  'role.inspector': '巡查员',
  'role.supervisor': '督查领导',
} as const;

export const zhCN = { ...coreZh, ...inspectorZh, ...workbenchZh, ...dashboardZh, ...drawerZh } as const;

/** Every key the UI may show; a key missing from a dictionary is a compile error. */
export type MessageKey = keyof typeof zhCN;

/** The shape each language's dictionary must have. */
export type Messages = Record<MessageKey, string>;
