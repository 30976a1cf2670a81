import { describe, expect, it } from 'vitest';
import { readDeadline } from '../deadline/read-deadline.ts';
import { eventKindOf, eventsFromActivity, eventsFromConsultations } from './events.ts';

describe('eventKindOf reads the kind an activity or topic names', () => {
  it.each([
    ['Проведение вебинара для руководителей ОУ с целью анализа причин низкого качества образования', 'webinar'],
    ['Проблемный on-line семинар для руководителей территориальных ПМПК', 'webinar'],
    ['Проведение заседаний Координационного совета', 'council'],
    ['Создание Рабочей группы (Координационного совета) по вопросам повышения качества образования.', 'other'],
    ['Методический семинар с заместителями директоров школ', 'seminar'],
    ['Курсы повышения квалификации учителей математики', 'course'],
    ['Консультации методистов для учителей школ из перечня', 'consultation'],
    ['Выезд мобильной группы в школу', 'visit'],
    ['Установочное совещание с руководителями ОУ', 'meeting'],
    ['Создание банка данных учащихся, испытывающих затруднения в обучении', 'other'],
  ])('%s → %s', (text, kind) => {
    expect(eventKindOf(text)).toBe(kind);
  });
});

describe('events from a roadmap', () => {
  const period = { start: '2020-07-01', end: '2021-06-30' };
  it('gives one council meeting per window of seed 002 item 1.3', () => {
    const deadlineText = 'Август, Ноябрь 2020 Февраль, Июнь 2021';
    const drafts = eventsFromActivity({
      id: 'a13',
      text: 'Проведение заседаний Координационного совета',
      deadlineText,
      windows: readDeadline(deadlineText, period).windows,
      responsible: 'Прядущенко А.В., Симоненко Л.И.',
    });
    expect(drafts.map((d) => [d.kind, d.windowStart, d.windowEnd, d.dateText])).toEqual([
      ['council', '2020-08-01', '2020-08-31', ''],
      ['council', '2020-11-01', '2020-11-30', ''],
      ['council', '2021-02-01', '2021-02-28', ''],
      ['council', '2021-06-01', '2021-06-30', ''],
    ]);
    expect(drafts[3]!.source).toEqual({ activity: 'a13', window: 3 });
  });
  it('gives none for an activity that names no event', () => {
    const windows = readDeadline('Сентябрь 2020', period).windows;
    expect(
      eventsFromActivity({ id: 'x', text: 'Создание банка данных', deadlineText: '', windows, responsible: '' }),
    ).toEqual([]);
  });
  it('keeps a consultation month as written, and the period when the date is unreadable', () => {
    const drafts = eventsFromConsultations(
      [
        {
          topic: 'А',
          dateText: 'Март 2022 года',
          windows: [{ start: '2022-03-01', end: '2022-03-31' }],
          responsible: ['X'],
        },
        { topic: 'Б', dateText: 'по согласованию', windows: [], responsible: [] },
      ],
      { start: '2022-01-01', end: '2022-12-31' },
    );
    expect(drafts.map((d) => [d.dateText, d.windowStart, d.windowEnd, d.responsible])).toEqual([
      ['Март 2022 года', '2022-03-01', '2022-03-31', 'X'],
      ['по согласованию', '2022-01-01', '2022-12-31', ''],
    ]);
  });
});
