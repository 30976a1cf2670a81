// Files kept in the database (evidence, certificates, agreements): reading one's content and removing them.
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from './database.ts';
import { storedFiles } from './schema.ts';

export async function removeStoredFiles(ex: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await ex.delete(storedFiles).where(inArray(storedFiles.id, [...ids]));
}

export async function storedFileContent(ex: Executor, id: string): Promise<Uint8Array | null> {
  const [row] = await ex.select({ content: storedFiles.content }).from(storedFiles).where(eq(storedFiles.id, id));
  return row?.content ?? null;
}
