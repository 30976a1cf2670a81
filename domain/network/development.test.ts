import { describe, expect, it } from 'vitest';
import {
  canMarkAddressed,
  deficitProgress,
  duplicateKeys,
  isTrainedOn,
  type PlanStep,
  trainedSince,
} from './development.ts';

describe('trainedSince: the three-year window of 273-FZ art. 47', () => {
  it.each([
    ['2026-11-24', '2023-11-24'],
    ['2024-02-29', '2021-02-28'],
    ['2025-01-01', '2022-01-01'],
  ])('%s → %s', (today, since) => {
    expect(trainedSince(today)).toBe(since);
  });
});

describe('isTrainedOn', () => {
  const today = '2026-11-24';
  it.each([
    ['2023-11-23', false], // a day too early
    ['2023-11-24', true], // the first day that counts
    ['2026-11-24', true], // today
    ['2026-11-25', false], // a future date is not a completed course
    [null, false],
  ])('course of %s → %s', (completedOn, trained) => {
    expect(isTrainedOn(completedOn, today)).toBe(trained);
  });
});

const step = (key: string, deficitId: string | null, done: boolean): PlanStep => ({
  key,
  action: `шаг ${key}`,
  due: null,
  deficitId,
  done,
});

describe('deficits and the plan steps addressing them', () => {
  const plans = [
    { items: [step('a', 'd1', true), step('b', 'd1', false), step('c', null, false)] },
    { items: [step('a', 'd1', true), step('b', 'd2', true)] },
  ];
  const progress = deficitProgress(plans);

  it('counts steps and done steps per deficit across plans', () => {
    expect(Object.fromEntries(progress)).toEqual({ d1: { steps: 3, done: 2 }, d2: { steps: 1, done: 1 } });
  });

  it.each([
    ['d1', false], // one step still open
    ['d2', true], // every step done
    ['d3', true], // no step addresses it: the user judges
  ])('%s may be marked addressed: %s', (id, may) => {
    expect(canMarkAddressed(progress.get(id))).toBe(may);
  });

  it('names each duplicate key once', () => {
    expect(duplicateKeys([{ key: 'a' }, { key: 'b' }, { key: 'a' }, { key: 'a' }])).toEqual(['a']);
    expect(duplicateKeys([{ key: 'a' }, { key: 'b' }])).toEqual([]);
  });
});
