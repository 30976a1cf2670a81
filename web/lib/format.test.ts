import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, plural } from './format.ts';

describe('formatDateTime', () => {
  it('shows ДД.ММ.ГГГГ ЧЧ:ММ in local time', () => {
    expect(formatDateTime(new Date(2024, 2, 5, 9, 7))).toBe('05.03.2024 09:07');
    expect(formatDate(new Date(2024, 11, 31, 23, 59))).toBe('31.12.2024');
  });

  it('shows a dash for empty or unreadable values', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});

describe('plural', () => {
  const forms = ['школа', 'школы', 'школ'] as const;
  it.each([
    [0, 'школ'],
    [1, 'школа'],
    [2, 'школы'],
    [5, 'школ'],
    [11, 'школ'],
    [12, 'школ'],
    [21, 'школа'],
    [22, 'школы'],
    [111, 'школ'],
    [104, 'школы'],
  ])('%i %s', (n, word) => {
    expect(plural(n, forms)).toBe(word);
  });
});
