// The questionnaires and scoring model shipped for the ten «500+» risk factors: what a region starts from and
// adjusts (weights, thresholds, questions) as its own version. Questions are ours, short and answerable by
// a director, a teacher, a student or a parent in a few minutes.
import { factors500, type RiskFactor } from './risk-factors.ts';
import type { Question, ScoringModel } from './scoring.ts';

const yesNo = (riskIfNo: number, riskIfYes = 0) => [
  { key: 'yes', text: 'Да', score: riskIfYes },
  { key: 'partly', text: 'Частично', score: Math.round((riskIfNo + riskIfYes) / 2) },
  { key: 'no', text: 'Нет', score: riskIfNo },
];
const agree = [
  { key: 'agree', text: 'Согласен', score: 0 },
  { key: 'rather-agree', text: 'Скорее согласен', score: 30 },
  { key: 'rather-disagree', text: 'Скорее не согласен', score: 70 },
  { key: 'disagree', text: 'Не согласен', score: 100 },
];
const share = (text: string, key: string, group: Question['group']): Question => ({
  key,
  group,
  type: 'number',
  text,
  steps: [
    { upTo: 5, score: 0 },
    { upTo: 15, score: 40 },
    { upTo: 30, score: 70 },
    { upTo: 100, score: 100 },
  ],
});

export const questions500: Question[] = [
  // director
  {
    key: 'd-internet',
    group: 'director',
    type: 'single',
    text: 'Во всех ли учебных кабинетах есть доступ к сети Интернет?',
    options: yesNo(100),
  },
  {
    key: 'd-computers',
    group: 'director',
    type: 'single',
    text: 'Хватает ли компьютеров для уроков информатики и цифровых ресурсов?',
    options: yesNo(100),
  },
  {
    key: 'd-lab',
    group: 'director',
    type: 'single',
    text: 'Есть ли оборудование для практических и лабораторных работ по естественным наукам?',
    options: yesNo(80),
  },
  {
    key: 'd-vacancies',
    group: 'director',
    type: 'number',
    text: 'Сколько вакансий учителей сейчас в школе?',
    steps: [
      { upTo: 0, score: 0 },
      { upTo: 1, score: 50 },
      { upTo: 3, score: 80 },
      { upTo: 1000, score: 100 },
    ],
  },
  share('Какая доля уроков ведётся учителями не по специальности (%)?', 'd-non-specialist', 'director'),
  {
    key: 'd-mentoring',
    group: 'director',
    type: 'single',
    text: 'Действует ли в школе система наставничества для учителей?',
    options: yesNo(100),
  },
  {
    key: 'd-method-units',
    group: 'director',
    type: 'single',
    text: 'Работают ли методические объединения учителей, обсуждаются ли результаты оценочных процедур?',
    options: yesNo(80),
  },
  share('Какая доля обучающихся не освоила программу по итогам прошлого года (%)?', 'd-failing', 'director'),
  share('Какая доля обучающихся, для которых русский язык не родной (%)?', 'd-non-native', 'director'),
  {
    key: 'd-language-support',
    group: 'director',
    type: 'single',
    text: 'Есть ли занятия по русскому языку как неродному для тех, кому они нужны?',
    options: yesNo(100),
  },
  {
    key: 'd-differentiation',
    group: 'director',
    type: 'single',
    text: 'Есть ли индивидуальные образовательные маршруты для обучающихся с трудностями в обучении?',
    options: yesNo(100),
  },
  // teacher
  {
    key: 't-difficulty-subject',
    group: 'teacher',
    type: 'single',
    text: 'Испытываете ли вы затруднения в преподавании отдельных тем предмета?',
    options: [
      { key: 'no', text: 'Нет', score: 0 },
      { key: 'some', text: 'Иногда', score: 50 },
      { key: 'often', text: 'Часто', score: 100 },
    ],
  },
  {
    key: 't-assessment',
    group: 'teacher',
    type: 'single',
    text: 'Умеете ли вы составлять критерии оценивания развёрнутых ответов?',
    options: yesNo(100),
  },
  {
    key: 't-courses',
    group: 'teacher',
    type: 'single',
    text: 'Проходили ли вы курсы повышения квалификации за последние три года?',
    options: yesNo(80),
  },
  {
    key: 't-colleagues',
    group: 'teacher',
    type: 'single',
    text: 'Посещаете ли вы уроки коллег и обсуждаете ли их?',
    options: yesNo(80),
  },
  {
    key: 't-tasks-levels',
    group: 'teacher',
    type: 'single',
    text: 'Даёте ли вы на уроке задания разного уровня сложности?',
    options: yesNo(100),
  },
  {
    key: 't-overload',
    group: 'teacher',
    type: 'scale',
    text: 'Оцените свою нагрузку от 1 (посильная) до 5 (чрезмерная)',
    scale: { min: 1, max: 5, riskAt: 'max' },
  },
  {
    key: 't-equipment',
    group: 'teacher',
    type: 'multiple',
    text: 'Чего вам не хватает для уроков?',
    options: [
      { key: 'internet', text: 'Интернета', score: 40 },
      { key: 'projector', text: 'Проектора или интерактивной доски', score: 30 },
      { key: 'lab', text: 'Лабораторного оборудования', score: 30 },
      { key: 'books', text: 'Учебников и пособий', score: 40 },
    ],
  },
  {
    key: 't-parents',
    group: 'teacher',
    type: 'single',
    text: 'Приходят ли родители на собрания и встречи по вашему приглашению?',
    options: [
      { key: 'most', text: 'Большинство', score: 0 },
      { key: 'half', text: 'Около половины', score: 50 },
      { key: 'few', text: 'Немногие', score: 100 },
    ],
  },
  // student
  {
    key: 's-comfort',
    group: 'student',
    type: 'scale',
    text: 'Насколько вам комфортно в школе: от 1 (совсем нет) до 5 (очень)',
    scale: { min: 1, max: 5, riskAt: 'min' },
  },
  { key: 's-safety', group: 'student', type: 'single', text: 'Я чувствую себя в школе в безопасности', options: agree },
  {
    key: 's-meaning',
    group: 'student',
    type: 'single',
    text: 'Мне интересно учиться, я понимаю, зачем мне это',
    options: agree,
  },
  {
    key: 's-help',
    group: 'student',
    type: 'single',
    text: 'Если я не понимаю тему, учитель помогает мне разобраться',
    options: agree,
  },
  // parent
  {
    key: 'p-involved',
    group: 'parent',
    type: 'single',
    text: 'Участвуете ли вы в жизни школы (собрания, мероприятия, совет родителей)?',
    options: [
      { key: 'often', text: 'Часто', score: 0 },
      { key: 'sometimes', text: 'Иногда', score: 50 },
      { key: 'never', text: 'Никогда', score: 100 },
    ],
  },
  {
    key: 'p-informed',
    group: 'parent',
    type: 'single',
    text: 'Знаете ли вы, как учится ваш ребёнок и что ему трудно?',
    options: yesNo(100),
  },
  { key: 'p-climate', group: 'parent', type: 'single', text: 'Ребёнок охотно ходит в школу', options: agree },
  { key: 'p-wishes', group: 'parent', type: 'text', text: 'Что, по-вашему, школе нужно улучшить?' },
];

