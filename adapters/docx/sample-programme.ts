// A programme built by hand for the writer tests (DOCX, XLSX and the DOCX round trip), shaped after seed 004:
// Kaliningrad's plan-schedule «500+» approved by order № 28/1 of 13.01.2023. Not a test file itself, so that
// three test files share it without running each other's tests.
import { type Period, readDeadline } from '../../domain/deadline/read-deadline.ts';
import type { Activity, Consultation, ProgrammeDraft } from '../../domain/programme/programme.ts';

const period: Period = { start: '2023-01-01', end: '2023-12-31' };
const deadline = (text: string) => ({ text, reading: readDeadline(text, period) });

function activity(
  number: string,
  text: string,
  when: string,
  more: Partial<Omit<Activity, 'deadline'>> = {},
): Activity {
  return {
    number,
    text,
    deadline: deadline(when),
    responsible: '',
    executors: '',
    plannedResult: '',
    indicator: '',
    informationSupport: '',
    source: {},
    ...more,
  };
}

const consultation = (topic: string, when: string, responsible: string[]): Consultation => ({
  topic,
  when: deadline(when),
  responsible,
  source: {},
});

export function sampleProgramme(): ProgrammeDraft {
  return {
    level: 'region',
    kind: 'план-график',
    title:
      'План-график «дорожная карта» по оказанию адресной методической помощи общеобразовательным организациям с низкими образовательными результатами в 2023 году',
    period,
    periodText: '2023 год',
    act: {
      authority: 'Министерство образования Калининградской области',
      kind: 'приказ',
      number: '28/1',
      date: '2023-01-13',
      place: 'г. Калининград',
      title: 'Об утверждении плана-графика «дорожной карты» по оказанию адресной методической помощи',
      signatory: 'С.С. Трусенёва',
      signatoryPosition: 'Министр образования Калининградской области',
    },
    passport: {
      problem: '',
      goal: 'Повышение качества образования в школах с низкими образовательными результатами',
      tasks: [
        'Выявить факторы риска низких образовательных результатов',
        'Организовать адресную методическую помощь школам',
      ],
      challenges: [],
      directions: [],
      expectedResults: ['Снижение доли школ с низкими образовательными результатами'],
      customer: 'Министерство образования Калининградской области',
      curator: 'Институт развития образования',
      developers: '',
      executors: 'Муниципальные координаторы, руководители школ',
      targetAudience: '',
      stages: '',
      other: [],
    },
    workingGroup: [
      {
        fullName: 'Короткевич Марина Ивановна',
        position: 'первый заместитель министра образования',
        role: 'руководитель',
      },
      { fullName: 'Зорькина Людмила Александровна', position: 'ректор Института развития образования', role: '' },
    ],
    sections: [
      {
        number: '1.',
        title: 'Организационные мероприятия по сопровождению общеобразовательных организаций',
        activities: [
          activity(
            '1.1.',
            'Назначение ответственных лиц на школьном, муниципальном уровнях и ответственного за реализацию регионального проекта «500+»',
            'До 15.02.2023',
            {
              responsible: 'Министерство образования',
              executors: 'Руководители школ, МОУО, КОИРО',
              plannedResult: 'Приказы о назначении\nСписок ответственных',
              indicator: '=100% от числа школ-участниц',
              informationSupport: 'Сайт КОИРО',
            },
          ),
          activity(
            '1.2.',
            'Входной мониторинг текущего состояния в школах (материально-техническая оснащенность, педагогические кадры)',
            '01.02-15.05.2023',
            {
              responsible: 'Региональный координатор',
              executors: 'Руководители школ',
              plannedResult: 'Аналитическая справка',
              indicator: '100% школ',
            },
          ),
          activity(
            '1.3.',
            'Проведение единого методического дня по проблемам повышения качества образования',
            'Август',
            {
              responsible: 'Региональный координатор',
              executors: 'Муниципальные координаторы',
            },
          ),
        ],
      },
      {
        number: '2.',
        title: 'Адресная методическая поддержка общеобразовательных организаций',
        activities: [
          activity(
            '2.1.',
            'Организация обучения педагогов на федеральных и региональных ресурсах',
            '01.03-01.12.2023',
            {
              responsible: 'Институт развития образования',
              executors: 'Руководители школ',
              plannedResult: 'Удостоверения о повышении квалификации',
              indicator: 'Не менее 50% учителей',
              informationSupport: 'Новости на сайтах школ',
            },
          ),
          activity('2.2.', 'Консультации для учителей «Час предмета»', 'По плану работы ресурсного центра', {
            responsible: 'Кафедра общего образования',
            informationSupport: 'График консультаций',
          }),
        ],
      },
    ],
    indicators: [
      {
        number: '1',
        direction: '',
        name: 'Доля школ с низкими образовательными результатами от общего количества школ региона',
        unit: '%',
        baseline: '12',
        actual: '',
        targets: [
          { period: '2023', value: '10' },
          { period: '2024', value: '8' },
        ],
        source: {},
      },
      {
        number: '2',
        direction: '',
        name: 'Доля учителей школ проекта, прошедших повышение квалификации',
        unit: '%',
        baseline: '40',
        actual: '',
        targets: [
          { period: '2023', value: '70' },
          { period: '2024', value: '90' },
        ],
        source: {},
      },
    ],
    consultations: [
      consultation('Анализ результатов ВПР по математике', '15.03.2023', ['Иванова И. И., методист КОИРО']),
      consultation('Подготовка к ОГЭ по русскому языку', '12.04.2023', [
        'Петрова А. С., доцент кафедры',
        'Сидоров В. В., учитель-методист',
      ]),
      consultation('Формирование читательской грамотности', '17.05.2023', ['Иванова И. И., методист КОИРО']),
    ],
    tutorPairs: [
      { school: 'МБОУ ООШ № 7 г. Гусева', tutor: 'МАОУ лицей № 18 г. Калининграда', source: {} },
      { school: 'МБОУ СОШ п. Знаменск', tutor: 'МАОУ СОШ № 5 г. Гвардейска', source: {} },
    ],
    schools: [
      { name: 'МБОУ ООШ № 7 г. Гусева', role: 'low-results', source: {} },
      { name: 'МБОУ СОШ п. Знаменск', role: 'low-results', source: {} },
      { name: 'МАОУ лицей № 18 г. Калининграда', role: 'tutor', source: {} },
      { name: 'МАОУ СОШ № 5 г. Гвардейска', role: 'tutor', source: {} },
    ],
    monitoringRounds: [
      { date: '2023-06-30', minPercent: 30, maxPercent: 40, text: 'не менее 30-40 %' },
      { date: '2023-11-30', minPercent: 80, maxPercent: 90, text: 'не менее 80-90 %' },
    ],
    warnings: [],
  };
}
