import { describe, expect, it } from 'vitest';
import {
  activityColumns,
  activityNumberLabel,
  describeAct,
  formatAct,
  formatPeriod,
  levelLabels,
  linesToList,
  listToLines,
} from './programme-format.ts';

describe('programme facts as shown', () => {
  it('names levels', () => {
    expect(levelLabels).toEqual({ region: 'Регион', municipality: 'Муниципалитет', school: 'Школа' });
  });

  it('shows the period as ДД.ММ.ГГГГ–ДД.ММ.ГГГГ', () => {
    expect(formatPeriod({ start: '2023-01-01', end: '2023-12-31' })).toBe('01.01.2023–31.12.2023');
    expect(formatPeriod(null)).toBe('—');
  });

  it.each([
    [{ number: '28/1', date: '2023-01-13' }, '№ 28/1 от 13.01.2023'],
    [{ number: ' 375-р ', date: null }, '№ 375-р'],
    [{ number: '', date: '2020-06-01' }, 'от 01.06.2020'],
    [{ number: '', date: null }, '—'],
  ])('act %j → %s', (act, text) => {
    expect(formatAct(act)).toBe(text);
  });

  it('describes the act with its kind', () => {
    expect(describeAct({ kind: 'приказ', authority: 'Министерство', number: '28/1', date: '2023-01-13' })).toBe(
      'приказ № 28/1 от 13.01.2023',
    );
    expect(describeAct({ kind: '', authority: '', number: '', date: null })).toBe('—');
  });
});

describe('activity numbers in button names', () => {
  it.each([
    ['30.', 1, '30'],
    ['2.10.', 1, '2.10'],
    ['1)', 1, '1'],
    ['', 4, '4'],
    ['  ', 2, '2'],
  ])('«%s» (place %i) → %s', (number, place, label) => {
    expect(activityNumberLabel(number, place)).toBe(label);
  });
});

describe('lists edited as lines', () => {
  it('takes one item per line and drops blank lines', () => {
    expect(linesToList('  первая задача \n\n вторая\r\nтретья\n')).toEqual(['первая задача', 'вторая', 'третья']);
    expect(linesToList('')).toEqual([]);
  });

  it('round-trips a list', () => {
    const list = ['один', 'два'];
    expect(linesToList(listToLines(list))).toEqual(list);
  });
});

describe('optional columns of the activity table', () => {
  const row = (
    o: Partial<Record<'responsible' | 'executors' | 'plannedResult' | 'indicator' | 'informationSupport', string>>,
  ) => ({
    responsible: '',
    executors: '',
    plannedResult: '',
    indicator: '',
    informationSupport: '',
    ...o,
  });
  it('shows the columns the document fills in', () => {
    expect(
      activityColumns([
        row({ executors: 'Руководители школ' }),
        row({ indicator: '100% ОО', informationSupport: ' ' }),
      ]),
    ).toEqual({
      responsible: false,
      executors: true,
      plannedResult: false,
      indicator: true,
      informationSupport: false,
    });
    expect(activityColumns([row({ responsible: 'ИРО', executors: 'школы' })]).responsible).toBe(true);
    expect(activityColumns([])).toEqual({
      responsible: true,
      executors: false,
      plannedResult: false,
      indicator: false,
      informationSupport: false,
    });
  });
});
