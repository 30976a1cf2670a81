import { describe, expect, it } from 'vitest';
import {
  closedSurveyText,
  defaultCampaignId,
  levelCounts,
  newRespondentKey,
  periodOptions,
  profileChartData,
  readStoredSurvey,
  scaleEnds,
  scaleQuestionText,
  shortFactorName,
  surveyStorageKey,
  writeStoredSurvey,
} from './diagnosis-format.ts';

describe('the respondent key', () => {
  it('is 32 characters of base64url from 24 random bytes, as the server accepts', () => {
    const key = newRespondentKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newRespondentKey()).not.toBe(key);
    expect(newRespondentKey((b) => b.fill(255))).toBe('_'.repeat(32));
  });
});

describe('answers kept in the browser', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
  };
  it('are read back by code (any case) and group', () => {
    const s = memory();
    const kept = {
      key: 'a'.repeat(32),
      answers: { 'd-internet': 'no', 't-equipment': ['lab'], 'd-vacancies': 2 },
      submitted: false,
      savedAt: null,
    };
    writeStoredSurvey(s, 'abcd2345ef', 'director', kept);
    expect(s.m.has(surveyStorageKey('ABCD2345EF', 'director'))).toBe(true);
    expect(readStoredSurvey(s, 'ABCD2345EF', 'director')).toEqual(kept);
    expect(readStoredSurvey(s, 'ABCD2345EF', 'teacher')).toBeNull();
  });
  it('drop what is not an answer, and a broken or foreign record is nothing kept', () => {
    const s = memory();
    s.setItem(
      surveyStorageKey('X1', 'teacher'),
      JSON.stringify({ key: 'b'.repeat(20), answers: { a: 1, b: { x: 1 }, c: [1] } }),
    );
    expect(readStoredSurvey(s, 'X1', 'teacher')).toEqual({
      key: 'b'.repeat(20),
      answers: { a: 1 },
      submitted: false,
      savedAt: null,
    });
    s.setItem(surveyStorageKey('X2', 'teacher'), '{not json');
    expect(readStoredSurvey(s, 'X2', 'teacher')).toBeNull();
    s.setItem(surveyStorageKey('X3', 'teacher'), JSON.stringify({ key: 'short', answers: {} }));
    expect(readStoredSurvey(s, 'X3', 'teacher')).toBeNull();
    expect(readStoredSurvey(null, 'X1', 'teacher')).toBeNull();
  });
});

describe('the questionnaire', () => {
  it('shows the words at the ends of a scale, and the question without them', () => {
    const text = 'Оцените свою нагрузку от 1 (посильная) до 5 (чрезмерная)';
    expect(scaleEnds(text, 1, 5)).toEqual({ min: '1 — посильная', max: '5 — чрезмерная' });
    expect(scaleQuestionText(text)).toBe('Оцените свою нагрузку');
    expect(scaleQuestionText('Насколько вам комфортно в школе: от 1 (совсем нет) до 5 (очень)')).toBe(
      'Насколько вам комфортно в школе',
    );
    expect(scaleEnds('Оцените уроки', 0, 10)).toEqual({ min: '0', max: '10' });
    expect(scaleQuestionText('Оцените уроки')).toBe('Оцените уроки');
  });
  it('says why it does not take answers, with its dates', () => {
    expect(closedSurveyText('2026-03-01', '2026-03-31', '2026-02-20')).toBe(
      'Анкетирование ещё не началось: оно пройдёт с 01.03.2026 по 31.03.2026.',
    );
    expect(closedSurveyText('2026-03-01', '2026-03-31', '2026-04-01')).toBe(
      'Анкетирование завершено: ответы принимались с 01.03.2026 по 31.03.2026.',
    );
  });
});

describe('profiles', () => {
  const history = (levels: Record<string, 'high' | 'no-data'>[]) =>
    levels.map((l, i) => ({ campaign: { id: `c${i}` }, levels: l }));
  it('open on the newest campaign with answers, else the newest', () => {
    expect(defaultCampaignId(history([{ a: 'high' }, { a: 'no-data' }]))).toBe('c0');
    expect(defaultCampaignId(history([{ a: 'high' }, { a: 'high' }]))).toBe('c1');
    expect(defaultCampaignId(history([{ a: 'no-data' }, { a: 'no-data' }]))).toBe('c1');
    expect(defaultCampaignId([])).toBeNull();
  });
  it('count levels and give the chart its thresholds', () => {
    expect(levelCounts({ a: 'high', b: 'high', c: 'low', d: 'no-data' })).toEqual({
      high: 2,
      medium: 0,
      low: 1,
      'no-data': 1,
    });
    const chart = profileChartData([
      { title: 'А', value: 62.5, level: 'high', high: 60, medium: 35 },
      { title: 'Б', value: null, level: 'no-data', high: 70, medium: 40 },
    ]);
    expect(chart).toMatchObject({ high: 60, medium: 35, highs: [60, 70], mediums: [35, 40], values: [62.5, null] });
    expect(chart.description).toBe('высокий риск — 1, средний — 0, низкий — 0, нет данных — 1 из 2 факторов');
  });
  it('name factors briefly in narrow columns', () => {
    expect(shortFactorName('equipment', 'Низкий уровень оснащения школы')).toBe('Оснащение');
    expect(shortFactorName('c3-equipment', 'Недостаточная материально-техническая база')).toBe(
      'Недостаточная материально-техническая база',
    );
    expect(shortFactorName('c5', 'Отсутствие или недостаточная эффективность системы')).toBe(
      'Отсутствие или недостаточная…',
    );
  });
});

describe('form periods', () => {
  it('offer the years around now and those already used, newest first', () => {
    expect(periodOptions(['2021'], 2026)).toEqual(['2027', '2026/2027', '2026', '2025/2026', '2025', '2021']);
  });
});
