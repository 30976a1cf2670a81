// Optimistic concurrency: a write carries the version the user saw. When the record moved on, we tell the
// user which fields changed since, in their words, instead of overwriting silently.

/** Fields whose values differ between the two snapshots, in the order of `labels`. */
export function changedFields<T extends Record<string, unknown>>(
  seen: Partial<T>,
  current: T,
  labels: Partial<Record<keyof T, string>>,
): string[] {
  const out: string[] = [];
  for (const key of Object.keys(labels) as (keyof T)[]) {
    if (!(key in seen)) continue;
    if (JSON.stringify(seen[key] ?? null) !== JSON.stringify(current[key] ?? null))
      out.push(labels[key] ?? String(key));
  }
  return out;
}

export function staleWriteMessage(changed: string[], currentVersion: number): string {
  const what = changed.length ? `изменены поля: ${changed.map((c) => `«${c}»`).join(', ')}` : 'запись изменена';
  return `Запись уже изменил другой пользователь (версия ${currentVersion}): ${what}. Обновите страницу, проверьте значения и сохраните ещё раз.`;
}
