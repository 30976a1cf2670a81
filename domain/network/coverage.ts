// Coverage indicators counted, not typed: the share of an audience (directors, deputies, teachers of given
// subjects at the programme's target schools) who attended the programme's events or completed a course.
// The wording of a target indicator suggests its audience and measure; the count explains itself.
import { percentOf } from '../execution/rollup.ts';
import { type EventKind, eventKindLabels, inAudience } from './events.ts';
import { readSubjects, type StaffCategory, staffCategoryGenitive } from './staff.ts';

export type CoverageMeasure = 'attended' | 'trained';

export interface CoverageSpec {
  categories: StaffCategory[];
  /** Restricts the teachers counted; management is counted regardless. */
  subjects: string[];
  /** attended: marked present at an event of the programme (of the kinds given); trained: a course completed. */
  measure: CoverageMeasure;
  /** For `attended`: which kinds of events count; empty means any. */
  eventKinds: EventKind[];
}

const has = (t: string, re: RegExp) => re.test(t);
/** Subjects a coverage wording may restrict teachers to (the spellings readSubjects gives). */
const subjectNamed =
  /^(русский язык|математика|начальные классы|литература|физика|химия|биология|информатика|иностранный язык|история|обществознание|география)$/;

const normal = (wording: string) => wording.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

/**
 * The staff a wording names: «заместителей руководителей» → deputies; «руководящих работников» → directors
 * and deputies; «учителей русского языка и математики» → teachers of those subjects; «педагогических
 * работников» → teachers and specialists.
 */
export function staffNamed(wording: string): Pick<CoverageSpec, 'categories' | 'subjects'> {
  const t = normal(wording);
  const categories = new Set<StaffCategory>();
  const deputies = /заместител\S* (руководител|директор)\S*/g;
  if (has(t, deputies)) categories.add('deputy');
  const rest = t.replace(deputies, ' ');
  if (has(rest, /руководящ\S* работник|руководител\S* (оу|оо|образовательн|школ)|администрац/)) {
    categories.add('director');
    categories.add('deputy');
  }
  if (has(rest, /(^|[^а-я])директор(ов|а|ы|ами)?([^а-я]|$)/)) categories.add('director');
  // «… к общей численности указанных групп педагогических работников» refers back to those already named.
  const own = t.replace(/указанн\S* (\S+ )?педагогическ\S* работник\S*/g, ' ');
  // «педагогов» names the audience only as the share's own noun («доля педагогов»), not «компетентности педагогов».
  if (has(own, /учител|педагогическ\S* работник|(доля|%|процент\S*) педагогов/)) categories.add('teacher');
  if (has(own, /педагогическ\S* работник/)) categories.add('specialist');
  // Subjects named next to teachers: «учителей начальных классов, учителей русского языка и математики».
  const subjects = categories.has('teacher')
    ? readSubjects(t.match(/учител[^.;]*/)?.[0] ?? '').filter((s) => s !== '' && subjectNamed.test(s))
    : [];
  return { categories: [...categories], subjects };
}

/**
 * The coverage a wording asks for, or null when it names no audience of staff. «Доля заместителей
 * руководителей …, прошедших курсы повышения квалификации» → deputies, trained; «100% директоров ОУ … примут
 * участие в вебинаре» → directors, attended webinars; «не менее 90 % руководящих работников, учителей
 * начальных классов, учителей русского языка и математики» → management and those teachers.
 */
export function suggestCoverage(wording: string): CoverageSpec | null {
  const t = normal(wording);
  const { categories, subjects } = staffNamed(wording);
  if (categories.length === 0) return null;
  const trained = has(
    t,
    /прошедш\S* (курс|повышени|переподготовк|обучени)|повышени\S* квалификац|курсов\S* подготовк|обучен/,
  );
  const attended = has(t, /участи|охвачен|посетивш|присутств/);
  if (!trained && !attended) return null;
  const eventKinds: EventKind[] = [];
  for (const [re, kind] of [
    [/вебинар/, 'webinar'],
    [/семинар/, 'seminar'],
    [/совещани/, 'meeting'],
    [/консультац/, 'consultation'],
  ] as const)
    if (has(t, re)) eventKinds.push(kind);
  return {
    categories,
    subjects,
    measure: trained && !has(t, /примут участие|охвачен\S* методическ/) ? 'trained' : 'attended',
    eventKinds: trained ? [] : eventKinds,
  };
}

export interface StaffMember {
  id: string;
  category: StaffCategory;
  subjects: readonly string[];
}

export interface CoverageCount {
  audience: number;
  covered: number;
  value: number | null;
  explanation: string;
}

/** Who the spec covers, in words: «директоров и заместителей директоров, учителей (русский язык, математика)». */
export function audienceText(spec: Pick<CoverageSpec, 'categories' | 'subjects'>): string {
  const parts = spec.categories.map((c) =>
    c === 'teacher' && spec.subjects.length > 0
      ? `${staffCategoryGenitive[c]} (${spec.subjects.join(', ')})`
      : staffCategoryGenitive[c],
  );
  return parts.join(', ');
}

export function measureText(spec: Pick<CoverageSpec, 'measure' | 'eventKinds'>): string {
  if (spec.measure === 'trained') return 'прошли курсы повышения квалификации';
  if (spec.eventKinds.length === 0) return 'участвовали в мероприятиях программы';
  return `участвовали в мероприятиях программы (${spec.eventKinds.map((k) => eventKindLabels[k]).join(', ')})`;
}

/** The share of the audience among `staff` whose id is in `counted`, with its explanation in numbers. */
export function countCoverage(
  spec: CoverageSpec,
  staff: readonly StaffMember[],
  counted: ReadonlySet<string>,
  schools: number,
): CoverageCount {
  const audience = staff.filter((p) => inAudience(spec, p));
  const covered = audience.filter((p) => counted.has(p.id)).length;
  const value = percentOf(covered, audience.length);
  const who = audienceText(spec);
  const explanation =
    audience.length === 0
      ? `В ${schools} целевых школах нет сотрудников категории «${who}»: внесите сотрудников школ.`
      : `${measureText(spec)[0]!.toUpperCase()}${measureText(spec).slice(1)}: ${covered} из ${audience.length} ${who} целевых школ (${schools}).`;
  return { audience: audience.length, covered, value, explanation };
}
