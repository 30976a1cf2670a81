// A deterministic roadmap document of any size, written the way the seeds are (tab-separated rows, a page
// break with the header repeated every 12 rows, a row continued on the next page now and then), for
// measuring the reader at sizes real documents reach.

import { mulberry32 } from '../domain/identification/synthetic-results.ts';

/** The seeded generator every bench dataset uses, so every run reads the same document. */
export const seeded = mulberry32;

const deadlines = [
  'Январь 2024 года',
  'До 15.02.2024',
  '01.03-15.05.2024',
  'В течение учебного года',
  'Ежегодно, сентябрь',
  'По графику ИРО',
  'Август, Ноябрь 2024',
  'ежемесячно',
  '2 квартал 2024',
  'по мере необходимости',
];
const verbs = ['Проведение', 'Организация', 'Разработка', 'Мониторинг', 'Анализ', 'Обеспечение', 'Сопровождение'];
const objects = [
  'семинаров для учителей математики',
  'консультаций для руководителей школ',
  'курсов повышения квалификации',
  'методических рекомендаций',
  'результатов ВПР по русскому языку',
  'сетевого взаимодействия школ',
  'индивидуальных образовательных маршрутов',
];
const people = [
  'Министерство образования',
  'ИРО',
  'муниципальные координаторы',
  'руководители школ',
  'ресурсный центр',
];

const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;

export function generateRoadmapTxt(activities: number, seed = 1): string {
  const r = seeded(seed);
  const header = ['№ п/п', 'Мероприятия', 'Сроки', 'Ответственные', 'Планируемый результат'].join('\t');
  const lines = [
    'МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТЕСТОВОЙ ОБЛАСТИ',
    '',
    'ПРИКАЗ',
    '',
    'от 15.01.2024 № 100',
    '',
    'Об утверждении дорожной карты на 2024 год',
    '',
    'Приложение к приказу от 15.01.2024 № 100',
    '',
    'ДОРОЖНАЯ КАРТА на 2024 год',
    '',
    header,
  ];
  const perSection = 40;
  let onPage = 0;
  for (let i = 0; i < activities; i++) {
    const s = Math.floor(i / perSection) + 1;
    const k = (i % perSection) + 1;
    if (k === 1) lines.push(`${s}. Раздел ${s}\t\t\t\t`);
    const text = `${pick(r, verbs)} ${pick(r, objects)} (мероприятие ${i + 1})`;
    const row = [`${s}.${k}.`, text, pick(r, deadlines), pick(r, people), 'Отчёт о проведении'];
    if (++onPage >= 12) {
      onPage = 0;
      if (r() < 0.3) {
        // The page breaks inside this row: its text and result go on after the repeated header.
        lines.push(
          [row[0], `${pick(r, verbs)}`, row[2], row[3], ''].join('\t'),
          '',
          header,
          ['', row[1], '', '', row[4]].join('\t'),
        );
        continue;
      }
      lines.push(row.join('\t'), '', header);
      continue;
    }
    lines.push(row.join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
