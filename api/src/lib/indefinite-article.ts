// "a" or "an" before a word in messages: roles include admin and inspector.

/** The word with its indefinite article. @example withArticle('admin') // 'an admin' */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}
