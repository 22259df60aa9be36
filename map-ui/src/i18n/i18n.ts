// The tiny i18n module: the current language, remembered in localStorage, and t() to look strings up.
import { en } from './en';
import { LANGUAGES, type Language } from './languages';
import { zhCN, type MessageKey, type Messages } from './zh-CN';

export type { MessageKey } from './zh-CN';
export { LANGUAGES, LANGUAGE_NAMES, type Language } from './languages';

const DICTIONARIES: Record<Language, Messages> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'xuncha.lang';
const listeners = new Set<(lang: Language) => void>();

// Storage can throw (private mode, disabled cookies); the UI must work without it.
function readStoredLanguage(): Language | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.find((l) => l === stored);
  } catch {
    return undefined;
  }
}

let current: Language = readStoredLanguage() ?? 'zh-CN';
document.documentElement.lang = current;

export function getLanguage(): Language {
  return current;
}

/** Switches the language, remembers it, and tells every listener so views re-render their text. */
export function setLanguage(lang: Language): void {
  if (lang === current) return;
  current = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered across reloads; the switch still works for this page.
  }
  for (const listener of listeners) listener(lang);
}

/** Calls `listener` after each language change; returns the function that stops it. */
export function onLanguageChange(listener: (lang: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The string for `key` in the current language, with `{name}` placeholders filled in.
 * @example t('login.tooManyAttempts', { seconds: 30 })
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return DICTIONARIES[current][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}
