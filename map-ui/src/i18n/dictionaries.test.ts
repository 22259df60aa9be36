// Both dictionaries must say the same things: same keys (the compiler checks), no blanks, same placeholders.
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI dictionaries', () => {
  const keys = Object.keys(zhCN) as MessageKey[];

  it('have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
  });

  it('have no empty strings', () => {
    for (const key of keys) {
      expect(zhCN[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keys) expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
  });

  it('name every role and area level', () => {
    for (const role of ['admin', 'dispatcher', 'handler', 'inspector', 'supervisor'] as const) expect(zhCN[`role.${role}`]).toBeTruthy();
    for (const level of ['district', 'street', 'community', 'grid', 'micro_grid'] as const) expect(en[`level.${level}`]).toBeTruthy();
  });
});
