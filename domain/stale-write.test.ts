import { describe, expect, it } from 'vitest';
import { changedFields, staleWriteMessage } from './stale-write.ts';

describe('stale write explanation', () => {
  const labels = { name: 'Наименование', address: 'Адрес', urban: 'Городская/сельская' };
  it('names the fields that differ, in label order', () => {
    expect(
      changedFields({ name: 'a', address: 'x', urban: true }, { name: 'b', address: 'x', urban: false }, labels),
    ).toEqual(['Наименование', 'Городская/сельская']);
  });
  it('ignores fields absent from the earlier snapshot', () => {
    expect(changedFields({ name: 'a' }, { name: 'a', address: 'y', urban: null }, labels)).toEqual([]);
  });
  it('says what to do', () => {
    const m = staleWriteMessage(['Адрес'], 4);
    expect(m).toContain('«Адрес»');
    expect(m).toContain('версия 4');
    expect(m).toContain('Обновите страницу');
  });
});
