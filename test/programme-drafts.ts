// Small programme drafts for tests of saving, editing and access: two sections, three activities, deadlines
// written as users write them.
import type { ProgrammeDraftDto } from '../contract/programmes.ts';
import { emptyPassport, type ProgrammeLevel } from '../domain/programme/programme.ts';

export const blankActivity = {
  number: '',
  text: 'Мероприятие',
  deadlineText: '',
  responsible: '',
  executors: '',
  plannedResult: '',
  indicator: '',
  informationSupport: '',
};

export function smallDraft(level: ProgrammeLevel, title = 'Дорожная карта проверки'): ProgrammeDraftDto {
  return {
    level,
    kind: 'дорожная карта',
    title,
    period: { start: '2022-01-01', end: '2022-12-31' },
    periodText: '2022 год',
    act: {
      authority: 'Министерство образования',
      kind: 'приказ',
      number: '1',
      date: '2021-12-30',
      place: '',
      title: '',
      signatory: '',
      signatoryPosition: '',
    },
    passport: emptyPassport(),
    workingGroup: [{ fullName: 'Иванова Анна Петровна', position: 'директор', role: 'член рабочей группы' }],
    sections: [
      {
        number: '1.',
        title: 'Организационные мероприятия',
        activities: [
          { ...blankActivity, number: '1.1.', text: 'Создать рабочую группу', deadlineText: 'Январь 2022 года' },
          { ...blankActivity, number: '1.2.', text: 'Провести семинар', deadlineText: 'Март', responsible: 'ИРО' },
        ],
      },
      {
        number: '2.',
        title: 'Мониторинг',
        activities: [{ ...blankActivity, number: '2.1.', text: 'Мониторинг', deadlineText: 'Ежегодно, сентябрь' }],
      },
    ],
    indicators: [],
    consultations: [{ topic: 'Консультация', whenText: 'Апрель', responsible: ['Петров П. П.'] }],
    tutorPairs: [],
    schools: [],
    monitoringRounds: [],
  };
}
