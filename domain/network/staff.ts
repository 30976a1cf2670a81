// Staff of schools with the least personal data the coverage indicators need: a category read from the
// position as users write it, and the subjects taught. Coverage counts people by category and subject.

export const staffCategories = ['director', 'deputy', 'teacher', 'specialist', 'other'] as const;
export type StaffCategory = (typeof staffCategories)[number];

export const staffCategoryLabels: Record<StaffCategory, string> = {
  director: 'директор',
  deputy: 'заместитель директора',
  teacher: 'учитель',
  specialist: 'специалист (педагог-психолог, логопед, социальный педагог)',
  other: 'другое',
};

/** Plural forms for audiences and coverage («директоров», «учителей»). */
export const staffCategoryGenitive: Record<StaffCategory, string> = {
  director: 'директоров',
  deputy: 'заместителей директоров',
  teacher: 'учителей',
  specialist: 'специалистов',
  other: 'прочих сотрудников',
};

/**
 * The category of a position: «Директор», «и.о. директора» → director; «Заместитель директора по УВР»,
 * «зам. директора» → deputy; «учитель математики», «педагог дополнительного образования» → teacher;
 * «педагог-психолог», «учитель-логопед», «социальный педагог», «дефектолог» → specialist. Deputies are
 * tested before directors, specialists before teachers.
 */
export function staffCategoryOf(position: string): StaffCategory {
  const p = position.toLowerCase().replace(/ё/g, 'е');
  if (/зам(\.|еститель|\s)|замдиректора/.test(p)) return 'deputy';
  if (/директор|руководитель\s+(оо|образовательн|школ)|заведующ/.test(p)) return 'director';
  if (/психолог|логопед|дефектолог|социальн\S*\s+педагог|тьютор/.test(p)) return 'specialist';
  if (/учител|педагог|преподавател|воспитател/.test(p)) return 'teacher';
  return 'other';
}

/** Subjects as teachers' records name them; one spelling per subject so coverage can filter by it. */
const subjectSpellings: [RegExp, string][] = [
  [/русск/, 'русский язык'],
  [/математ|алгебр|геометр/, 'математика'],
  [/начальн/, 'начальные классы'],
  [/литератур/, 'литература'],
  [/физик/, 'физика'],
  [/хими/, 'химия'],
  [/биолог/, 'биология'],
  [/географ/, 'география'],
  [/истори/, 'история'],
  [/обществ/, 'обществознание'],
  [/информат/, 'информатика'],
  [/английск|немецк|французск|иностранн/, 'иностранный язык'],
];

/** The subjects spelled one way, offered as choices; other subjects are kept as users write them. */
export const commonSubjects: readonly string[] = subjectSpellings.map(([, s]) => s);

/** «учитель русского языка и литературы» → ['русский язык', 'литература']; unknown words are kept as written. */
export function readSubjects(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,;]|\s+и\s+/)) {
    const p = part.trim().toLowerCase().replace(/ё/g, 'е');
    if (!p) continue;
    const known = subjectSpellings.filter(([re]) => re.test(p)).map(([, s]) => s);
    const add = known.length > 0 ? known : [p.replace(/^учитель\s+/, '')];
    for (const s of add) if (s && !out.includes(s)) out.push(s);
  }
  return out;
}
