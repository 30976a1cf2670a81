// The editor of a diagnosis model: where the server's problems belong (a factor's row, one of its indicators),
// the thresholds' check before saving, and whether the draft differs from the saved rules.

export interface ModelRule {
  factor: string;
  high: number;
  medium: number;
  indicators: { indicator: string; weight: number }[];
}

/** The place of a problem: `factors[2]`, `factors[2].indicators[0].weight` (the model's check) or
 * `rules.2.indicators.0.weight` (the request's schema) — the factor's row and, if named, its indicator. */
export function problemPlace(field: string | undefined): { factor: number; indicator: number | null } | null {
  if (!field) return null;
  const m = /^(?:factors\[(\d+)\]|rules\.(\d+))(?:\.indicators(?:\[(\d+)\]|\.(\d+)))?(?:\.|$)/.exec(field);
  if (!m) return null;
  const indicator = m[3] ?? m[4];
  return { factor: Number(m[1] ?? m[2]), indicator: indicator === undefined ? null : Number(indicator) };
}

/** The thresholds' rule the server checks: 0 ≤ medium ≤ high ≤ 100. */
export function thresholdsProblem(rule: Pick<ModelRule, 'high' | 'medium'>): string | null {
  const ok =
    Number.isFinite(rule.high) &&
    Number.isFinite(rule.medium) &&
    rule.medium >= 0 &&
    rule.medium <= rule.high &&
    rule.high <= 100;
  return ok ? null : 'Пороги: 0 ≤ средний ≤ высокий ≤ 100.';
}

/** Whether the draft changes the saved rules (thresholds or weights). */
export function rulesChanged(saved: readonly ModelRule[], draft: readonly ModelRule[]): boolean {
  if (saved.length !== draft.length) return true;
  return saved.some((s, n) => {
    const d = draft[n];
    if (!d || d.factor !== s.factor || d.high !== s.high || d.medium !== s.medium) return true;
    if (d.indicators.length !== s.indicators.length) return true;
    return s.indicators.some(
      (x, m) => d.indicators[m]?.indicator !== x.indicator || d.indicators[m]?.weight !== x.weight,
    );
  });
}

/** A suggested code of the region's copy: «region-500-plus» from «500-plus». */
export const copyCodeOf = (from: string): string =>
  `region-${from}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 40);

/** «на основе …» for people: the source's title instead of its code, «500plus (версия 1)» → ««Рисковые…», версия 1». */
export function basedOnText(basedOn: string, models: readonly { code: string; title: string }[]): string {
  const m = /^(\S+) \(версия (\d+)\)$/.exec(basedOn);
  const source = m ? models.find((x) => x.code === m[1]) : undefined;
  return m && source ? `«${source.title}», версия ${m[2]}` : basedOn;
}
