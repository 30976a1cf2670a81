import { describe, expect, it } from 'vitest';
import type { PublicProgrammeDto, PublicSchoolWidgetDto } from '../../contract/public.ts';
import { writeNotFoundPage, writePublicProgrammePage, writeSchoolWidget } from './write-public-page.ts';

const figures = { total: 31, done: 11, cancelled: 1, inProgress: 12, planned: 7, overdue: 3, percent: (11 * 100) / 30 };

const programme: PublicProgrammeDto = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'План-график мероприятий «500+» на 2023 год',
  kind: 'план-график',
  level: 'region',
  territoryName: 'Калининградская область',
  period: { start: '2023-01-01', end: '2023-12-31' },
  periodText: '2023 год',
  act: {
    kind: 'приказ',
    authority: 'Министерства образования Калининградской области',
    number: '28/1',
    date: '2023-01-13',
  },
  statusText: 'Утверждена',
  today: '2023-07-03',
  figures,
  sections: [
    {
      number: '1.',
      title: 'Организационные мероприятия',
      activities: [
        {
          number: '1.1.',
          text: 'Анализ результатов <script>alert(1)</script> & «ВПР»',
          deadlineText: 'Февраль 2023 года',
          status: 'done',
          statusText: 'Выполнено',
          overdue: false,
          executors: null,
        },
        {
          number: '1.2.',
          text: 'Разработка школьных дорожных карт',
          deadlineText: 'до 01.03.2023',
          status: 'in_progress',
          statusText: 'Выполняется',
          overdue: true,
          executors: { kind: 'schools', done: 2, total: 5 },
        },
      ],
    },
  ],
  indicators: [
    {
      number: '1',
      name: 'Доля педагогов, прошедших КПК',
      unit: '%',
      baseline: '40 %',
      targets: [{ period: '2023', value: 'не менее 90 %', actual: 92.5, status: 'on-track', statusText: 'в плане' }],
    },
  ],
  rounds: [
    {
      date: '2023-06-30',
      title: 'Первый мониторинг',
      thresholdText: 'не менее 30–40 %',
      executionPercent: (11 * 100) / 30,
      done: 11,
      executable: 30,
      meetsThreshold: true,
      frozen: true,
      upcoming: false,
    },
    {
      date: '2023-11-30',
      title: '',
      thresholdText: 'не менее 80–90 %',
      executionPercent: null,
      done: null,
      executable: null,
      meetsThreshold: null,
      frozen: false,
      upcoming: true,
    },
  ],
};

describe('the public page of a programme', () => {
  const html = writePublicProgrammePage(programme);

  it('is a Russian HTML document readable on a phone, without scripts', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes every text taken from the programme', () => {
    expect(html).toContain('Анализ результатов &lt;script&gt;alert(1)&lt;/script&gt; &amp; «ВПР»');
  });

  it('gives the approving order, the period, the date of the data and execution with its parts', () => {
    expect(html).toContain('Утверждена приказом Министерства образования Калининградской области от 13.01.2023 № 28/1');
    expect(html).toContain('Период реализации: 2023 год (01.01.2023 – 31.12.2023)');
    expect(html).toContain('Данные на 03.07.2023');
    expect(html).toContain('36,7\u00a0%');
    expect(html).toContain('Выполнено 11 из 30 мероприятий (отменено 1)');
    expect(html).toContain('style="width:36.7%"');
  });

  it('shows each activity with its deadline as written and status; N of M for those schools execute', () => {
    expect(html).toContain('Февраль 2023 года');
    expect(html).toContain('<span class="status done">Выполнено</span>');
    expect(html).toContain('исполнено 2 из 5 школ');
    expect(html).toContain('Срок прошёл');
  });

  it('shows indicators and rounds: frozen results, thresholds, rounds still ahead', () => {
    expect(html).toContain('не менее 90 %');
    expect(html).toContain('92,5');
    expect(html).toContain('в плане');
    expect(html).toContain('30.06.2023');
    expect(html).toContain('36,7\u00a0% (11 из 30) — порог достигнут — итоги зафиксированы');
    expect(html).toContain('не менее 80–90 %');
    expect(html).toContain('Предстоит');
  });

  it('words counts after «из» in the genitive', () => {
    const of = (total: number) =>
      writePublicProgrammePage({ ...programme, figures: { ...figures, total, cancelled: 0, done: 1 } });
    expect(of(1)).toContain('Выполнено 1 из 1 мероприятия');
    expect(of(3)).toContain('Выполнено 1 из 3 мероприятий');
    expect(of(21)).toContain('Выполнено 1 из 21 мероприятия');
  });

  it('leaves out tables that have nothing to show', () => {
    const bare = writePublicProgrammePage({ ...programme, indicators: [], rounds: [], act: null });
    expect(bare).not.toContain('Целевые показатели');
    expect(bare).not.toContain('Мониторинг исполнения');
    expect(bare).not.toContain('Утверждена приказом');
  });
});

describe('the widget of a school', () => {
  const widget: PublicSchoolWidgetDto = {
    programmeId: programme.id,
    programmeTitle: programme.title,
    territoryName: programme.territoryName,
    today: '2023-07-03',
    school: { code: 'A1-1', name: 'МАОУ СОШ № 1 "Гармония"' },
    figures: { total: 2, done: 1, cancelled: 0, inProgress: 1, planned: 0, overdue: 0, percent: 50 },
    activities: [programme.sections[0]!.activities[1]!],
  };
  const html = writeSchoolWidget(widget, { pageUrl: `/public/programmes/${programme.id}` });

  it("shows the school's execution with a bar, its activities and a link to the whole programme", () => {
    expect(html).toContain('МАОУ СОШ № 1 &quot;Гармония&quot;');
    expect(html).toContain('50\u00a0%');
    expect(html).toContain('style="width:50.0%"');
    expect(html).toContain('Выполнено 1 из 2 мероприятий');
    expect(html).toContain('1.2. Разработка школьных дорожных карт');
    expect(html).toContain(`<a href="/public/programmes/${programme.id}" target="_blank" rel="noopener">`);
    expect(html).toContain('Данные на 03.07.2023');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('the «not found» page', () => {
  it('says so in Russian and escapes the message', () => {
    const html = writeNotFoundPage('Школа с кодом «<b>» не участвует.');
    expect(html).toContain('Страница не найдена');
    expect(html).toContain('Школа с кодом «&lt;b&gt;» не участвует.');
  });
});
