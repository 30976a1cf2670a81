// Programmes on every engine: saving a seed in one transaction, scope filtering in SQL, deadlines read on
// the server, dense positions when activities move, stale writes, cascades and the backup round trip.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors.ts';
import { createBackup, restoreBackup } from '../services/backup.ts';
import type { ServiceContext } from '../services/context.ts';
import {
  createActivity,
  createSection,
  deleteActivity,
  deleteProgramme,
  deleteSection,
  getProgramme,
  listProgrammesFor,
  readProgrammeFile,
  saveProgramme,
  updateActivity,
  updateProgramme,
} from '../services/programmes.ts';
import { engines, pgliteEngine } from '../test/engines.ts';
import { blankActivity, smallDraft } from '../test/programme-drafts.ts';
import { rejection } from '../test/rejection.ts';
import { seedFile, seedsPresent } from '../test/seeds/seed-files.ts';
import { seedWorld, type World } from '../test/world.ts';
import { listAudit } from './audit-repo.ts';
import { type Database, queryRows } from './database.ts';

const codeOf = (e: unknown) => (isDomainError(e) ? e.code : String(e));

describe.each(engines)('programmes storage on $name', (engine) => {
  let d: Database & { drop(): Promise<void> };
  let w: World;
  const ctx = (who: keyof World['actors']): ServiceContext => ({ db: d.db, actor: w.actors[who] });
  const regionOwner = () => ({ regionId: w.regionA, municipalityId: null, organisationId: null });

  beforeAll(async () => {
    d = await engine.create();
    w = await seedWorld(d.db);
  });
  afterAll(async () => {
    await d?.drop();
  });

  it.runIf(seedsPresent)('saves seed 000 in one transaction with its order and audit record', async () => {
    const f = seedFile('000');
    const preview = await readProgrammeFile({ name: f.name, bytes: f.bytes });
    const saved = await saveProgramme(ctx('regional_coordinator'), {
      draft: preview.draft,
      owner: regionOwner(),
      sourceName: f.name,
    });
    expect(saved).toMatchObject({ level: 'region', kind: 'дорожная карта', actNumber: '3872', activities: 21 });
    expect(saved.territoryName).toBe('Область А');
    expect(saved.consultations).toHaveLength(44);
    expect(saved.workingGroup).toHaveLength(6);
    const activities = saved.sections.flatMap((s) => s.activities);
    expect(activities.map((a) => a.position)).toEqual(activities.map((_, i) => i));
    expect(activities[0]).toMatchObject({
      number: '1.',
      deadlineText: 'Январь 2022 года',
      deadline: { kind: 'range' },
    });
    // Activity 17 is dated November 2021 in a 2022 roadmap: a real warning, recomputed on the server.
    expect(saved.warnings.map((x) => `${x.code} ${x.path}`)).toEqual([
      'deadline.outside_period sections[0].activities[16].deadline',
    ]);
    const log = await listAudit(d.db, { kind: 'all' }, { entity: 'programme', entityId: saved.id }, 10, 0);
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ action: 'create', actorLogin: 'region-a', regionId: w.regionA });
    expect(log.items[0]!.summary).toContain('мероприятий 21');
  });

  it('reads every deadline on the server, whatever reading the client sent', async () => {
    const draft = smallDraft('region');
    draft.sections[0]!.activities[0]!.deadline = {
      text: 'Январь 2022 года',
      kind: 'date',
      windows: [{ start: null, end: '2030-01-01' }],
      warnings: [],
    };
    const saved = await saveProgramme(ctx('regional_coordinator'), { draft, owner: regionOwner(), sourceName: '' });
    expect(saved.sections[0]!.activities[0]!.deadline).toEqual({
      text: 'Январь 2022 года',
      kind: 'range',
      windows: [{ start: '2022-01-01', end: '2022-01-31' }],
      warnings: [],
    });
    expect(saved.consultations[0]!.when.windows).toEqual([{ start: '2022-04-01', end: '2022-04-30' }]);
  });

  it('links responsible and executors to organisations and people of the region, and re-links on edit', async () => {
    const c = ctx('regional_coordinator');
    const draft = smallDraft('region');
    Object.assign(draft.sections[0]!.activities[0]!, {
      responsible: 'Школа A1-1 (Иванова А. П.)',
      // Region B's school and director are not Опора's people in region A.
      executors: 'Школа B1-1, Петров Б. И., Иванова Анна Петровна',
    });
    const saved = await saveProgramme(c, { draft, owner: regionOwner(), sourceName: '' });
    const [first, second] = saved.sections[0]!.activities;
    expect(first!.links).toEqual([
      { kind: 'organisation', id: w.schoolA1, label: 'Школа A1-1' },
      { kind: 'person', id: w.personA1, label: 'Иванова Анна Петровна' },
    ]);
    expect(second!.links).toEqual([]);
    // The links are stored: a fresh read shows them.
    expect((await getProgramme(c, saved.id)).sections[0]!.activities[0]!.links).toHaveLength(2);

    const edited = await updateActivity(c, first!.id, { responsible: 'Школа A1-2', version: first!.version });
    expect(edited.links).toEqual([
      { kind: 'organisation', id: w.schoolA1b, label: 'Школа A1-2' },
      { kind: 'person', id: w.personA1, label: 'Иванова Анна Петровна' },
    ]);
    const cleared = await updateActivity(c, first!.id, { executors: '', version: edited.version });
    expect(cleared.links).toEqual([{ kind: 'organisation', id: w.schoolA1b, label: 'Школа A1-2' }]);
    // Other edits keep the links as they are.
    const renumbered = await updateActivity(c, first!.id, { number: '1.1.а', version: cleared.version });
    expect(renumbered.links).toEqual(cleared.links);

    const created = await createActivity(c, saved.id, {
      ...blankActivity,
      sectionId: saved.sections[1]!.id,
      responsible: 'А.П. Иванова',
      executors: 'Петров Б. И.',
    });
    expect(created.links).toEqual([{ kind: 'person', id: w.personA1, label: 'Иванова Анна Петровна' }]);
  });

  it('checks the owner against the level and the actor territory', async () => {
    const save = (who: keyof World['actors'], level: 'region' | 'municipality' | 'school', owner: object) =>
      rejection(
        saveProgramme(ctx(who), {
          draft: smallDraft(level),
          owner: { regionId: w.regionA, municipalityId: null, organisationId: null, ...owner },
          sourceName: '',
        }),
      );
    expect(codeOf(await save('admin', 'region', { municipalityId: w.munA1 }))).toBe('validation.failed');
    expect(codeOf(await save('admin', 'municipality', {}))).toBe('validation.failed');
    expect(codeOf(await save('admin', 'municipality', { municipalityId: w.munB1 }))).toBe('validation.failed');
    expect(codeOf(await save('admin', 'school', { organisationId: w.iroA }))).toBe('validation.failed');
    expect(codeOf(await save('admin', 'school', { organisationId: w.schoolB1 }))).toBe('validation.failed');
    expect(codeOf(await save('municipal_coordinator', 'municipality', { municipalityId: w.munA2 }))).toBe(
      'access.denied',
    );
    expect(codeOf(await save('municipal_coordinator', 'region', {}))).toBe('access.denied');
    expect(codeOf(await save('school', 'school', { organisationId: w.schoolA1b }))).toBe('access.denied');
    expect(codeOf(await save('observer', 'region', {}))).toBe('access.denied');
    const bad = smallDraft('region');
    bad.period = { start: '2022-12-31', end: '2022-01-01' };
    expect(
      codeOf(await rejection(saveProgramme(ctx('admin'), { draft: bad, owner: regionOwner(), sourceName: '' }))),
    ).toBe('validation.failed');
  });

  it('files a school programme under the school municipality and filters lists in SQL', async () => {
    const school = await saveProgramme(ctx('school'), {
      draft: smallDraft('school', 'Программа школы А1-1'),
      owner: { regionId: w.regionA, municipalityId: null, organisationId: w.schoolA1 },
      sourceName: '',
    });
    expect(school).toMatchObject({ municipalityId: w.munA1, organisationId: w.schoolA1, territoryName: 'Школа A1-1' });
    await saveProgramme(ctx('municipal_coordinator'), {
      draft: smallDraft('municipality', 'Программа города А1'),
      owner: { regionId: w.regionA, municipalityId: w.munA1, organisationId: null },
      sourceName: '',
    });
    await saveProgramme(ctx('admin'), {
      draft: smallDraft('municipality', 'Программа округа Б1'),
      owner: { regionId: w.regionB, municipalityId: w.munB1, organisationId: null },
      sourceName: '',
    });
    const titles = async (who: keyof World['actors'], q: object = {}) =>
      (await listProgrammesFor(ctx(who), { page: 1, pageSize: 100, ...q })).items.map((p) => p.title).sort();
    expect(await titles('school')).toEqual(['Программа школы А1-1']);
    expect(await titles('municipal_coordinator')).toEqual(['Программа города А1', 'Программа школы А1-1']);
    expect(await titles('regional_coordinator_b')).toEqual(['Программа округа Б1']);
    expect(await titles('curator')).toEqual([]);
    expect((await titles('regional_coordinator')).includes('Программа округа Б1')).toBe(false);
    expect(await titles('regional_coordinator', { level: 'school' })).toEqual(['Программа школы А1-1']);
    expect(await titles('admin', { q: 'округа' })).toEqual(['Программа округа Б1']);
    const list = await listProgrammesFor(ctx('school'), { page: 1, pageSize: 10 });
    expect(list.items[0]).toMatchObject({ activities: 3, period: { start: '2022-01-01', end: '2022-12-31' } });
    expect(codeOf(await rejection(getProgramme(ctx('regional_coordinator_b'), school.id)))).toBe('access.denied');
  });

  it('reads all deadlines again when the period changes, and audits before → after', async () => {
    const p = await saveProgramme(ctx('regional_coordinator'), {
      draft: smallDraft('region'),
      owner: regionOwner(),
      sourceName: '',
    });
    const after = await updateProgramme(ctx('regional_coordinator'), p.id, {
      period: { start: '2023-01-01', end: '2023-12-31' },
      version: p.version,
    });
    const march = after.sections[0]!.activities[1]!;
    expect(march.deadline.windows).toEqual([{ start: '2023-03-01', end: '2023-03-31' }]);
    // «Январь 2022 года» now lies outside the period, and says so.
    expect(after.warnings.map((x) => x.code)).toContain('deadline.outside_period');
    expect(after.consultations[0]!.when.windows).toEqual([{ start: '2023-04-01', end: '2023-04-30' }]);
    expect(after.version).toBe(p.version + 1);
    // The re-read is derived: activity versions stay.
    expect(march.version).toBe(p.sections[0]!.activities[1]!.version);
    const stale = await rejection(updateProgramme(ctx('admin'), p.id, { title: 'Другое', version: p.version }));
    expect(codeOf(stale)).toBe('conflict.stale');
    expect((stale as Error).message).toContain('«Период реализации»');
    const log = await listAudit(d.db, { kind: 'all' }, { entity: 'programme', entityId: p.id }, 10, 0);
    expect(log.items[0]).toMatchObject({ action: 'update' });
    expect((log.items[0]!.before as { period: unknown }).period).toEqual({ start: '2022-01-01', end: '2022-12-31' });
  });

  it('moves and reorders activities with dense positions, and refuses stale edits', async () => {
    const c = ctx('regional_coordinator');
    const p = await saveProgramme(c, { draft: smallDraft('region'), owner: regionOwner(), sourceName: '' });
    const [s1, s2] = p.sections;
    const first = s1!.activities[0]!;
    // Move the first activity of section 1 to the top of section 2.
    const moved = await updateActivity(c, first.id, { sectionId: s2!.id, position: 0, version: first.version });
    expect(moved).toMatchObject({ sectionId: s2!.id, position: 0, version: first.version + 1 });
    let now = await getProgramme(c, p.id);
    expect(now.sections.map((s) => s.activities.map((a) => [a.number, a.position]))).toEqual([
      [['1.2.', 0]],
      [
        ['1.1.', 0],
        ['2.1.', 1],
      ],
    ]);
    // Reorder within section 2: put 1.1. last (a position beyond the end means the end).
    await updateActivity(c, first.id, { position: 9, version: moved.version });
    now = await getProgramme(c, p.id);
    expect(now.sections[1]!.activities.map((a) => [a.number, a.position])).toEqual([
      ['2.1.', 0],
      ['1.1.', 1],
    ]);
    const stale = await rejection(updateActivity(c, first.id, { deadlineText: 'Май 2022', version: moved.version }));
    expect(codeOf(stale)).toBe('conflict.stale');
    expect((stale as Error).message).toContain('«Порядок мероприятий»');
    // A new activity at position 0 pushes the others down.
    const added = await createActivity(c, p.id, {
      ...blankActivity,
      sectionId: s2!.id,
      text: 'Новое',
      deadlineText: 'до 25.08.2022',
      position: 0,
    });
    expect(added.deadline).toMatchObject({ kind: 'date', windows: [{ start: null, end: '2022-08-25' }] });
    now = await getProgramme(c, p.id);
    expect(now.sections[1]!.activities.map((a) => [a.text, a.position])).toEqual([
      ['Новое', 0],
      ['Мониторинг', 1],
      ['Создать рабочую группу', 2],
    ]);
    await deleteActivity(c, added.id, added.version);
    now = await getProgramme(c, p.id);
    expect(now.sections[1]!.activities.map((a) => a.position)).toEqual([0, 1]);
    // An activity cannot move into a section of another programme.
    const other = await saveProgramme(c, { draft: smallDraft('region'), owner: regionOwner(), sourceName: '' });
    const a = now.sections[0]!.activities[0]!;
    expect(
      codeOf(await rejection(updateActivity(c, a.id, { sectionId: other.sections[0]!.id, version: a.version }))),
    ).toBe('validation.failed');
  });

  it('refuses to delete a section with activities, deletes an empty one and renumbers', async () => {
    const c = ctx('regional_coordinator');
    const p = await saveProgramme(c, { draft: smallDraft('region'), owner: regionOwner(), sourceName: '' });
    const full = p.sections[0]!;
    const inUse = await rejection(deleteSection(c, full.id, full.version));
    expect(codeOf(inUse)).toBe('conflict.in_use');
    expect((inUse as Error).message).toContain('мероприятий — 2');
    const empty = await createSection(c, p.id, { number: '0.', title: 'Вводный раздел', position: 0 });
    let now = await getProgramme(c, p.id);
    expect(now.sections.map((s) => [s.title, s.position])).toEqual([
      ['Вводный раздел', 0],
      ['Организационные мероприятия', 1],
      ['Мониторинг', 2],
    ]);
    await deleteSection(c, empty.id, empty.version);
    now = await getProgramme(c, p.id);
    expect(now.sections.map((s) => s.position)).toEqual([0, 1]);
  });

  it('deletes a programme with its sections and activities', async () => {
    const c = ctx('regional_coordinator');
    const p = await saveProgramme(c, { draft: smallDraft('region'), owner: regionOwner(), sourceName: '' });
    expect(codeOf(await rejection(deleteProgramme(c, p.id, p.version + 1)))).toBe('conflict.stale');
    await deleteProgramme(c, p.id, p.version);
    const left = await queryRows<{ n: number }>(
      d.db,
      sql`select (select count(*) from programme_sections where programme_id = ${p.id})::int + (select count(*) from programme_activities where programme_id = ${p.id})::int as n`,
    );
    expect(left[0]!.n).toBe(0);
    expect(codeOf(await rejection(getProgramme(c, p.id)))).toBe('not_found');
  });

  it('backs up and restores programmes with their sections and activities', async () => {
    const { bytes, rows } = await createBackup(d.db, d.engine);
    expect(rows.programmes).toBeGreaterThan(3);
    expect(rows.programme_activities).toBeGreaterThan(10);
    const other = await pgliteEngine.create();
    try {
      expect(await restoreBackup(other.db, bytes)).toEqual(rows);
      const list = await listProgrammesFor({ db: other.db, actor: w.actors.admin }, { page: 1, pageSize: 100 });
      expect(list.total).toBe(rows.programmes);
      const one = list.items[0]!;
      const [a, b] = await Promise.all([
        getProgramme(ctx('admin'), one.id),
        getProgramme({ db: other.db, actor: w.actors.admin }, one.id),
      ]);
      expect(b).toEqual(a);
    } finally {
      await other.drop();
    }
  });
});
