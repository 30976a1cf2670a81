// Professional development of school staff: when a member of staff counts as trained, and how the steps of
// an individual development plan (ИОМ, «индивидуальный образовательный маршрут») relate to the deficits they
// address. Pure rules: «today» is a parameter.

/**
 * A teacher has the right — and the professional standard the duty — to further professional education at
 * least once in three years (Federal Law 273-FZ «Об образовании в Российской Федерации», art. 47 part 5
 * item 2). Coverage indicators such as seed 003's «≥ 90 % of teachers trained» count courses in that window.
 */
export const trainingPeriodYears = 3;

/** The first day that still counts: «2026-11-24» → «2023-11-24»; 29 February falls back to 28 February. */
export function trainedSince(today: string, years = trainingPeriodYears): string {
  const [y, m, d] = today.split('-');
  const year = String(Number(y) - years).padStart(4, '0');
  const day = m === '02' && d === '29' ? '28' : d;
  return `${year}-${m}-${day}`;
}

/** Whether a course completed on `completedOn` (ISO) counts as training in the window ending `today`. */
export function isTrainedOn(completedOn: string | null, today: string): boolean {
  return completedOn !== null && completedOn >= trainedSince(today) && completedOn <= today;
}

export interface PlanStep {
  key: string;
  action: string;
  due: string | null;
  deficitId: string | null;
  done: boolean;
}

/** How far the plan steps addressing one deficit have gone. */
export interface DeficitProgress {
  steps: number;
  done: number;
}

/** For every deficit named by a step: how many steps address it and how many of them are done. */
export function deficitProgress(plans: readonly { items: readonly PlanStep[] }[]): Map<string, DeficitProgress> {
  const out = new Map<string, DeficitProgress>();
  for (const plan of plans)
    for (const step of plan.items) {
      if (!step.deficitId) continue;
      const p = out.get(step.deficitId) ?? { steps: 0, done: 0 };
      p.steps += 1;
      if (step.done) p.done += 1;
      out.set(step.deficitId, p);
    }
  return out;
}

/**
 * A deficit may be marked addressed by the user when every step addressing it is done (or no step addresses
 * it: the deficit was overcome another way). The system never closes it by itself: whether a deficit is
 * overcome is a professional judgement, usually after a repeated diagnostic.
 */
export const canMarkAddressed = (p: DeficitProgress | undefined): boolean => !p || p.done === p.steps;

/** Duplicate keys among the steps of one plan, each named once. */
export function duplicateKeys(steps: readonly { key: string }[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const s of steps) (seen.has(s.key) ? dup : seen).add(s.key);
  return [...dup];
}
