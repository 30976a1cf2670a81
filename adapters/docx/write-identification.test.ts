import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { type IdentificationReport, yearsText } from '../identification-report.ts';
import { hostileName, sampleIdentificationReport } from '../sample-identification-report.ts';
import { methodologySentence, summarySentence, writeIdentificationDocx } from './write-identification.ts';

const documentXml = async (bytes: Uint8Array) => {
  const entry = (await JSZip.loadAsync(bytes)).file('word/document.xml');
  if (!entry) throw new Error('word/document.xml is missing');
  return entry.async('string');
};
const rawText = async (bytes: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;

describe('writeIdentificationDocx: an approved list as an order appendix', async () => {
  const r = sampleIdentificationReport();
  const bytes = await writeIdentificationDocx(r);
  const xml = await documentXml(bytes);
  const text = await rawText(bytes);

  it('opens with the «Приложение» block citing the order, its date as ДД.ММ.ГГГГ', () => {
    // Three lines of one paragraph (mammoth's raw text drops the breaks between them).
    expect(text.startsWith('Приложениек приказуот 05.03.2025 № 123/1\n')).toBe(true);
    const at = ['>Приложение<', '>к приказу<', '>от 05.03.2025 № 123/1<', r.title].map((t) => xml.indexOf(t));
    expect(at.every((i, k) => i > (at[k - 1] ?? -1))).toBe(true);
    expect(xml).not.toContain('Проект');
  });

  it('centres the title with the region and year', () => {
    expect(xml).toContain(r.title);
    expect(xml).toContain('Калининградская область, 2025 год');
  });

  it('states the methodology, its source and the years of results', () => {
    expect(xml).toContain(
      'Общеобразовательные организации определены по методике «Методика выявления ШНОР» (письмо Рособрнадзора ' +
        'от 01.02.2024 № 01-10/08-01) по результатам оценочных процедур 2023 и 2024 годов.',
    );
  });

  it('sums up the list with shares written with a decimal comma', () => {
    expect(xml).toContain(
      'Всего общеобразовательных организаций: 5; включено в перечень: 2 (40 %), в том числе категория 1 — 1, ' +
        'категория 2 — 1; муниципальных образований, в которых есть ШНОР: 2 из 3 (66,7 %).',
    );
  });

  it('tables the listed schools under their municipalities, numbered through, with their reasons one a line', () => {
    const list = text.slice(text.indexOf('Основания'), text.indexOf('Распределение по муниципальным образованиям'));
    expect(list.split(/\n+/).slice(1, 7)).toEqual([
      'Балтийский городской округ',
      '1.',
      hostileName,
      'ООШ',
      '2',
      'Категория 2: низкие результаты по одной процедуре.',
    ]);
    expect(list.indexOf('Гурьевский муниципальный округ')).toBeGreaterThan(list.indexOf(hostileName));
    expect(list).toContain('2.\n\nМАОУ СОШ № 1 г. Гурьевска');
    expect(list).toContain('ВПР, математика, 5 класс, 2024: 45 % отметок «2».\n\nКрасная зона в 2024 году.');
    // Schools not listed are not in the appendix, nor municipalities without listed schools.
    expect(list).not.toContain('МБОУ ООШ пос. Мечниково');
    expect(list).not.toContain('Гвардейский');
  });

  it('keeps a hostile school name literal: escaped in the XML, the same text in Word', () => {
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; «Школа»');
    expect(xml).not.toContain('<script>');
    expect(text).toContain(hostileName);
  });

  it('ends with the distribution by municipality and its total', () => {
    const tail = text.slice(text.indexOf('Распределение по муниципальным образованиям'));
    expect(tail).toContain('Гвардейский муниципальный округ');
    expect(tail.replace(/\n+/g, '|')).toContain('Итого|5|2|1|1|40');
  });
});

describe('writeIdentificationDocx: a draft', () => {
  it('says «Проект» where an approved list cites its order', async () => {
    const draft: IdentificationReport = { ...sampleIdentificationReport(), approved: null };
    const text = await rawText(await writeIdentificationDocx(draft));
    expect(text.startsWith('Проект\n')).toBe(true);
    expect(text).not.toContain('Приложение');
  });

  it('says so when no school is listed', async () => {
    const r = sampleIdentificationReport();
    const none: IdentificationReport = {
      ...r,
      schools: r.schools.map((s) => ({ ...s, category: null })),
      totals: { ...r.totals, listed: 0, byCategory: {}, share: 0, municipalitiesWithListed: 0, municipalitiesShare: 0 },
    };
    const text = await rawText(await writeIdentificationDocx(none));
    expect(text).toContain('Общеобразовательные организации в перечень не включены.');
    expect(summarySentence(none)).toBe(
      'Всего общеобразовательных организаций: 5; включено в перечень: 0 (0 %); ' +
        'муниципальных образований, в которых есть ШНОР: 0 из 3 (0 %).',
    );
  });
});

describe('wordings', () => {
  it.each([
    [[2024], '2024'],
    [[2024, 2023], '2023 и 2024'],
    [[2022, 2024, 2023], '2022–2024'],
    [[2021, 2023, 2024], '2021, 2023 и 2024'],
    [[2023, 2023], '2023'],
    [[], ''],
  ])('years %j read «%s»', (years, expected) => {
    expect(yearsText(years)).toBe(expected);
  });

  it('does not quote a methodology title twice, nor cite an empty source or years', () => {
    const r = {
      ...sampleIdentificationReport(),
      methodologyTitle: '«Методика 2025».',
      methodologySource: '',
      years: [],
    };
    expect(methodologySentence(r)).toBe('Общеобразовательные организации определены по методике «Методика 2025».');
    expect(methodologySentence({ ...r, years: [2024, 2024] })).toContain('оценочных процедур 2024 года.');
  });
});
