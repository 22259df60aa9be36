import { describe, expect, it } from 'vitest';
import { withArticle } from './indefinite-article';

describe('withArticle', () => {
  it('puts "an" before a vowel and "a" before a consonant', () => {
    expect(withArticle('admin')).toBe('an admin');
    expect(withArticle('inspector')).toBe('an inspector');
    expect(withArticle('dispatcher')).toBe('a dispatcher');
    expect(withArticle('supervisor')).toBe('a supervisor');
  });
});
