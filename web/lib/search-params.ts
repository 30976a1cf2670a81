// Filters live in the URL so a list can be bookmarked, shared and reached from the territory tree.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as Record<K, string | undefined>;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  /** Sets filters; any filter change returns to the first page. */
  const update = useCallback(
    (changes: Partial<Record<K | 'page', string | number | null | undefined>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in changes) || changes.page === 1) next.delete('page');
          return next;
        },
        { replace: !('page' in changes) },
      );
    },
    [setParams],
  );

  return { values, page, update };
}

/** One page of rows filtered in the browser, and the pager for it (the page number lives in the URL). */
export function pageOfRows<T>(rows: readonly T[], page: number, pageSize: number, onChange: (page: number) => void) {
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(page, pages);
  return {
    current,
    rows: rows.slice((current - 1) * pageSize, current * pageSize),
    pagination: { page: current, pageSize, total: rows.length, onChange },
  };
}
