// Concurrency through the HTTP API on both engines (issue 10, item 5). Several users save the same record
// from the same version at the very same moment — the requests are fired together with Promise.all, round
// after round: exactly one is answered 200, every other 409 with a Russian message naming the field that
// changed and who changed it, and the record holds the winner's write with its version raised by one (no lost
// update). Parallel results imports of the same year are serialised: the year holds one file entirely, never a
// mix of two, checked by row count and a checksum of the rows; a backup taken meanwhile restores to one moment.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../contract/api.ts';
import type { ExecutionUnitDto, IndicatorRowDto, ProgrammeExecutionDto } from '../contract/execution.ts';
import type { EventDto, PartnershipDto } from '../contract/network.ts';
import type { ProgrammeDetail } from '../contract/programmes.ts';
import { createBackup, restoreBackup } from '../services/backup.ts';
import { type Db, queryRows } from '../storage/database.ts';
import { regionalRoadmap } from '../test/approved-programme.ts';
import { engines } from '../test/engines.ts';
import { smallDraft } from '../test/programme-drafts.ts';
import { type Client, multipart, startTestServer, type TestServer } from '../test/server.ts';

/** Rounds of simultaneous saves per kind of record. */
const ROUNDS = 20;
/** Rounds of simultaneous imports (each a few hundred rows). */
const IMPORT_ROUNDS = 6;
// «Today» in region A (UTC+7): 15 July 2022, inside the roadmap's year; the seminar below has begun.
const fixedNow = new Date('2022-07-15T05:00:00Z');

interface Writer {
  login: string;
  client: Client;
}

