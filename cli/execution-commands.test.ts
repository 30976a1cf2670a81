// The CLI of running a programme on seed 004 (Kaliningrad, «500+»): the plan imported into the demo region and
// approved, an activity reported with a link, the round of 30.06.2023 against its 30–40 % threshold, and its
// report written to DOCX. Skipped with a message when ../shared/seeds is absent.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../adapters/document/read-document.ts';
import { changeApproval } from '../services/approval.ts';
import { systemActor } from '../services/context.ts';
import { createDemoRegionIfEmpty } from '../services/demo.ts';
import { openDatabase } from '../storage/database.ts';
import { getProgrammeRecord } from '../storage/programmes-repo.ts';
import { seedFile, seedsDir, seedsPresent } from '../test/seeds/seed-files.ts';
import { exitCodeOf } from './exit-codes.ts';
import { type Io, run } from './main.ts';

function io(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = { out: (s) => out.push(s), err: (s) => err.push(s), env };
  return { io: value, text: () => out.join('\n'), errors: () => err.join('\n') };
}

describe.runIf(seedsPresent)('opora activities, activity, round, report on seed 004', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'opora-execution-cli-'));
  const env = { OPORA_DATA_DIR: dir };
  let programmeId = '';
  beforeAll(async () => {
    const demo = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
    await demo.migrate();
    await createDemoRegionIfEmpty(demo.db);
    await demo.close();
    const t = io(env);
    const file = path.join(seedsDir, seedFile('004').name);
    expect(await run(['import-programme', file, '--commit', '--territory', 'ДЕМО', '--json'], t.io)).toBe(0);
    programmeId = JSON.parse(t.text()).id;
    const d = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
    const p = (await getProgrammeRecord(d.db, programmeId))!;
    await changeApproval({ db: d.db, actor: systemActor }, programmeId, { action: 'approve', version: p.version });
    await d.close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the 32 activities with id, number, status and deadline reading', async () => {
    const t = io(env);
    expect(await run(['activities', programmeId, '--json'], t.io)).toBe(0);
    const out = JSON.parse(t.text());
    expect(out.activities).toHaveLength(32);
    expect(out.activities[0]).toMatchObject({
      number: '1.',
      status: 'planned',
      deadline: { text: 'До 15.02.2023', kind: 'date', windows: [{ start: null, end: '2023-02-15' }] },
    });
  });

  it('reports an activity with the evidence it asks for, and the round of 30.06.2023 counts it against 30–40 %', async () => {
    const list = io(env);
    await run(['activities', programmeId, '--json'], list.io);
    const third = JSON.parse(list.text()).activities[2];
    const noEvidence = io(env);
    expect(await run(['activity', third.id, '--status', 'done', '--date', '2023-02-20'], noEvidence.io)).toBe(
      exitCodeOf['validation.failed'],
    );
    expect(noEvidence.errors()).toMatch(/приложите подтверждение/);
    // Item 3 asks for «Письмо о проведении мероприятия»: a link is not that; the letter's scan is.
    const link = io(env);
    expect(
      await run(['activity', third.id, '--status', 'done', '--evidence', 'https://koiro.edu.ru/news/1'], link.io),
    ).toBe(exitCodeOf['validation.failed']);
    const letter = path.join(dir, 'письмо.pdf');
    writeFileSync(letter, '%PDF-1.4 письмо о проведении установочного мероприятия');
    const t = io(env);
    expect(
      await run(
        ['activity', third.id, '--status', 'done', '--date', '2023-02-20', '--evidence', letter, '--json'],
        t.io,
      ),
      t.errors(),
    ).toBe(0);
    expect(JSON.parse(t.text())).toMatchObject({ status: 'done', completedOn: '2023-02-20', evidence: 2 });
    const round = io(env);
    expect(await run(['round', programmeId, '--date', '2023-06-30', '--json'], round.io)).toBe(0);
    const r = JSON.parse(round.text());
    expect(r).toMatchObject({
      done: 1,
      total: 32,
      cancelled: 0,
      threshold: { min: 30, max: 40 },
      meetsThreshold: false,
    });
    expect(r.executionPercent).toBeCloseTo(3.125, 6);
    const out = path.join(dir, 'справка.docx');
    const report = io(env);
    expect(await run(['report', programmeId, '--round', '2023-06-30', '--out', out], report.io)).toBe(0);
    const text = (await readDocument('справка.docx', readFileSync(out))).blocks
      .map((b) => (b.kind === 'paragraph' ? b.text : JSON.stringify(b)))
      .join('\n');
    expect(text).toContain('3,1 %');
    expect(text).toContain('30.06.2023');
    const none = io(env);
    expect(await run(['report', programmeId, '--round', '2023-07-01', '--out', out], none.io)).toBe(
      exitCodeOf.not_found,
    );
  });
});
