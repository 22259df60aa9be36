// English UI strings, shown after the language switch; typed against the Chinese dictionary's keys.
import { dashboardEn } from './dashboard.en';
import { drawerEn } from './drawer.en';
import { inspectorEn } from './inspector.en';
import { workbenchEn } from './workbench.en';
import type { Messages } from './zh-CN';

const coreEn = {
  'app.title': '巡查通 XunCha',
  'app.tagline': 'River patrol and fire-hazard reporting',
  'app.loading': 'Loading…',
  'lang.label': 'Language',

  'login.heading': 'Log in',
  'login.username': 'User name',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.busy': 'Logging in…',
  'login.missingFields': 'Enter your user name and password.',
  'login.invalidCredentials': 'Wrong user name or password. Please try again.',
  'login.tooManyAttempts': 'Too many failed attempts. Try again in {seconds} s.',
  'login.invalidInput': 'The user name or password is not in a valid form.',
  'login.sessionExpired': 'Your session has ended. Please log in again.',

  'error.network': 'Cannot reach the server. Check the network and try again.',
  'error.server': 'The server had a problem ({code}). Please try again later.',

  'header.logout': 'Log out',
  'header.logoutFailed': 'Log out failed, retry',
  'header.userLabel': 'Signed in as',

  'map.label': 'Area map',
  'map.loadingAreas': 'Loading areas…',
  'map.areasFailed': 'Could not load the areas.',
  'map.noAreas': 'No areas yet.',
  'map.retry': 'Retry',
  'map.baseMapUnavailable': 'Base map unavailable; showing area outlines only.',

  'legend.title': 'Area levels',
  'legend.toggle': 'Show or hide {level}',

  'level.district': 'District',
  'level.street': 'Street',
  'level.community': 'Community',
  'level.grid': 'Grid',
  'level.micro_grid': 'Micro-grid',

  'role.admin': 'Administrator',
  'role.dispatcher': 'Dispatcher',
  'role.handler': 'Handler',
  'role.inspector': 'Inspector',
  'role.supervisor': 'Supervisor',
};

export const en: Messages = { ...coreEn, ...inspectorEn, ...workbenchEn, ...dashboardEn, ...drawerEn };
