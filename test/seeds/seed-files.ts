// The five real programmes in ../shared/seeds. CI always has them; a fresh clone without shared/ skips
// the tests that need them and says so.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const seedsDir = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
export const seedsPresent = existsSync(seedsDir);
if (!seedsPresent) console.warn(`Тесты на реальных документах пропущены: папка ${seedsDir} не найдена.`);

export function seedFile(prefix: string): { name: string; text: string; bytes: Uint8Array } {
  const name = readdirSync(seedsDir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} not found in ${seedsDir}`);
  const bytes = readFileSync(path.join(seedsDir, name));
  return { name, text: bytes.toString('utf8'), bytes };
}
