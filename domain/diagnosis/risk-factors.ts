// The catalogue of risk factors a school's profile is built of: the ten factors of the «500+» project and the
// eight challenges seed 003 names. A catalogue is versioned data: a region may copy it and edit its own
// version; profiles keep the version they were computed with.

export interface RiskFactor {
  /** Stable within a catalogue: profiles, measures and scoring refer to it. */
  key: string;
  title: string;
  /** What the factor means in a school, for the profile page and the explanation. */
  description: string;
}

export interface RiskCatalogue {
  code: string;
  version: number;
  title: string;
  factors: RiskFactor[];
}

/** The ten risk factors of the «500+» project, as schools' profiles name them. */
export const factors500: RiskFactor[] = [
  {
    key: 'equipment',
    title: 'Низкий уровень оснащения школы',
    description: 'Нехватка учебного оборудования, компьютеров, доступа к сети, учебных пространств.',
  },
  {
    key: 'staff-shortage',
    title: 'Дефицит педагогических кадров',
    description: 'Вакансии, совместительство, нагрузка выше нормы, преподавание не по специальности.',
  },
  {
    key: 'competence',
    title: 'Недостаточная предметная и методическая компетентность педагогических работников',
    description: 'Затруднения учителей в предмете и методике, в оценивании результатов.',
  },
  {
    key: 'adaptivity',
    title: 'Риски низкой адаптивности учебного процесса',
    description: 'Обучение не учитывает различия учеников: нет дифференциации, индивидуальных маршрутов.',
  },
  {
    key: 'professional-development',
    title: 'Несформированность внутришкольной системы повышения квалификации',
    description: 'Нет системы наставничества, методических объединений, обмена опытом внутри школы.',
  },
  {
    key: 'failure-risk',
    title: 'Высокая доля обучающихся с рисками учебной неуспешности',
    description: 'Много учеников с трудностями в обучении, неуспевающих, с пропусками занятий.',
  },
  {
    key: 'language-barriers',
    title: 'Низкое качество преодоления языковых и культурных барьеров',
    description: 'Ученики, для которых русский язык не родной, без поддержки в освоении языка обучения.',
  },
  {
    key: 'environment',
    title: 'Пониженный уровень качества школьной образовательной и воспитательной среды',
    description: 'Климат в школе, безопасность, отношения между учениками и учителями.',
  },
  {
    key: 'parents',
    title: 'Низкий уровень вовлеченности родителей',
    description: 'Родители не участвуют в жизни школы и в обучении детей.',
  },
  {
    key: 'motivation',
    title: 'Низкая учебная мотивация обучающихся',
    description: 'Ученики не видят смысла в учёбе, низкая познавательная активность.',
  },
];

/** The eight challenges of seed 003 (a municipal project «План быстрых преобразований»). */
export const challenges003: RiskFactor[] = [
  { key: 'c1-staff-shortage', title: 'Дефицит педагогических кадров', description: '' },
  {
    key: 'c2-competence',
    title:
      'Недостаточная предметная, методическая или психолого-педагогическая компетентность педагогических работников',
    description: '',
  },
  { key: 'c3-equipment', title: 'Недостаточная материально-техническая база', description: '' },
  {
    key: 'c4-management-motivation',
    title: 'Низкая мотивация АУП ОУ на улучшение образовательных результатов обучающихся',
    description: '',
  },
  {
    key: 'c5-assessment',
    title: 'Отсутствие или недостаточная эффективность системы объективной оценки результатов обучения',
    description: '',
  },
  {
    key: 'c6-collaboration',
    title: 'Недостаточно развитое профессиональное взаимодействие в педагогическом коллективе',
    description: '',
  },
  {
    key: 'c7-learning-difficulties',
    title: 'Низкая эффективность работы с обучающимися, имеющими трудности в обучении',
    description: '',
  },
  {
    key: 'c8-inclusion',
    title:
      'Низкое качество адаптации и инклюзии в образовательную среду обучающихся с ограниченными возможностями здоровья (ОВЗ)',
    description: '',
  },
];

export const presetCatalogues: RiskCatalogue[] = [
  { code: '500plus', version: 1, title: 'Рисковые профили школ проекта «500+»', factors: factors500 },
  { code: 'challenges-003', version: 1, title: 'Вызовы муниципального проекта (8 вызовов)', factors: challenges003 },
];
