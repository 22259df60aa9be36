// The UI's languages, in a module without DOM access so pure helpers (and tests in Node) can name them.

/** Chinese first; English by the switch. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What each language calls itself on the switch. */
export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };
