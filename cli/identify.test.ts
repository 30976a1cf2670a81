// `opora identify` on files without a database, and on a region's data with --region after
// `opora import-results`. The fixture is the small region of server/routes/identification/routes.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoRegionIfEmpty } from '../services/demo.ts';
import { openDatabase } from '../storage/database.ts';
import { exitCodeOf } from './exit-codes.ts';
import { type Io, run } from './main.ts';

function io(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = { out: (s) => out.push(s), err: (s) => err.push(s), env };
  return { io: value, text: () => out.join('\n'), errors: () => err.join('\n') };
}

const files = {
  'schools.csv': [
    'code,name,short_name,type,municipality,region,urban',
    'A1-1,Школа A1-1,Школа A1-1,СОШ,Город А1,A,1',
    'A1-2,Школа A1-2,Школа A1-2,ООШ,Город А1,A,0',
    'A2-1,Школа A2-1,Школа A2-1,СОШ,Район А2,A,0',
    'A-IRO,Институт,Институт,ИРО,,A,1',
  ],
  // A1-1: ВПР математика 5 — 4 of 10 (40 %) in 2019 and 2021; 2021 «5» 1 of 10 (10 %): red zone in 2021.
  'vpr.csv': [
    'year,school_code,subject,grade,participants,n2,n3,n4,n5',
    '2019,A1-1,математика,5,10,4,4,2,0',
    '2021,A1-1,математика,5,10,4,4,1,1',
    '2019,A2-1,математика,5,20,1,9,5,5',
    '2021,A2-1,математика,5,20,2,8,5,5',
  ],
  // A1-1: ОГЭ математика 3 of 10 (30 %), 5 of 10 (50 %) → second procedure → category 1.
  // A1-2: ОГЭ русский язык 5 of 10 in both years → one procedure → category 2.
  'gia.csv': [
    'year,school_code,exam,subject,participants,below_min',
    '2019,A1-1,ОГЭ,математика,10,3',
    '2021,A1-1,ОГЭ,математика,10,5',
    '2019,A1-2,ОГЭ,русский язык,10,5',
    '2021,A1-2,ОГЭ,русский язык,10,5',
  ],
  // A2-1 2021: lowered 2 + raised 2 of 20 = 20 % > 15 %: objectivity gap. A1-1: 1 of 10 = 10 %: none.
  'journal.csv': [
    'year,school_code,subject,grade,participants,lowered,confirmed,raised',
    '2021,A1-1,математика,5,10,0,9,1',
    '2021,A2-1,математика,5,20,2,16,2',
  ],
};

describe('opora identify', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const args = () => [
    '--schools',
    file('schools.csv'),
    '--vpr',
    file('vpr.csv'),
    '--gia',
    file('gia.csv'),
    '--journal',
    file('journal.csv'),
  ];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'opora-identify-'));
    for (const [name, lines] of Object.entries(files)) writeFileSync(file(name), lines.join('\n'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one entry per school of schools.csv with category, procedures, flags and reasons', async () => {
    const t = io({});
    expect(await run(['identify', ...args(), '--methodology', 'kuzbass-2021', '--json'], t.io)).toBe(0);
    const out = JSON.parse(t.text());
    expect(out.methodology).toBe('kuzbass-2021');
    expect(
      out.schools.map((s: Record<string, unknown>) => [
        s.code,
        s.category,
        s.lowProcedures,
        s.redZone,
        s.objectivityGap,
      ]),
    ).toEqual([
      ['A1-1', 1, 2, true, false],
      ['A1-2', 2, 1, false, false],
      ['A2-1', null, 0, false, true],
    ]);
    const reasons = out.schools[1].reasons.map((r: { text: string }) => r.text);
    expect(reasons).toContain(
      'ОГЭ русский язык, 2019: не преодолели минимальный порог 5 из 10 участников — 50 % (порог: не менее 30 %).',
    );
    expect(out.totals).toMatchObject({ schools: 3, listed: 2, municipalitiesWithListed: 1, municipalities: 2 });
  });

  it('reads a methodology from a JSON file: «low in any of the years»', async () => {
    const any = {
      code: 'any-year',
      title: 'В любом из лет',
      definition: {
        procedures: [
          { source: 'vpr', subject: 'математика', grade: 5 },
          { source: 'gia', exam: 'ОГЭ', subject: 'математика' },
        ],
        lowResult: { vpr: { op: '>=', percent: 30 }, gia: { op: '>=', percent: 30 } },
        redZone: { share2: { op: '>=', percent: 30 }, share5: { op: '<=', percent: 15 }, scope: 'all-vpr' },
        objectivity: { gap: { op: '>', percent: 15 } },
        rules: [
          {
            category: 1,
            label: 'Хотя бы одна процедура',
            conditions: [{ kind: 'low-procedures', years: [{ year: 2019 }, { year: 2021 }], yearsMode: 'any', min: 1 }],
          },
        ],
      },
    };
    writeFileSync(file('any.json'), JSON.stringify(any));
    const t = io({});
    expect(await run(['identify', ...args(), '--methodology', file('any.json'), '--json'], t.io)).toBe(0);
    // Only ВПР математика 5 and ОГЭ математика count: A1-1 has both; A1-2's ОГЭ русский язык is not a procedure.
    expect(JSON.parse(t.text()).schools.map((s: { category: number | null }) => s.category)).toEqual([1, null, null]);
  });

  it('reports every problem of every file with its place and exits with the import code', async () => {
    writeFileSync(
      file('bad-vpr.csv'),
      [
        'year,school_code,subject,grade,participants,n2,n3,n4,n5',
        '2021,A1-1,математика,5,10,4,4,1,2',
        '2021,Z-9,математика,5,10,4,4,1,1',
      ].join('\n'),
    );
    const t = io({});
    const code = await run(
      ['identify', '--schools', file('schools.csv'), '--vpr', file('bad-vpr.csv'), '--methodology', 'kuzbass-2021'],
      t.io,
    );
    expect(code).toBe(exitCodeOf['import.invalid']);
    expect(t.errors()).toContain('строка 2');
    expect(t.errors()).toContain('строка 3');
    expect(t.errors()).toContain('bad-vpr.csv');
  });

  it('names the shipped methodologies when the name is unknown', async () => {
    const t = io({});
    expect(await run(['identify', ...args(), '--methodology', 'nope'], t.io)).toBe(exitCodeOf.not_found);
    expect(t.errors()).toContain('kuzbass-2021');
  });

  it('imports results into a region and identifies on the database with --region', async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'opora-identify-db-'));
    try {
      const env = { OPORA_DATA_DIR: data };
      const d = await openDatabase({ kind: 'pglite', dataDir: path.join(data, 'pglite') });
      await d.migrate();
      await createDemoRegionIfEmpty(d.db);
      await d.close();
      // The demo region has its own results of 2019–2021; a ВПР file for 2021 replaces that year of ВПР.
      writeFileSync(
        file('demo-vpr.csv'),
        ['year,school_code,subject,grade,participants,n2,n3,n4,n5', '2021,ДМ-02-001,математика,5,10,9,1,0,0'].join(
          '\n',
        ),
      );
      const dry = io(env);
      expect(
        await run(['import-results', file('demo-vpr.csv'), '--kind', 'vpr', '--region', 'ДЕМО', '--json'], dry.io),
      ).toBe(0);
      expect(JSON.parse(dry.text())).toMatchObject({ committed: false, records: 1, years: [2021] });
      const commit = io(env);
      expect(
        await run(
          ['import-results', file('demo-vpr.csv'), '--kind', 'vpr', '--region', 'ДЕМО', '--commit', '--json'],
          commit.io,
        ),
      ).toBe(0);
      const report = JSON.parse(commit.text());
      expect(report.committed).toBe(true);
      expect(report.replaced).toBeGreaterThan(100);
      const t = io(env);
      expect(await run(['identify', '--region', 'ДЕМО', '--methodology', 'red-zone', '--json'], t.io)).toBe(0);
      const out = JSON.parse(t.text());
      // In 2021 only ДМ-02-001's ВПР remains: 90 % «2», 0 % «5» → the only red-zone school.
      expect(
        out.schools
          .filter((s: { category: number | null }) => s.category !== null)
          .map((s: { code: string }) => s.code),
      ).toEqual(['ДМ-02-001']);
      expect(out.schools).toHaveLength(40);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
