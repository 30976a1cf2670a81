import { describe, expect, it } from 'vitest';
import { basedOnText, copyCodeOf, problemPlace, rulesChanged, thresholdsProblem } from './diagnosis-model.ts';

describe('the place of a model problem', () => {
  it('reads the model check paths and the request schema paths', () => {
    expect(problemPlace('factors[3]')).toEqual({ factor: 3, indicator: null });
    expect(problemPlace('factors[0].factor')).toEqual({ factor: 0, indicator: null });
    expect(problemPlace('factors[1].indicators[2].weight')).toEqual({ factor: 1, indicator: 2 });
    expect(problemPlace('rules.4.high')).toEqual({ factor: 4, indicator: null });
    expect(problemPlace('rules.4.indicators.0.weight')).toEqual({ factor: 4, indicator: 0 });
  });
  it('leaves other fields unplaced', () => {
    expect(problemPlace(undefined)).toBeNull();
    expect(problemPlace('version')).toBeNull();
    expect(problemPlace('indicators[0].questions[1]')).toBeNull();
    expect(problemPlace('factors[1]x')).toBeNull();
  });
});

describe('the thresholds', () => {
  it('need 0 ≤ medium ≤ high ≤ 100', () => {
    expect(thresholdsProblem({ high: 60, medium: 40 })).toBeNull();
    expect(thresholdsProblem({ high: 50, medium: 50 })).toBeNull();
    expect(thresholdsProblem({ high: 40, medium: 60 })).toMatch(/Пороги/);
    expect(thresholdsProblem({ high: 101, medium: 0 })).toMatch(/Пороги/);
    expect(thresholdsProblem({ high: 60, medium: -1 })).toMatch(/Пороги/);
    expect(thresholdsProblem({ high: Number.NaN, medium: 0 })).toMatch(/Пороги/);
  });
});

describe('the draft', () => {
  const saved = [{ factor: 'a', high: 60, medium: 40, indicators: [{ indicator: 'x', weight: 1 }] }];
  it('is changed by a threshold or a weight, not by a copy', () => {
    expect(rulesChanged(saved, structuredClone(saved))).toBe(false);
    expect(rulesChanged(saved, [{ ...saved[0]!, high: 61 }])).toBe(true);
    expect(rulesChanged(saved, [{ ...saved[0]!, indicators: [{ indicator: 'x', weight: 2 }] }])).toBe(true);
  });
  it('suggests a code for the copy', () => {
    expect(copyCodeOf('500-plus')).toBe('region-500-plus');
    expect(copyCodeOf('Risk_500')).toMatch(/^[a-z0-9-]{3,40}$/);
  });
});

describe('the source of a copy', () => {
  it('is named by its title when known', () => {
    const models = [{ code: '500plus', title: 'Рисковые профили' }];
    expect(basedOnText('500plus (версия 1)', models)).toBe('«Рисковые профили», версия 1');
    expect(basedOnText('other (версия 2)', models)).toBe('other (версия 2)');
  });
});
