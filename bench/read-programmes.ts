// How fast Опора reads programme documents: the five seeds and a generated 2,000-activity roadmap, as TXT
// and as DOCX (made by our own export). Baselines in the same run: splitting the text into lines and cells
// (the least any TXT reader must do) and mammoth's DOCX → HTML conversion alone (the floor for DOCX).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { readDocument } from '../adapters/document/read-document.ts';
import { writeProgrammeDocx } from '../adapters/docx/write-programme.ts';
import { readTxt } from '../adapters/txt/read-txt.ts';
import { allActivities } from '../domain/programme/programme.ts';
import { readProgramme } from '../domain/programme/read-programme.ts';
import { generateRoadmapTxt } from './generate-roadmap.ts';
import { type BenchRow, median } from './measure.ts';

const seedsDir = path.resolve(import.meta.dirname, '..', '..', 'shared', 'seeds');
const splitCells = (text: string) => text.split('\n').map((l) => l.split('\t'));

export async function benchReadProgrammes(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  if (existsSync(seedsDir)) {
    for (const f of readdirSync(seedsDir).sort()) {
      const text = readFileSync(path.join(seedsDir, f), 'utf8');
      const n = allActivities(readProgramme(readTxt(text, f))).length;
      const ours = await median(15, () => readProgramme(readTxt(text, f)));
      rows.push({
        operation: `сид ${f.slice(0, 3)} (TXT, мероприятий: ${n})`,
        note: `(${((ours * 1000) / n).toFixed(0)} мс на 1 000 строк)`,
        ours,
        baselineName: 'разбиение на строки и ячейки',
        baseline: await median(15, () => splitCells(text)),
        target: '—',
        met: null,
      });
    }
  }
  const big = generateRoadmapTxt(2000);
  const bigDraft = readProgramme(readTxt(big, 'big.txt'));
  const count = allActivities(bigDraft).length;
  if (count !== 2000) throw new Error(`generated roadmap read as ${count} activities, expected 2000`);
  const txt = await median(5, () => readProgramme(readTxt(big, 'big.txt')));
  rows.push({
    operation: 'дорожная карта 2 000 мероприятий (TXT)',
    ours: txt,
    baselineName: 'разбиение на строки и ячейки',
    baseline: await median(5, () => splitCells(big)),
    target: '≤ 1 000 мс',
    met: txt <= 1000,
    note: `(${(txt / 2).toFixed(1)} мс на 1 000 строк)`,
  });
  const docx = await writeProgrammeDocx(bigDraft);
  const back = allActivities(readProgramme(await readDocument('big.docx', docx))).length;
  if (back !== 2000) throw new Error(`DOCX roadmap read back as ${back} activities, expected 2000`);
  const docxTime = await median(3, async () => readProgramme(await readDocument('big.docx', docx)));
  rows.push({
    operation: 'дорожная карта 2 000 мероприятий (DOCX)',
    ours: docxTime,
    baselineName: 'mammoth: DOCX → HTML',
    baseline: await median(3, () => mammoth.convertToHtml({ buffer: Buffer.from(docx) })),
    target: '≤ 1 000 мс',
    met: docxTime <= 1000,
    note: `(${(docxTime / 2).toFixed(1)} мс на 1 000 строк)`,
  });
  return rows;
}
