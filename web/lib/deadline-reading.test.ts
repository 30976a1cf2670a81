import { describe, expect, it } from 'vitest';
import { readDeadline } from '../../domain/deadline/read-deadline.ts';
import {
  deadlineKindLabels,
  describeReading,
  formatWindow,
  isoToRu,
  readingSummary,
  ruToIso,
} from './deadline-reading.ts';

const year2023 = { start: '2023-01-01', end: '2023-12-31' };

describe('dates as ДД.ММ.ГГГГ', () => {
  it.each([
    ['13.01.2023', '2023-01-13'],
    ['1.3.2023', '2023-03-01'],
    ['2023-01-13', '2023-01-13'],
    [' 29.02.2024 ', '2024-02-29'],
    ['29.02.2023', null],
    ['31.04.2023', null],
    ['00.01.2023', null],
    ['13.13.2023', null],
    ['13.01.23', null],
    ['', null],
  ])('%s → %s', (text, iso) => {
    expect(ruToIso(text)).toBe(iso);
  });

  it('shows ISO dates the Russian way and leaves other text alone', () => {
    expect(isoToRu('2023-01-13')).toBe('13.01.2023');
    expect(isoToRu(null)).toBe('');
    expect(isoToRu('январь')).toBe('январь');
  });
});

describe('windows', () => {
  it.each([
    [{ start: '2023-03-01', end: '2023-12-30' }, '01.03.2023–30.12.2023'],
    [{ start: null, end: '2023-08-25' }, 'до 25.08.2023'],
    [{ start: '2023-03-15', end: '2023-03-15' }, '15.03.2023'],
  ])('%j → %s', (w, text) => {
    expect(formatWindow(w)).toBe(text);
  });
});

describe('a reading as shown under the deadline', () => {
  it('names every kind in Russian', () => {
    expect(Object.values(deadlineKindLabels)).toEqual([
      'дата',
      'период',
      'несколько периодов',
      'регулярно',
      'весь период',
      'по плану другой организации',
      'по необходимости',
      'не распознан',
    ]);
  });

  it.each([
    ['Март 2023', 'период', '01.03.2023–31.03.2023', 'ok'],
    ['до 25.08.2023', 'дата', 'до 25.08.2023', 'ok'],
    ['Август, Ноябрь 2023', 'несколько периодов', '01.08.2023–31.08.2023; 01.11.2023–30.11.2023', 'ok'],
    ['В течение года', 'весь период', '01.01.2023–31.12.2023', 'ok'],
    ['По графику ИРО', 'по плану другой организации', '', 'ok'],
    ['по мере необходимости', 'по необходимости', '', 'ok'],
    ['01.03-30.12.2022', 'период', '01.03.2022–30.12.2022', 'warning'],
    ['когда-нибудь', 'не распознан', '', 'unreadable'],
  ])('«%s» → %s %s (%s)', (text, kind, windows, tone) => {
    const view = describeReading(readDeadline(text, year2023));
    expect(view.kind).toBe(kind);
    expect(view.windows).toBe(windows);
    expect(view.tone).toBe(tone);
    expect(view.warnings.length > 0).toBe(tone !== 'ok');
  });

  it('shows the first windows of a recurring deadline and counts the rest', () => {
    const view = describeReading(readDeadline('Ежемесячно', year2023));
    expect(view.kind).toBe('регулярно');
    expect(view.windows).toBe('01.01.2023–31.01.2023; 01.02.2023–28.02.2023; 01.03.2023–31.03.2023');
    expect(view.more).toBe(9);
    expect(readingSummary(readDeadline('Ежемесячно', year2023))).toBe(
      'Прочитано: регулярно, 01.01.2023–31.01.2023; 01.02.2023–28.02.2023; 01.03.2023–31.03.2023 и ещё 9',
    );
  });

  it('says plainly when nothing was read', () => {
    expect(readingSummary(readDeadline('', year2023))).toBe('Срок не распознан');
    expect(readingSummary(readDeadline('По графику ИРО', year2023))).toBe('Прочитано: по плану другой организации');
  });
});
