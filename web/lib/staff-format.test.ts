import { describe, expect, it } from 'vitest';
import { categoryLabel, categoryShortLabel, hoursText, periodText, stepsText } from './staff-format.ts';

describe('staff formatting', () => {
  it.each([
    ['teacher', 'Учитель', 'Учитель'],
    ['deputy', 'Заместитель директора', 'Заместитель директора'],
    ['specialist', 'Специалист (педагог-психолог, логопед, социальный педагог)', 'Специалист'],
  ] as const)('%s → %s / %s', (c, long, short) => {
    expect(categoryLabel(c)).toBe(long);
    expect(categoryShortLabel(c)).toBe(short);
  });

  it.each([
    ['2025-09-01', '2026-05-31', '01.09.2025 – 31.05.2026'],
    ['2025-09-01', null, 'с 01.09.2025'],
    [null, '2026-05-31', 'по 31.05.2026'],
    [null, null, ''],
  ])('period %s – %s', (start, end, text) => {
    expect(periodText(start, end)).toBe(text);
  });

  it.each([
    [0, 1, 'выполнено 0 из 1 пункта'],
    [2, 3, 'выполнено 2 из 3 пунктов'],
    [5, 21, 'выполнено 5 из 21 пункта'],
  ])('%i of %i steps', (done, total, text) => {
    expect(stepsText(done, total)).toBe(text);
  });

  it('shows hours only when known', () => {
    expect(hoursText(36)).toBe('36 ч.');
    expect(hoursText(null)).toBe('');
  });
});
