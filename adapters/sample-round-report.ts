// A monitoring round of seed 004 (Калининградская область, the 2023 «дорожная карта», first monitoring on 30.06.2023
// with «Исполнение дорожной карты не менее 30-40%») for the writers' tests, written by hand so that every figure can
// be checked by eye: 32 activities, 2 cancelled, 11 done — 11 of 30 is 36,7 %; three municipalities of two schools
// each, whose rows add up to their municipality's; one school with a name that tries to be a formula and markup.
// Units are given out of order, as a query returns them, not by name.
import type { RoundReport } from './round-report.ts';
import { hostileName } from './sample-identification-report.ts';

export { hostileName };

export const sampleRecommendations = [
  'Администрации Гвардейского муниципального округа обеспечить до 31.07.2023 утверждение муниципальных документов, ' +
    'регламентирующих реализацию мероприятий по поддержке школ с низкими образовательными результатами.',
  'Руководителям МБОУ СОШ № 2 г. Гвардейска и МБОУ ООШ пос. Знаменск завершить анкетирование для формирования ' +
    'рисковых профилей до 14.07.2023.\nРезультаты направить муниципальному координатору.',
  'Муниципальным координаторам организовать еженедельный контроль исполнения мероприятий в школах, исполнение ' +
    'в которых ниже порогового значения.',
].join('\n\n');

export function sampleRoundReport(): RoundReport {
  return {
    regionName: 'Калининградская область',
    programmeTitle:
      'План-график "дорожная карта" по оказанию адресной методической помощи общеобразовательным организациям ' +
      'с низкими образовательными результатами и/или функционирующим в неблагоприятных социальных условиях в 2023 году',
    programmeAct: 'приказ Министерства образования Калининградской области от 13.01.2023 № 28/1',
    round: {
      date: '2023-06-30',
      title: 'Первый мониторинг исполнения мероприятий дорожной карты',
      threshold: { min: 30, max: 40 },
      frozenAt: '2023-07-03T09:00:00Z',
    },
    summary: {
      total: 32,
      cancelled: 2,
      done: 11,
      inProgress: 14,
      planned: 5,
      overdue: 3,
      executionPercent: (11 / 30) * 100,
      dueByDate: 14,
      doneOfDue: 11,
      duePercent: (11 / 14) * 100,
      meetsThreshold: true,
      thresholdText: 'не менее 30–40 %',
    },
    byMunicipality: [
      {
        name: 'Гурьевский муниципальный округ',
        total: 40,
        done: 18,
        cancelled: 1,
        overdue: 1,
        executionPercent: (18 / 39) * 100,
      },
      {
        name: 'Балтийский городской округ',
        total: 40,
        done: 14,
        cancelled: 2,
        overdue: 3,
        executionPercent: (14 / 38) * 100,
      },
      { name: 'Гвардейский муниципальный округ', total: 38, done: 9, cancelled: 2, overdue: 6, executionPercent: 25 },
    ],
    bySchool: [
      {
        municipality: 'Гурьевский муниципальный округ',
        name: 'МАОУ СОШ № 1 г. Гурьевска',
        total: 20,
        done: 10,
        cancelled: 0,
        overdue: 0,
        executionPercent: 50,
      },
      {
        municipality: 'Балтийский городской округ',
        name: hostileName,
        total: 20,
        done: 5,
        cancelled: 1,
        overdue: 3,
        executionPercent: (5 / 19) * 100,
      },
      {
        municipality: 'Гвардейский муниципальный округ',
        name: 'МБОУ СОШ № 2 г. Гвардейска',
        total: 20,
        done: 4,
        cancelled: 0,
        overdue: 4,
        executionPercent: 20,
      },
      {
        municipality: 'Гурьевский муниципальный округ',
        name: 'МАОУ СОШ пос. Васильково',
        total: 20,
        done: 8,
        cancelled: 1,
        overdue: 1,
        executionPercent: (8 / 19) * 100,
      },
      {
        municipality: 'Балтийский городской округ',
        name: 'МБОУ СОШ № 5 г. Балтийска',
        total: 20,
        done: 9,
        cancelled: 1,
        overdue: 0,
        executionPercent: (9 / 19) * 100,
      },
      {
        municipality: 'Гвардейский муниципальный округ',
        name: 'МБОУ ООШ пос. Знаменск',
        total: 18,
        done: 5,
        cancelled: 2,
        overdue: 2,
        executionPercent: (5 / 16) * 100,
      },
    ],
    lagging: [
      {
        number: '4.',
        text: 'Анкетирование для формирования рисковых профилей общеобразовательных организаций',
        deadlineText: '28.03-18.04.2023',
        responsible: 'Региональный координатор, муниципальные координаторы, руководители школ',
        unitsTotal: 6,
        unitsDone: 4,
        statusText: 'Выполняется',
        daysOverdue: 73,
      },
      {
        number: '5.',
        text:
          'Разработка программ по повышению результатов образовательной деятельности ОО: Программа развития ' +
          'общеобразовательной организации',
        deadlineText: '15.04-15.05.2023',
        responsible: 'Региональный координатор, муниципальные координаторы, руководители школ',
        unitsTotal: 6,
        unitsDone: 3,
        statusText: 'Выполняется',
        daysOverdue: 46,
      },
      {
        number: '6.',
        text:
          'Разработка муниципальных документов, регламентирующих реализацию мероприятий по поддержке школ ' +
          'с низкими образовательными результатами',
        deadlineText: '01.02-15.05.2023',
        responsible: 'Руководители МОУО, муниципальные координаторы',
        unitsTotal: 3,
        unitsDone: 1,
        statusText: 'Запланировано',
        daysOverdue: 46,
      },
      {
        number: '7.',
        text: 'Проведение ВКС с муниципальными координаторами по вопросам сопровождения школ проекта',
        deadlineText: '15.02-20.12.2023',
        responsible: 'Региональный координатор',
        unitsTotal: 0,
        unitsDone: 0,
        statusText: 'Выполняется',
        daysOverdue: null,
      },
    ],
    indicators: [
      {
        number: '1.',
        name: 'Доля общеобразовательных организаций, разработавших программы развития с учётом рисковых профилей',
        unit: '%',
        baseline: '0',
        target: '100',
        actual: '50',
        statusText: 'Не достигнут',
        rule: 'не ниже целевого значения',
      },
      {
        number: '2.',
        name: 'Обучающие мероприятия для управленческих и педагогических команд школ проекта «500+»',
        unit: 'ед.',
        baseline: '0',
        target: 'не менее 5',
        actual: '3',
        statusText: 'Срок не наступил',
        rule: 'не ниже целевого значения к 01.12.2023',
      },
    ],
    trend: [
      { date: '2023-06-30', executionPercent: (11 / 30) * 100 },
      { date: '2023-03-31', executionPercent: 12.5 },
    ],
    recommendations: sampleRecommendations,
    generatedAt: '2023-07-05T08:30:00Z',
    timeZone: 'Europe/Kaliningrad',
  };
}
