// The approving act at the head of the document (seed 000: «ПРИКАЗ … от « 30 » 12. 2021 г. № 3872»,
// seed 001: «РАСПОРЯЖЕНИЕ от 09.12.2021 № 375 -р», seed 004: «П Р И К А З « 13 » января 2023 года № 28/1»)
// or, when the document is the appendix alone (seed 003), from «ПРИЛОЖЕНИЕ к приказу … от 01.06.2020 № 632».

import { monthOf } from '../deadline/words.ts';
import type { DocBlock } from '../document/source-document.ts';
import { type ApprovingAct, emptyAct } from './programme.ts';

const ACT_KIND = /^(приказ|распоряжение|постановление|решение)$/;
const squeeze = (s: string) => s.toLowerCase().replace(/[\s\u00a0]+/g, '');

/** «30.12.21», «« 30 » 12. 2021», «13 января 2023», «25.06.2020» → ISO date or null. */
export function readActDate(text: string): string | null {
  const t = text.replace(/[«»"]/g, ' ').replace(/\s+/g, ' ');
  const numeric = /(\d{1,2})\s*[.\s]\s*(\d{1,2})\s*\.\s*(\d{2,4})/.exec(t);
  const worded = /(\d{1,2})\s+([а-яё]+)\s+(\d{4})/i.exec(t);
  let d: number;
  let m: number;
  let y: number;
  if (numeric) {
    d = Number(numeric[1]);
    m = Number(numeric[2]);
    y = Number(numeric[3]);
  } else if (worded && monthOf(worded[2]!.toLowerCase())) {
    d = Number(worded[1]);
    m = monthOf(worded[2]!.toLowerCase())!;
    y = Number(worded[3]);
  } else return null;
  if (y < 100) y += 2000;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** «375 -р» → «375-р»; placeholders («_____») → ''. */
export function normaliseActNumber(raw: string): string {
  const n = raw
    .replace(/\s*([-/])\s*/g, '$1')
    .replace(/[\s.,;:]+$/, '')
    .trim();
  return /^_+$/.test(n) ? '' : n;
}

export interface ActReference {
  number: string;
  date: string | null;
  text: string;
  paragraph: number;
}

const REF_DATE_NUMBER =
  /от\s+(«?\s*\d{1,2}\s*»?\s*[.\s]\s*(?:\d{1,2}|[а-яё]+)\s*[.\s]\s*\d{2,4})\s*(?:г\.?|года)?\s*№\s*([0-9][\w/]*(?:\s*-\s*[\p{L}\d]+)?)/giu;
const REF_NUMBER_DATE =
  /(?:приказ|распоряжени\S*)\s*№\s*([0-9][\w/]*(?:\s*-\s*[\p{L}\d]+)?)\s+от\s+(\d{1,2}\.\d{1,2}\.\d{2,4})/giu;

/** Every «от DATE № N» (and «Приказ № N от DATE») citing an act anywhere in the paragraphs. */
export function actReferences(paragraphs: { text: string; index: number }[]): ActReference[] {
  const out: ActReference[] = [];
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(REF_DATE_NUMBER))
      out.push({ number: normaliseActNumber(m[2]!), date: readActDate(m[1]!), text: m[0], paragraph: p.index });
    for (const m of p.text.matchAll(REF_NUMBER_DATE))
      out.push({ number: normaliseActNumber(m[1]!), date: readActDate(m[2]!), text: m[0], paragraph: p.index });
  }
  return out.filter((r) => r.number !== '');
}

const NAME = /^[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?$/;

/** Reads the act from the paragraphs before the appendix. Missing parts stay empty, never guessed. */
export function readAct(blocks: DocBlock[]): ApprovingAct {
  const act: ApprovingAct = emptyAct();
  const paras = blocks.flatMap((b, index) => (b.kind === 'paragraph' ? [{ text: b.text, index }] : []));
  const kindAt = paras.findIndex((p) => ACT_KIND.test(squeeze(p.text)));
  if (kindAt >= 0) {
    act.kind = squeeze(paras[kindAt]!.text);
    act.authority = paras
      .slice(0, kindAt)
      .map((p) => p.text.replace(/\n/g, ' '))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    for (const p of paras.slice(kindAt + 1, kindAt + 8)) {
      const t = p.text.replace(/\n/g, ' ');
      if (/^(об?|о)\s/i.test(t) && !act.title) {
        act.title = t.trim();
        break;
      }
      if (!act.date) act.date = readActDate(t);
      const num = /№\s*([0-9][\w/]*(?:\s*-\s*[\p{L}\d]+)?)/u.exec(t);
      if (num && !act.number) act.number = normaliseActNumber(num[1]!);
      const place = /^(г\.|город|пгт|с\.|ст\.)\s*\S.*$/i.exec(t.trim());
      if (place && !act.place) act.place = place[0];
    }
    // The signature: a name «С.Ю. Балакирева» after the order's items, its position just above it.
    const signAt = paras.findIndex((p, i) => i > kindAt && NAME.test(p.text.trim()));
    if (signAt > 0) {
      act.signatory = paras[signAt]!.text.trim();
      const above: string[] = [];
      for (let i = signAt - 1; i > kindAt; i--) {
        const t = paras[i]!.text.replace(/\n/g, ' ').trim();
        if (/\d{3,}|^\d+\.|:$/.test(t) || t.length > 160) {
          if (above.length) break;
          continue;
        }
        above.unshift(t);
        if (/^(министр|начальник|руководитель|глава|директор|заместитель|и\.?\s?о\.)/i.test(t)) break;
      }
      act.signatoryPosition = above.join(' ').replace(/\s+/g, ' ');
    }
  } else {
    // The appendix alone: «ПРИЛОЖЕНИЕ к приказу управления образования … от 01.06.2020 № 632».
    const head = paras.slice(0, 6).find((p) => /к\s+(приказу|распоряжению|постановлению)/i.test(p.text));
    if (head) {
      const t = head.text.replace(/\n/g, ' ').replace(/\s+/g, ' ');
      const m = /к\s+(приказу|распоряжению|постановлению)\s+(.*?)\s+от\s+/i.exec(t);
      act.kind =
        { приказу: 'приказ', распоряжению: 'распоряжение', постановлению: 'постановление' }[
          m?.[1]?.toLowerCase() ?? ''
        ] ?? '';
      act.authority = m?.[2] ?? '';
      const ref = actReferences([{ text: t, index: 0 }])[0];
      act.number = ref?.number ?? '';
      act.date = ref?.date ?? null;
    }
  }
  return act;
}
