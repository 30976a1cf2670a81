// Assessment results as Опора keeps them: one record per school, procedure and year, with counts (never
// percentages: a file with percentages is converted to counts on import, so shares are always exact).
// The three kinds follow the canonical files of the identification issue: vpr.csv, gia.csv, journal.csv.

export const resultKinds = ['vpr', 'gia', 'journal'] as const;
export type ResultKind = (typeof resultKinds)[number];

export const resultKindLabels: Record<ResultKind, string> = {
  vpr: 'Результаты ВПР',
  gia: 'Результаты ГИА (ОГЭ, ЕГЭ)',
  journal: 'Сопоставление отметок ВПР и журнала',
};

/** Canonical CSV columns of each kind, in order (the templates write exactly these). */
export const resultColumns = {
  vpr: ['year', 'school_code', 'subject', 'grade', 'participants', 'n2', 'n3', 'n4', 'n5'],
  gia: ['year', 'school_code', 'exam', 'subject', 'participants', 'below_min'],
  journal: ['year', 'school_code', 'subject', 'grade', 'participants', 'lowered', 'confirmed', 'raised'],
} as const satisfies Record<ResultKind, readonly string[]>;
export type ResultColumn<K extends ResultKind> = (typeof resultColumns)[K][number];

export const exams = ['ОГЭ', 'ЕГЭ'] as const;
export type Exam = (typeof exams)[number];

/** ВПР marks of one school in one subject and grade in one year. */
export interface VprResult {
  year: number;
  schoolCode: string;
  subject: string;
  grade: number;
  participants: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
}

/** ОГЭ or ЕГЭ of one school in one subject in one year: how many did not reach the minimum score. */
export interface GiaResult {
  year: number;
  schoolCode: string;
  exam: Exam;
  subject: string;
  participants: number;
  belowMin: number;
}

/** ВПР mark compared with the journal mark: понизили / подтвердили / повысили. */
export interface JournalResult {
  year: number;
  schoolCode: string;
  subject: string;
  grade: number;
  participants: number;
  lowered: number;
  confirmed: number;
  raised: number;
}

export interface ResultsByKind {
  vpr: VprResult[];
  gia: GiaResult[];
  journal: JournalResult[];
}
export type ResultOf<K extends ResultKind> = ResultsByKind[K][number];

/** A school as identification needs it. */
export interface IdentificationSchool {
  code: string;
  name: string;
  type: string;
  municipality: string;
}

/** Subjects as the results use them (lower case, as the issue and the federal forms write them). */
export const knownSubjects = {
  vpr: [
    'русский язык',
    'математика',
    'окружающий мир',
    'история',
    'обществознание',
    'биология',
    'география',
    'физика',
    'химия',
    'английский язык',
    'немецкий язык',
    'французский язык',
    'информатика',
    'литература',
  ],
  // The four of the identification rules first; the other exam subjects are accepted too, because regional
  // exports (РЦОИ) hold every subject in one table, and are stored without being used by the presets.
  gia: [
    'русский язык',
    'математика',
    'математика (профильная)',
    'математика (базовая)',
    'физика',
    'химия',
    'биология',
    'история',
    'обществознание',
    'география',
    'литература',
    'информатика',
    'английский язык',
    'немецкий язык',
    'французский язык',
  ],
} as const;

/** Grades in which ВПР are written. */
export const vprGrades = [4, 5, 6, 7, 8, 10, 11] as const;
