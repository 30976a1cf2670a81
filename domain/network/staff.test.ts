import { describe, expect, it } from 'vitest';
import { commonSubjects, readSubjects, staffCategoryOf } from './staff.ts';

describe('staffCategoryOf', () => {
  it.each([
    ['Директор', 'director'],
    ['и.о. директора', 'director'],
    ['Заместитель директора по УВР', 'deputy'],
    ['зам. директора', 'deputy'],
    ['Учитель математики', 'teacher'],
    ['педагог дополнительного образования', 'teacher'],
    ['Педагог-психолог', 'specialist'],
    ['учитель-логопед', 'specialist'],
    ['Социальный педагог', 'specialist'],
    ['Заведующий хозяйством', 'director'],
    ['Секретарь', 'other'],
    ['', 'other'],
  ])('%s → %s', (position, category) => {
    expect(staffCategoryOf(position)).toBe(category);
  });
});

describe('readSubjects', () => {
  it.each([
    ['учитель русского языка и литературы', ['русский язык', 'литература']],
    ['математика, физика', ['математика', 'физика']],
    ['Начальные классы', ['начальные классы']],
    ['ОБЖ', ['обж']],
    ['', []],
  ])('%s', (text, subjects) => {
    expect(readSubjects(text)).toEqual(subjects);
  });
});

describe('commonSubjects', () => {
  it('are the spellings readSubjects gives, each read back as itself', () => {
    expect(commonSubjects).toContain('математика');
    expect(commonSubjects).toContain('русский язык');
    for (const s of commonSubjects) expect(readSubjects(s)).toEqual([s]);
  });

  it.each([
    ['Учитель математики', ['математика']],
    ['учитель физической культуры', []],
    ['Учитель истории и обществознания', ['история', 'обществознание']],
  ])('the known subjects of «%s»', (position, subjects) => {
    expect(readSubjects(position).filter((s) => commonSubjects.includes(s))).toEqual(subjects);
  });
});
