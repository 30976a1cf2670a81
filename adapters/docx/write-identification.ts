// An approved list of schools («перечень ШНОР») as the appendix to its order, or a run as a draft of one: the
// «Приложение к приказу … от ДД.ММ.ГГГГ № N» block at the top right («Проект» for a draft), the title with the
// region and year centred in bold, the methodology and the years of results, the summary, the table of listed
// schools under their municipalities with their reasons, and the distribution by municipality.
//
// Built from the programme appendix's pieces (corner block, bordered tables, headings, page numbers, styles), so
// both appendices of a region's orders look alike.

import { AlignmentType, Document, Header, Packer, Paragraph, TextRun } from 'docx';
import { formatPercent } from '../../domain/identification/methodology.ts';
import {
  approvingAct,
  categoriesOf,
  categoryCount,
  groupsByName,
  type IdentificationGroup,
  type IdentificationReport,
  listedSchools,
  percentText,
  reasonsText,
  yearsText,
} from '../identification-report.ts';
import { ru } from '../table/table.ts';
import { mm, pageOf, singleLine, textWidth } from './fonts-and-page.ts';
import {
  appendixLines,
  type Column,
  cornerBlock,
  documentStyles,
  heading,
  pageNumberHeader,
  type Row,
  table,
} from './write-programme.ts';

/** Body text as official letters set it: justified, the first line indented 1.25 cm. */
const bodyParagraph = (text: string): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(12.5) },
    spacing: { line: singleLine, before: 0, after: 120 },
    children: [new TextRun({ text })],
  });

function titleBlock(r: IdentificationReport): Paragraph[] {
  // The region's name is given in the nominative and cannot be declined safely into «… Калининградской области»,
  // so it stands on its own line with the year.
  const lines = [r.title.replace(/\s+/g, ' ').trim(), `${r.regionName.trim()}, ${r.year} год`].filter((l) => l !== '');
  return lines.map(
    (text, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { line: singleLine, before: 0, after: i === lines.length - 1 ? 240 : 0 },
        children: [new TextRun({ text, bold: true })],
      }),
  );
}

/** «Общеобразовательные организации определены по методике «…» (…) по результатам оценочных процедур 2023 и 2024 годов.» */
export function methodologySentence(r: IdentificationReport): string {
  const title = r.methodologyTitle.trim().replace(/\.$/, '');
  const quoted = /^«.*»$/.test(title) ? title : `«${title}»`;
  const source = r.methodologySource.trim().replace(/\.$/, '');
  const years = yearsText(r.years);
  const ofYears =
    years === '' ? '' : ` по результатам оценочных процедур ${years} ${new Set(r.years).size > 1 ? 'годов' : 'года'}`;
  return `Общеобразовательные организации определены по методике ${quoted}${source ? ` (${source})` : ''}${ofYears}.`;
}

/**
 * «Всего общеобразовательных организаций: 30; включено в перечень: 10 (33,3 %), в том числе категория 1 — 4,
 * категория 2 — 6; муниципальных образований, в которых есть ШНОР: 3 из 5 (60 %).»
 */
export function summarySentence(r: IdentificationReport): string {
  const t = r.totals;
  const categories = categoriesOf(r)
    .map((c) => [c, categoryCount(t.byCategory, c)] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `категория ${c} — ${ru(n)}`);
  return [
    `Всего общеобразовательных организаций: ${ru(t.schools)}`,
    `включено в перечень: ${ru(t.listed)} (${percentText(t.share)})${categories.length > 0 ? `, в том числе ${categories.join(', ')}` : ''}`,
    `муниципальных образований, в которых есть ШНОР: ${ru(t.municipalitiesWithListed)} из ${ru(t.municipalities)} (${percentText(t.municipalitiesShare)})`,
  ]
    .join('; ')
    .concat('.');
}

/**
 * The listed schools under a row per municipality, numbered through: a portrait page has no room for a municipality
 * column beside the reasons, and a municipality looks up its schools under its own name.
 */
function listTable(r: IdentificationReport, width: number) {
  const columns: Column[] = [
    { header: '№', weight: 0.6, align: 'center' },
    { header: 'Наименование', weight: 4, align: 'left' },
    { header: 'Тип', weight: 1.5, align: 'left' },
    { header: 'Категория', weight: 1, align: 'center' },
    { header: 'Основания', weight: 5, align: 'left' },
  ];
  const rows: Row[] = [];
  listedSchools(r).forEach((s, i, all) => {
    if (s.municipality !== all[i - 1]?.municipality) rows.push({ merged: s.municipality });
    rows.push({ cells: [`${i + 1}.`, s.name, s.type, String(s.category), reasonsText(s)] });
  });
  return table(columns, rows, width);
}

function municipalityTable(r: IdentificationReport, width: number) {
  const categories = categoriesOf(r);
  const columns: Column[] = [
    { header: '№', weight: 0.6, align: 'center' },
    { header: 'Муниципальное образование', weight: 4, align: 'left' },
    { header: 'Всего ОО', weight: 1, align: 'center' },
    { header: 'В перечне', weight: 1, align: 'center' },
    ...categories.map((c): Column => ({ header: `Категория ${c}`, weight: 1, align: 'center' })),
    { header: 'Доля, %', weight: 1, align: 'center' },
  ];
  const counts = (g: Omit<IdentificationGroup, 'key'>) => [
    ru(g.schools),
    ru(g.listed),
    ...categories.map((c) => ru(categoryCount(g.byCategory, c))),
    formatPercent(g.share),
  ];
  const rows: Row[] = [
    ...groupsByName(r.totals.byMunicipality).map((g, i) => ({ cells: [`${i + 1}.`, g.key, ...counts(g)] })),
    { cells: ['', 'Итого', ...counts(r.totals)] },
  ];
  return table(columns, rows, width);
}

/** The run or the approved list as a DOCX order appendix, portrait. */
export async function writeIdentificationDocx(r: IdentificationReport): Promise<Uint8Array> {
  const width = textWidth('portrait');
  const corner = r.approved ? appendixLines(approvingAct(r.approved)) : ['Проект'];
  const doc = new Document({
    creator: 'Опора',
    title: r.title,
    styles: documentStyles,
    sections: [
      {
        properties: { page: pageOf('portrait'), titlePage: true },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children: [
          cornerBlock(corner, 'portrait'),
          ...titleBlock(r),
          bodyParagraph(methodologySentence(r)),
          bodyParagraph(summarySentence(r)),
          listedSchools(r).length > 0
            ? listTable(r, width)
            : bodyParagraph('Общеобразовательные организации в перечень не включены.'),
          heading('Распределение по муниципальным образованиям'),
          municipalityTable(r, width),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