describe.each(engines)('concurrent writes on $name', (engine) => {
  let s: TestServer;
  let writers: Writer[];
  let region: Client;
  let roadmap: ProgrammeDetail;
  let draft: ProgrammeDetail;

  beforeAll(async () => {
    s = await startTestServer(engine, { now: () => fixedNow });
    ({ programme: roadmap } = await regionalRoadmap(s.database.db, s.world, [
      { text: 'Установочный семинар для руководителей школ', deadlineText: '01.02-20.12.2022' },
    ]));
    region = await s.as('region-a');
    // Two people of the region and a second session of one of them: three browsers saving at once.
    writers = [
      { login: 'region-a', client: region },
      { login: 'admin', client: await s.as('admin') },
      { login: 'region-a', client: await s.as('region-a') },
    ];
    const saved = await region.post('/api/programmes', {
      draft: smallDraft('region', 'Проект дорожной карты'),
      owner: { regionId: s.world.regionA },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    draft = saved.json();
  }, 60_000);
  afterAll(() => s?.close());

  /**
   * ROUNDS rounds of everyone writing from the same version at once. In each round exactly one write goes
   * through, the others are refused with a 409 naming `label`, the new version and the winner, and the record
   * moves on by exactly one version and holds the winner's write (`check`).
   */
  async function race<T extends { version: number }>(o: {
    read: () => Promise<T>;
    write: (w: Writer, i: number, version: number, round: number) => Promise<LightMyRequestResponse>;
    label: string;
    check: (after: T, winner: number, round: number) => void;
  }): Promise<void> {
    let before = await o.read();
    for (let round = 0; round < ROUNDS; round++) {
      const answers = await Promise.all(writers.map((w, i) => o.write(w, i, before.version, round)));
      const codes = answers.map((a) => a.statusCode);
      const winners = codes.flatMap((c, i) => (c === 200 ? [i] : []));
      expect([round, winners.length, codes.filter((c) => c !== 200 && c !== 409)]).toEqual([round, 1, []]);
      const winner = winners[0]!;
      for (const [i, a] of answers.entries()) {
        if (i === winner) continue;
        const error = a.json().error as { code: string; message: string };
        expect(error.code).toBe('conflict.stale');
        expect(error.message).toContain(`Запись уже изменил другой пользователь (версия ${before.version + 1})`);
        expect(error.message).toContain(`«${o.label}»`);
        expect(error.message).toContain(`Последнее изменение: ${writers[winner]!.login}.`);
      }
      const after = await o.read();
      expect([round, after.version]).toEqual([round, before.version + 1]);
      o.check(after, winner, round);
      before = after;
    }
  }

  it(`activity: ${ROUNDS} rounds of three simultaneous edits — one wins, no lost update`, async () => {
    const activityId = draft.sections[0]!.activities[1]!.id;
    const responsible = (round: number, i: number) => `Ответственный ${round}-${i}`;
    await race({
      read: async () => {
        const p = (await region.get(`/api/programmes/${draft.id}`)).json() as ProgrammeDetail;
        return p.sections.flatMap((x) => x.activities).find((a) => a.id === activityId)!;
      },
      label: 'Ответственные',
      write: (w, i, version, round) =>
        w.client.patch(`/api/activities/${activityId}`, { responsible: responsible(round, i), version }),
      check: (after, winner, round) => expect(after.responsible).toBe(responsible(round, winner)),
    });
  });

  it(`programme: ${ROUNDS} rounds of three simultaneous edits of its title`, async () => {
    const title = (round: number, i: number) => `Дорожная карта, редакция ${round}-${i}`;
    await race({
      read: async () => (await region.get(`/api/programmes/${draft.id}`)).json() as ProgrammeDetail,
      label: 'Наименование',
      write: (w, i, version, round) =>
        w.client.patch(`/api/programmes/${draft.id}`, { title: title(round, i), version }),
      check: (after, winner, round) => expect(after.title).toBe(title(round, winner)),
    });
  });

  it(`indicator: the first value entered by three at once is kept once; then ${ROUNDS} rounds of changes`, async () => {
    const current = (await region.get(`/api/programmes/${roadmap.id}`)).json() as ProgrammeDetail;
    const patched = await region.patch(`/api/programmes/${roadmap.id}`, {
      indicators: [
        {
          number: '1',
          direction: '',
          name: 'Доля педагогов, прошедших курсы повышения квалификации',
          unit: '%',
          baseline: '40 %',
          actual: '',
          targets: [{ period: '2022', value: 'не менее 90 %' }],
        },
      ],
      version: current.version,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const key = (patched.json() as ProgrammeDetail).indicators[0]!.key!;
    const url = `/api/programmes/${roadmap.id}/indicators/${key}/values`;
    const enteredValue = async () => {
      const rows = (await region.get(`/api/programmes/${roadmap.id}/indicators`)).json() as IndicatorRowDto[];
      return rows.find((r) => r.key === key)!.values.find((v) => v.period === '2022')!;
    };

    // A first value carries no version: the second and third arrive when it exists and are refused.
    const first = await Promise.all(
      writers.map((w, i) => w.client.request('PUT', url, { period: '2022', value: 50 + i, evidence: `Отчёт ${i}` })),
    );
    const codes = first.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(writers.length - 1);
    const firstWinner = codes.indexOf(200);
    for (const a of first.filter((x) => x.statusCode === 409))
      expect(a.json().error.message).toContain('«Значение показателя»');
    expect(await enteredValue()).toMatchObject({
      value: 50 + firstWinner,
      evidence: `Отчёт ${firstWinner}`,
      version: 1,
    });

    const value = (round: number, i: number) => 100 * (round + 1) + i;
    await race({
      read: enteredValue,
      label: 'Значение показателя',
      write: (w, i, version, round) =>
        w.client.request('PUT', url, {
          period: '2022',
          value: value(round, i),
          justification: `Уточнение ${round}-${i}`,
          version,
        }),
      check: (after, winner, round) =>
        expect(after).toMatchObject({ value: value(round, winner), justification: `Уточнение ${round}-${winner}` }),
    });
  });

  it(`execution unit: ${ROUNDS} rounds of three simultaneous reports`, async () => {
    const execution = (await region.get(`/api/programmes/${roadmap.id}/execution`)).json() as ProgrammeExecutionDto;
    const unitId = execution.activities[0]!.units[0]!.id;
    const comment = (round: number, i: number) => `Проведено заседание ${round}-${i}`;
    await race({
      read: async () => (await region.get(`/api/executions/${unitId}`)).json() as ExecutionUnitDto,
      label: 'Комментарий',
      write: (w, i, version, round) =>
        w.client.post(`/api/executions/${unitId}/report`, {
          status: 'in_progress',
          comment: comment(round, i),
          version,
        }),
      check: (after, winner, round) =>
        expect(after).toMatchObject({ status: 'in_progress', comment: comment(round, winner) }),
    });
  });

  it(`partnership: ${ROUNDS} rounds of three simultaneous edits of the agreement`, async () => {
    const created = await region.post('/api/partnerships', {
      kind: 'partnership',
      supporterId: s.world.schoolA2,
      schoolId: s.world.schoolA1,
      agreementNumber: '15-С',
      obligations: 'Открытые уроки',
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = (created.json() as PartnershipDto).id;
    const obligations = (round: number, i: number) => `Открытые уроки и консультации, редакция ${round}-${i}`;
    await race({
      read: async () => {
        const list = (await region.get(`/api/partnerships?organisationId=${s.world.schoolA1}&pageSize=100`)).json() as {
          items: PartnershipDto[];
        };
        return list.items.find((p) => p.id === id)!;
      },
      label: 'Обязательства сторон',
      write: (w, i, version, round) =>
        w.client.patch(`/api/partnerships/${id}`, { obligations: obligations(round, i), version }),
      check: (after, winner, round) => expect(after.obligations).toBe(obligations(round, winner)),
    });
  });

  it(`event attendance: ${ROUNDS} rounds of three simultaneous markings`, async () => {
    // Six people; in even rounds the writers mark 1, 2 or 3 of them present, in odd rounds 4, 5 or 6, so every
    // winning mark changes the attendance the others saw.
    const people: Person[] = [];
    for (let k = 0; k < 6; k++) {
      const res = await region.post('/api/people', {
        regionId: s.world.regionA,
        organisationId: s.world.schoolA1,
        fullName: `Участник Семинара ${k}`,
        position: 'учитель',
      });
      expect(res.statusCode, res.body).toBe(200);
      people.push(res.json());
    }
    const created = await region.post('/api/events', {
      regionId: s.world.regionA,
      kind: 'seminar',
      topic: 'Семинар для учителей математики',
      windowStart: '2022-07-01',
      windowEnd: '2022-07-01',
      audience: { categories: [], subjects: [], schools: 'territory', organisationIds: [] },
    });
    expect(created.statusCode, created.body).toBe(200);
    const event = created.json() as EventDto;
    const present = (round: number, i: number) => (round % 2 === 0 ? 1 : 4) + i;
    await race({
      read: async () =>
        (await region.get(`/api/events/${event.id}/participants`)).json() as {
          version: number;
          counts: { attended: number };
          participants: { personId: string; attended: boolean | null }[];
        },
      label: 'Посещаемость',
      write: (w, i, version, round) =>
        w.client.request('PUT', `/api/events/${event.id}/attendance`, {
          version,
          marks: people.map((p, k) => ({ personId: p.id, attended: k < present(round, i) })),
        }),
      check: (after, winner, round) => {
        expect(after.counts.attended).toBe(present(round, winner));
        for (const [k, p] of people.entries())
          expect(after.participants.find((x) => x.personId === p.id)?.attended).toBe(k < present(round, winner));
      },
    });
  });

  describe('parallel results imports of the same year', () => {
    const schools = ['A1-1', 'A1-2', 'A2-1'];
    const subjects = [
      'русский язык',
      'математика',
      'окружающий мир',
      'история',
      'обществознание',
      'биология',
      'география',
      'физика',
      'химия',
    ];
    const grades = [4, 5, 6, 7, 8, 10, 11];
    /**
     * File `i` of a round: its own subjects (no row of one file has the key of a row of another, so a mix would
     * show), a different number of rows, and marks that depend on the round and the file.
     */
    function file(round: number, i: number) {
      const rows: string[] = [];
      for (const school of schools)
        for (const subject of subjects.filter((_, k) => k % 3 === i))
          for (const grade of grades.slice(0, 7 - i)) {
            const n2 = (round + i + grade) % 5;
            const n3 = 10 + i;
            const n4 = 5 + ((round * 7 + grade) % 4);
            const n5 = round % 3;
            rows.push(`2021,${school},${subject},${grade},${n2 + n3 + n4 + n5},${n2},${n3},${n4},${n5}`);
          }
      return { rows, text: ['year,school_code,subject,grade,participants,n2,n3,n4,n5', ...rows].join('\n') };
    }
    const rows2021 = async (db: Db) =>
      (
        await queryRows<{ row: string }>(
          db,
          sql`select concat_ws(',', r.year, o.code, r.subject, r.grade, r.participants, r.n2, r.n3, r.n4, r.n5) as row
            from vpr_results r join organisations o on o.id = r.organisation_id
            where r.region_id = ${s.world.regionA} and r.year = 2021`,
        )
      ).map((r) => r.row);
    const upload = (c: Client, name: string, text: string) => {
      const { body, headers } = multipart(name, text);
      return c.request('POST', `/api/results/import/vpr?commit=true&regionId=${s.world.regionA}`, body, headers);
    };
    const checksum = (rows: string[]) =>
      createHash('sha256')
        .update([...rows].sort().join('\n'))
        .digest('hex');

    it(`${IMPORT_ROUNDS} rounds of three simultaneous imports: each round the year holds exactly one file`, async () => {
      // A 2020 file nobody touches: replacing 2021 must leave it whole.
      const other = multipart(
        'vpr-2020.csv',
        'year,school_code,subject,grade,participants,n2,n3,n4,n5\n2020,A1-1,математика,5,10,1,2,3,4',
      );
      expect(
        (await region.request('POST', '/api/results/import/vpr?commit=true', other.body, other.headers)).statusCode,
      ).toBe(200);
      const winners: number[] = [];
      for (let round = 0; round < IMPORT_ROUNDS; round++) {
        const files = [0, 1, 2].map((i) => file(round, i));
        const answers = await Promise.all(
          files.map((f, i) => upload(writers[i]!.client, `vpr-${round}-${i}.csv`, f.text)),
        );
        for (const a of answers) {
          expect(a.statusCode, a.body).toBe(200);
          expect(a.json()).toMatchObject({ committed: true, years: [2021] });
        }
        // Serialised: the imports replaced one another in some order, each replacing exactly what the one
        // before it had left: the replaced counts are what the previous round left and the first two files.
        const replaced = answers.map((a) => a.json().replaced as number).sort((x, y) => x - y);
        const previous = round === 0 ? 0 : file(round - 1, winners.at(-1)!).rows.length;
        const sizes = files.map((f) => f.rows.length);
        const replacedIfLast = (last: number) =>
          [previous, ...sizes.filter((_, k) => k !== last)].sort((x, y) => x - y);
        const rows = await rows2021(s.database.db);
        const which = files.findIndex((f) => f.rows.length === rows.length && checksum(f.rows) === checksum(rows));
        expect([round, rows.length, which >= 0]).toEqual([round, rows.length, true]);
        expect(replaced).toEqual(replacedIfLast(which));
        winners.push(which);
      }
      const summary = (await region.get('/api/results/summary')).json() as {
        kinds: { kind: string; years: { year: number; rows: number }[] }[];
      };
      const vprYears = summary.kinds.find((k) => k.kind === 'vpr')?.years ?? [];
      expect(vprYears.find((y) => y.year === 2020)?.rows).toBe(1);
      expect(vprYears.find((y) => y.year === 2021)?.rows).toBe(file(IMPORT_ROUNDS - 1, winners.at(-1)!).rows.length);
    });

    it('a backup taken during simultaneous imports holds one moment: one whole file, each import with its record', async () => {
      const before = await rows2021(s.database.db);
      const files = [0, 1, 2].map((i) => file(IMPORT_ROUNDS, i));
      const [first, backup, ...rest] = await Promise.all([
        upload(writers[0]!.client, 'vpr-a.csv', files[0]!.text),
        createBackup(s.database.db, s.database.engine),
        upload(writers[1]!.client, 'vpr-b.csv', files[1]!.text),
        upload(writers[2]!.client, 'vpr-c.csv', files[2]!.text),
      ]);
      for (const a of [first!, ...rest]) expect(a.statusCode, a.body).toBe(200);
      // The file's last test: the backup is restored over the live data, as an operator would restore it.
      const db = s.database.db;
      expect(await restoreBackup(db, backup.bytes)).toEqual(backup.rows);
      const restored = await rows2021(db);
      const moments = [before, ...files.map((f) => f.rows)];
      expect(moments.some((m) => m.length === restored.length && checksum(m) === checksum(restored))).toBe(true);
      const [consistent] = await queryRows<{ imports: number; audited: number }>(
        db,
        sql`select (select count(*)::int from result_imports) as imports,
                   (select count(*)::int from audit_log where entity = 'results' and action = 'import') as audited`,
      );
      expect(consistent!.imports).toBe(consistent!.audited);
    });
  });
});
