// Methodologies shipped with Опора. A region uses them as they are or copies one and edits the copy.

import type { Methodology, MethodologyDefinition, Procedure, Threshold } from './methodology.ts';

/** «не менее 30 %» of participants with «2» (ВПР) or below the minimum score (ОГЭ, ЕГЭ): seed 000. */
const lowAt30 = (): Threshold => ({ op: '>=', percent: 30 });
/** Seed 003: «% «2» - 30% и более; % «5» - 15% и менее». */
const redZone: MethodologyDefinition['redZone'] = {
  share2: { op: '>=', percent: 30 },
  share5: { op: '<=', percent: 15 },
  scope: 'all-vpr',
};
/** Seed 003: «разрыв более чем на 15% между итоговыми отметками … и отметками за ВПР». */
const objectivity: MethodologyDefinition['objectivity'] = { gap: { op: '>', percent: 15 } };

/** Seed 000: ВПР in Russian and mathematics, grades 5 and 6; ОГЭ; ЕГЭ in Russian and both mathematics. */
const kuzbassProcedures: Procedure[] = [
  { source: 'vpr', subject: 'русский язык', grade: 5 },
  { source: 'vpr', subject: 'математика', grade: 5 },
  { source: 'vpr', subject: 'русский язык', grade: 6 },
  { source: 'vpr', subject: 'математика', grade: 6 },
  { source: 'gia', exam: 'ОГЭ', subject: 'русский язык' },
  { source: 'gia', exam: 'ОГЭ', subject: 'математика' },
  { source: 'gia', exam: 'ЕГЭ', subject: 'русский язык' },
  { source: 'gia', exam: 'ЕГЭ', subject: 'математика (профильная)' },
  { source: 'gia', exam: 'ЕГЭ', subject: 'математика (базовая)' },
];

// Each preset owns its objects: a region's copy is edited in place and must never change another preset.
const base = (rules: MethodologyDefinition['rules']): MethodologyDefinition =>
  structuredClone({
    procedures: kuzbassProcedures,
    lowResult: { vpr: lowAt30(), gia: lowAt30() },
    redZone,
    objectivity,
    rules,
  });

const kuzbassYears = () => [{ year: 2019 }, { year: 2021 }];

export const presets: readonly Methodology[] = [
  {
    code: 'kuzbass-2021',
    title:
      'Кузбасс, 2021: низкие результаты не менее чем по двум (категория 1) или по одной (категория 2) процедурам в 2019 и 2021 гг.',
    source: 'Приказ Министерства образования Кузбасса от 30.12.2021 № 3872, паспорт дорожной карты',
    definition: base([
      {
        category: 1,
        label: 'Низкие результаты не менее чем по двум оценочным процедурам в 2019 и 2021 гг.',
        conditions: [{ kind: 'low-procedures', years: kuzbassYears(), yearsMode: 'each', min: 2 }],
      },
      {
        category: 2,
        label: 'Низкие результаты по одной оценочной процедуре в 2019 и 2021 гг.',
        conditions: [{ kind: 'low-procedures', years: kuzbassYears(), yearsMode: 'each', min: 1, max: 1 }],
      },
    ]),
  },
  {
    code: 'supervision-2025',
    title:
      'Надзорная модель, 2025: низкие результаты не менее чем по двум процедурам в году Y и по одной и той же процедуре в Y−1 и Y',
    source: 'Модель выявления ШНОР по результатам ВПР, ОГЭ и ЕГЭ двух лет подряд',
    definition: base([
      {
        category: 1,
        label: 'Низкие результаты не менее чем по двум процедурам в году Y и по одной и той же процедуре в Y−1 и Y',
        conditions: [
          { kind: 'low-procedures', years: [{ offset: 0 }], yearsMode: 'each', min: 2 },
          { kind: 'low-procedures', years: [{ offset: -1 }, { offset: 0 }], yearsMode: 'each', min: 1 },
        ],
      },
    ]),
  },
  {
    code: 'red-zone',
    title: 'Красная зона: по одной из ВПР доля «2» не менее 30 % и доля «5» не более 15 %',
    source:
      'Приказ управления образования администрации г. Кемерово от 01.06.2020 № 632, «План быстрых преобразований»',
    definition: base([
      {
        category: 1,
        label: 'Красная зона по результатам ВПР',
        conditions: [{ kind: 'red-zone', year: { offset: 0 } }],
      },
    ]),
  },
  {
    code: 'objectivity',
    title: 'Необъективность: отметки ВПР расходятся с отметками журнала более чем у 15 % участников',
    source:
      'Приказ управления образования администрации г. Кемерово от 01.06.2020 № 632, «План быстрых преобразований»',
    definition: base([
      {
        category: 1,
        label: 'Разрыв между отметками ВПР и отметками журнала более 15 %',
        conditions: [{ kind: 'objectivity-gap', year: { offset: 0 } }],
      },
    ]),
  },
];

export const presetByCode = (code: string): Methodology | undefined => presets.find((m) => m.code === code);
