import { describe, expect, it } from 'vitest';
import { safeNext } from './return-path.ts';

describe('safeNext', () => {
  it.each([
    ['/organisations?regionId=1', '/organisations?regionId=1'],
    ['/users', '/users'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/path', '/'],
    ['/\\evil.example', '/'],
    ['/login', '/'],
    ['/login?next=/users', '/'],
    ['organisations', '/'],
  ])('%j → %s', (next, to) => {
    expect(safeNext(next)).toBe(to);
  });
});