const ind = (key: string, title: string, qs: [string, number][]) => ({
  key,
  title,
  questions: qs.map(([question, weight]) => ({ question, weight })),
});

export const model500: ScoringModel = {
  indicators: [
    ind('equipment-director', 'Оснащённость по оценке руководителя', [
      ['d-internet', 1],
      ['d-computers', 1],
      ['d-lab', 1],
    ]),
    ind('equipment-teachers', 'Нехватка оборудования по оценке учителей', [['t-equipment', 1]]),
    ind('vacancies', 'Вакансии и преподавание не по специальности', [
      ['d-vacancies', 2],
      ['d-non-specialist', 1],
    ]),
    ind('overload', 'Нагрузка учителей', [['t-overload', 1]]),
    ind('competence', 'Затруднения учителей в предмете и оценивании', [
      ['t-difficulty-subject', 1],
      ['t-assessment', 1],
    ]),
    ind('adaptivity', 'Дифференциация обучения', [
      ['d-differentiation', 1],
      ['t-tasks-levels', 1],
      ['s-help', 1],
    ]),
    ind('school-pd', 'Внутришкольное повышение квалификации', [
      ['d-mentoring', 1],
      ['d-method-units', 1],
      ['t-courses', 1],
      ['t-colleagues', 1],
    ]),
    ind('failing', 'Доля неуспевающих', [['d-failing', 1]]),
    ind('language', 'Поддержка обучающихся с неродным русским языком', [
      ['d-non-native', 1],
      ['d-language-support', 1],
    ]),
    ind('climate', 'Климат и безопасность', [
      ['s-comfort', 1],
      ['s-safety', 1],
      ['p-climate', 1],
    ]),
    ind('parents', 'Вовлечённость родителей', [
      ['p-involved', 1],
      ['p-informed', 1],
      ['t-parents', 1],
    ]),
    ind('motivation', 'Учебная мотивация', [
      ['s-meaning', 2],
      ['s-comfort', 1],
    ]),
  ],
  factors: [
    {
      factor: 'equipment',
      indicators: [
        { indicator: 'equipment-director', weight: 2 },
        { indicator: 'equipment-teachers', weight: 1 },
      ],
      high: 60,
      medium: 35,
    },
    {
      factor: 'staff-shortage',
      indicators: [
        { indicator: 'vacancies', weight: 2 },
        { indicator: 'overload', weight: 1 },
      ],
      high: 60,
      medium: 35,
    },
    { factor: 'competence', indicators: [{ indicator: 'competence', weight: 1 }], high: 60, medium: 35 },
    { factor: 'adaptivity', indicators: [{ indicator: 'adaptivity', weight: 1 }], high: 60, medium: 35 },
    { factor: 'professional-development', indicators: [{ indicator: 'school-pd', weight: 1 }], high: 60, medium: 35 },
    { factor: 'failure-risk', indicators: [{ indicator: 'failing', weight: 1 }], high: 60, medium: 35 },
    { factor: 'language-barriers', indicators: [{ indicator: 'language', weight: 1 }], high: 60, medium: 35 },
    { factor: 'environment', indicators: [{ indicator: 'climate', weight: 1 }], high: 60, medium: 35 },
    { factor: 'parents', indicators: [{ indicator: 'parents', weight: 1 }], high: 60, medium: 35 },
    { factor: 'motivation', indicators: [{ indicator: 'motivation', weight: 1 }], high: 60, medium: 35 },
  ],
};

/** A diagnostic model as a campaign applies it: the catalogue's factors, the questions and the scoring. */
export interface DiagnosisDefinition {
  factors: RiskFactor[];
  questions: Question[];
  model: ScoringModel;
}

export const presetDefinitions: { code: string; title: string; definition: DiagnosisDefinition }[] = [
  {
    code: '500plus',
    title: 'Рисковые профили школ (десять факторов риска проекта «500+»)',
    definition: { factors: factors500, questions: questions500, model: model500 },
  },
];
