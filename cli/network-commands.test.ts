// `opora events` on seed 000 imported into the demo region: the 44 consultations of its schedule with the
// month as the plan writes it and the responsible persons, and a webinar with a time and attendance counted.
// Skipped with a message when ../shared/seeds is absent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../services/context.ts';
import { createDemoRegionIfEmpty, demoRegionCode } from '../services/demo.ts';
import { createEvent, markAttendance } from '../services/events.ts';
import { openDatabase } from '../storage/database.ts';
import { organisations, people, regions } from '../storage/schema.ts';
import { seedFile, seedsDir, seedsPresent } from '../test/seeds/seed-files.ts';
import { exitCodeOf } from './exit-codes.ts';
import { type Io, run } from './main.ts';
import { eventDateText } from './network-commands.ts';

function io(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = { out: (s) => out.push(s), err: (s) => err.push(s), env };
  return { io: value, text: () => out.join('\n'), errors: () => err.join('\n') };
}

interface EventLine {
  date: string;
  dateText: string;
  kind: string;
  topic: string;
  responsible: string;
  counts: { audience: number; registered: number; attended: number };
}

describe('the date an event is listed with', () => {
  const base = { dateText: '', startsAt: null, windowStart: '2022-10-05', windowEnd: '2022-10-05' };
  it('is the plan’s wording, else the time in the region’s zone, else the days', () => {
    expect(eventDateText({ ...base, dateText: 'Март 2022 года' }, 'Asia/Novokuznetsk')).toBe('Март 2022 года');
    expect(eventDateText({ ...base, startsAt: '2022-10-05T03:00:00.000Z' }, 'Asia/Novokuznetsk')).toBe(
      '05.10.2022 10:00',
    );
    expect(eventDateText({ ...base, startsAt: '2022-10-05T03:00:00.000Z' }, 'Europe/Kaliningrad')).toBe(
      '05.10.2022 05:00',
    );
    expect(eventDateText(base, 'Asia/Novokuznetsk')).toBe('05.10.2022');
    expect(eventDateText({ ...base, windowEnd: '2022-10-07' }, 'Asia/Novokuznetsk')).toBe('05.10.2022–07.10.2022');
  });
});

describe.runIf(seedsPresent)('opora events on seed 000', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'opora-events-cli-'));
  const env = { OPORA_DATA_DIR: dir };
  let programmeId = '';
  let schoolStaff = 0;
  beforeAll(async () => {
    const demo = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
    await demo.migrate();
    await createDemoRegionIfEmpty(demo.db);
    await demo.close();
    const t = io(env);
    const file = path.join(seedsDir, seedFile('000').name);
    expect(await run(['import-programme', file, '--commit', '--territory', demoRegionCode, '--json'], t.io)).toBe(0);
    programmeId = JSON.parse(t.text()).id;
    // A webinar of the programme for one demo school's staff: two added here, one present, one registered only.
    const d = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
    try {
      const ctx = { db: d.db, actor: systemActor };
      const [region] = await d.db.select().from(regions).where(eq(regions.code, demoRegionCode));
      const [school] = await d.db
        .select()
        .from(organisations)
        .where(and(eq(organisations.regionId, region!.id), eq(organisations.kind, 'school')))
        .orderBy(asc(organisations.code))
        .limit(1);
      const [present, registeredOnly] = await d.db
        .insert(people)
        .values(
          [
            ['Тестова Анна Ивановна', 'Директор', 'director'],
            ['Проверкин Иван Петрович', 'Учитель математики', 'teacher'],
          ].map(([fullName, position, category]) => ({
            regionId: region!.id,
            municipalityId: school!.municipalityId,
            organisationId: school!.id,
            fullName: fullName!,
            position: position!,
            category: category!,
          })),
        )
        .returning();
      const [staff] = await d.db
        .select({ n: sql<number>`count(*)::int` })
        .from(people)
        .where(eq(people.organisationId, school!.id));
      schoolStaff = Number(staff!.n);
      const webinar = await createEvent(ctx, {
        regionId: region!.id,
        programmeId,
        kind: 'webinar',
        topic: 'Вебинар для школьных команд',
        windowStart: '2022-10-05',
        windowEnd: '2022-10-05',
        startsAt: '2022-10-05T03:00:00.000Z',
        responsible: 'Кравцова Алла Петровна',
        audience: { categories: [], subjects: [], schools: 'chosen', organisationIds: [school!.id] },
      });
      await markAttendance(ctx, webinar.id, {
        version: webinar.version,
        marks: [
          { personId: present!.id, attended: true },
          { personId: registeredOnly!.id, attended: null, registered: true },
        ],
      });
    } finally {
      await d.close();
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the 44 consultations with their months and responsible, and the webinar with its time and counts', async () => {
    const t = io(env);
    expect(await run(['events', '--programme', programmeId, '--json'], t.io), t.errors()).toBe(0);
    const out = JSON.parse(t.text()) as { programmeId: string; events: EventLine[] };
    expect(out.programmeId).toBe(programmeId);
    expect(out.events).toHaveLength(45);
    const consultations = out.events.filter((e) => e.kind === 'consultation');
    expect(consultations).toHaveLength(44);
    expect(consultations[0]).toMatchObject({
      date: 'Март 2022 года',
      dateText: 'Март 2022 года',
      topic: '«Рисковый профиль для формирования направлений, призванных вывести школу из зоны риска»',
      responsible: 'Неверова Н. С., зам. директора «Крапивинская СОШ»',
      counts: { audience: 0, registered: 0, attended: 0 },
    });
    expect(consultations.at(-1)!.date).toBe('Декабрь 2022 года');
    expect(consultations.filter((e) => e.responsible !== '')).toHaveLength(39);
    expect(out.events.find((e) => e.kind === 'webinar')).toMatchObject({
      date: '05.10.2022 10:00',
      dateText: '',
      topic: 'Вебинар для школьных команд',
      responsible: 'Кравцова Алла Петровна',
      counts: { audience: schoolStaff, registered: 2, attended: 1 },
    });
  });

  it('prints a table without --json', async () => {
    const t = io(env);
    expect(await run(['events', '--programme', programmeId], t.io)).toBe(0);
    const lines = t.text().split('\n');
    expect(lines[0]).toMatch(/: мероприятий 45\.$/);
    expect(lines[1]).toMatch(/^Дата\s+Вид\s+Тема\s+Ответственные\s+Пригл\.\/рег\.\/присутств\.$/);
    expect(lines[2]).toMatch(/^Март 2022 года\s+консультация\s+«Рисковый профиль.*Неверова Н\. С\..*0\/0\/0$/);
    const webinar = lines.find((l) => l.includes('Вебинар для школьных команд'))!;
    expect(webinar).toMatch(/^05\.10\.2022 10:00\s+вебинар\s+.*Кравцова Алла Петровна\s+\d+\/2\/1$/);
    expect(webinar.endsWith(` ${schoolStaff}/2/1`)).toBe(true);
    expect(lines).toHaveLength(47);
  });

  it('refuses what is not a programme id, and an unknown programme', async () => {
    const bad = io(env);
    expect(await run(['events', '--programme', 'seed-000'], bad.io)).toBe(exitCodeOf['validation.failed']);
    expect(bad.errors()).toContain('не идентификатор программы');
    const unknown = io(env);
    expect(await run(['events', '--programme', '00000000-0000-4000-8000-000000000000'], unknown.io)).toBe(
      exitCodeOf.not_found,
    );
  });
});
