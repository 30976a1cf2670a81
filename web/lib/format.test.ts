import { describe, expect, it } from 'vitest';
import { dayBoundary, formatDate, formatDateTime, plural } from './format.ts';

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

describe('dayBoundary', () => {
  it('turns a day written as ДД.ММ.ГГГГ (or ISO) into the local start and end instants', () => {
    expect(dayBoundary('05.03.2024', 'start')).toBe(new Date(2024, 2, 5, 0, 0, 0, 0).toISOString());
    expect(dayBoundary('05.03.2024', 'end')).toBe(new Date(2024, 2, 5, 23, 59, 59, 999).toISOString());
    expect(dayBoundary('2024-03-05', 'start')).toBe(new Date(2024, 2, 5, 0, 0, 0, 0).toISOString());
    expect(dayBoundary('29.02.2024', 'start')).toBe(new Date(2024, 1, 29).toISOString());
  });

  it('ignores empty, malformed and impossible values', () => {
    expect(dayBoundary(undefined, 'start')).toBeUndefined();
    expect(dayBoundary('5.3.24', 'start')).toBeUndefined();
    expect(dayBoundary('2024-13-45', 'end')).toBeUndefined();
    expect(dayBoundary('29.02.2023', 'end')).toBeUndefined();
    expect(dayBoundary('31.04.2024', 'end')).toBeUndefined();
  });
});
