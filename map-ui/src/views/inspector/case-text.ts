// How a case reads on the phone: its state's name, its category's symbol and name, an error in plain words.
import { ApiError } from '../../api';
import { getLanguage, t, type MessageKey } from '../../i18n/i18n';
import type { Category, CategoryTree } from '../../report/report-types';

// Symbols every phone font (and DejaVu, in the test browser) has; emoji would be tofu on some.
const ICONS: Record<string, string> = {
  debris: '≋', garbage: '♻', outfall: '⤓', odour: '☁', building: '⌂', fishing: '⚓', bank: '◣', sign: '⚑',
  'fire-lane': '⊘', ebike: '⚡', clutter: '▦', exit: '⇥', extinguisher: '✚', wiring: '↯', panel: '▤', 'three-in-one': '⚠', other: '✱',
};

export const iconOf = (icon: string): string => ICONS[icon] ?? '•';

const STATES = ['submitted', 'registered', 'dispatched', 'in_progress', 'rectified', 'closed', 'rejected', 'merged'] as const;

export function statusText(status: string): string {
  return (STATES as readonly string[]).includes(status) ? t(`inspector.status.${status as (typeof STATES)[number]}`) : status;
}

export function nameOf(c: { name_zh: string; name_en: string }): string {
  return getLanguage() === 'zh-CN' ? c.name_zh : c.name_en;
}

export function findCategory(tree: CategoryTree | null, code: string): Category | undefined {
  return tree?.groups.flatMap((g) => g.categories).find((c) => c.code === code);
}

const KNOWN_ERRORS: Record<string, MessageKey> = {
  photo_required: 'inspector.error.photo_required',
  location_required: 'inspector.error.location_required',
  image_unreadable: 'inspector.error.image_unreadable',
  unsupported_media_type: 'inspector.error.unsupported_media_type',
  payload_too_large: 'inspector.error.payload_too_large',
  case_not_open: 'inspector.error.case_not_open',
  too_far_from_case: 'inspector.error.too_far_from_case',
  version_conflict: 'inspector.error.version_conflict',
  invalid_transition: 'inspector.error.version_conflict',
  unauthorized: 'login.sessionExpired',
};

/** An error as the user should read it. */
export function errorText(err: unknown): string {
  if (!(err instanceof ApiError)) return t('inspector.error.unexpected');
  if (err.isNetworkError) return t('error.network');
  const key = KNOWN_ERRORS[err.code];
  if (key) return t(key, { distance: String((err.details as { distance_m?: number } | undefined)?.distance_m ?? '?') });
  return t('inspector.error.refused', { code: err.code, message: err.message });
}
