// Lists of schools named in an order or a passport: «школами с низкими образовательными результатами
// (ГБОУ СОШ «ОЦ» с. Воротнее, ГБОУ СОШ с. Черновка, …)» (seed 001), «демонстрируют низкие показатели
// (МОБУ СОШ № 2, 4, 6, 7, 8, 24, 34)» (seed 002), «(№8,12,16,…)» and «показывающих стабильно высокие
// результаты (СОШ 14, Лицей № 23, …)» (seed 003). The role comes from the words just before the brackets.
import type { SourcePlace } from '../document/source-document.ts';
import type { ListedSchool, SchoolRole } from './programme.ts';

const rolePhrases: [SchoolRole, RegExp][] = [
  ['red-zone', /красн\S*\s+зон/gi],
  ['high-performing', /(высок\S*|успешн\S*)\s+(образовательн\S*\s+)?(результат|показател)/gi],
  ['low-results', /низк\S*\s+(образовательн\S*\s+)?(результат|показател)|\bшнор\b/gi],
  ['tutor', /тьютор/gi],
];

// A school by its type words, or a bare number from a list «№8,12,16» (seed 003); letters and orders cited
// in the same brackets («письмо Рособнадзора от … № …») are not schools.
const SCHOOLISH = /(сош|оош|нош|гимнази|лице[йяи]|школ|\bоц\b|\bоу\b|[мг]б?оу|маоу|мобу)|^№\s*\d+$/i;
const NOT_SCHOOL = /(письм|приказ|распоряжени|постановлени|\bот\s+\d)/i;
const PERSON = /^[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.?$/;

/** The role named last before `at` in the same sentence. */
function roleBefore(text: string, at: number): SchoolRole | null {
  const from = Math.max(text.lastIndexOf('.', at - 1) + 1, text.lastIndexOf(')', at - 1) + 1, at - 300, 0);
  const before = text.slice(from, at);
  let best: { role: SchoolRole; pos: number } | null = null;
  for (const [role, re] of rolePhrases) {
    for (const m of before.matchAll(re)) if (!best || m.index! > best.pos) best = { role, pos: m.index! };
  }
  return best?.role ?? null;
}

/** «МОБУ СОШ № 2, 4, 6» → three names; «№8,12,16» → «№ 8», «№ 12», «№ 16». */
export function expandSchoolList(inside: string): string[] {
  const parts = inside
    .split(/[;,]/)
    .map((s) => s.trim().replace(/\.$/, ''))
    .filter(Boolean);
  const out: string[] = [];
  let prefix = '';
  for (const part of parts) {
    if (/^\d+$/.test(part) && prefix) {
      out.push(`${prefix}${part}`);
      continue;
    }
    const m = /^(.*№\s*)(\d+)$/.exec(part);
    prefix = m ? m[1]!.replace(/№\s*$/, '№ ') : '';
    out.push(m ? `${prefix}${m[2]}` : part);
  }
  return out;
}

export const schoolKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"№.\s]/g, '');

export function readSchoolLists(texts: { text: string; source: SourcePlace }[]): ListedSchool[] {
  const out: ListedSchool[] = [];
  const seen = new Set<string>();
  for (const { text, source } of texts) {
    for (const m of text.matchAll(/\(([^()]{3,1500})\)/g)) {
      const role = roleBefore(text, m.index!);
      if (!role) continue;
      const names = expandSchoolList(m[1]!).filter((n) => SCHOOLISH.test(n) && !NOT_SCHOOL.test(n) && !PERSON.test(n));
      // A bracket of people or of anything but schools says nothing about schools.
      if (names.length === 0) continue;
      for (const name of names) {
        const key = `${role}\u0000${schoolKey(name)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ name, role, source });
      }
    }
  }
  return out;
}

const LIST_ITEM = /^(\d{1,3}[.)]|[-–•])\s+(.+)$/s;

/**
 * Lists under a heading that names the role: «Школы с низкими образовательными результатами» followed by
 * «1. МБОУ СОШ № 3», «2. …» (our own export writes school lists this way, and so do many orders).
 */
export function readSchoolListParagraphs(paragraphs: { text: string; source: SourcePlace }[]): ListedSchool[] {
  const out: ListedSchool[] = [];
  let role: SchoolRole | null = null;
  for (const p of paragraphs) {
    const t = p.text.replace(/\n/g, ' ').trim();
    const item = LIST_ITEM.exec(t);
    if (item && role) {
      const name = item[2]!.replace(/[.;]$/, '').trim();
      if (SCHOOLISH.test(name) && !NOT_SCHOOL.test(name) && !PERSON.test(name)) {
        out.push({ name, role, source: p.source });
        continue;
      }
    }
    role = !item && t.length <= 200 && !/[.;]$/.test(t) ? roleBefore(t, t.length) : null;
  }
  return out;
}
