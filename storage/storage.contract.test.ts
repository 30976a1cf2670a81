// The repository contract suite: the same cases on every engine (PGlite always, PostgreSQL when
// OPORA_TEST_DATABASE_URL is set), so the two engines are proven to behave alike.
import { eq, getTableName, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors.ts';
import { login, sessionActor } from '../services/auth.ts';
import { backupTables, createBackup, restoreBackup } from '../services/backup.ts';
import type { ServiceContext } from '../services/context.ts';
import {
  createOrganisation,
  deleteOrganisation,
  getOrganisationFor,
  listOrganisationsFor,
  updateOrganisation,
} from '../services/organisations.ts';
import { createPerson, listPeopleFor } from '../services/people.ts';
import { territoryTree } from '../services/territories.ts';
import { engines, pgliteEngine } from '../test/engines.ts';
import { rejection } from '../test/rejection.ts';
import { seedWorld, TEST_PASSWORD, type World } from '../test/world.ts';
import { listAudit } from './audit-repo.ts';
import { type Database, queryRows } from './database.ts';
import { events, organisations, schema, schoolPartnerships, storedFiles } from './schema.ts';

describe.each(engines)('storage contract on $name', (engine) => {
  let d: Database & { drop(): Promise<void> };
  let w: World;
  const ctx = (who: keyof World['actors']): ServiceContext => ({ db: d.db, actor: w.actors[who] });

  beforeAll(async () => {
    d = await engine.create();
    w = await seedWorld(d.db);
  });
  afterAll(async () => {
    await d?.drop();
  });

  it('applies the migrations and speaks PostgreSQL 15 SQL', async () => {
    const rows = await queryRows<{ n: number }>(d.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(rows[0]!.n).toBeGreaterThan(0);
    // A PostgreSQL ≥ 15 feature we rely on being available on both engines.
    const merged = await queryRows<{ v: string }>(d.db, sql`select coalesce(null, 'ok') as v`);
    expect(merged[0]!.v).toBe('ok');
  });

  it('creates an organisation and writes the audit record in the same transaction', async () => {
    const o = await createOrganisation(ctx('regional_coordinator'), {
      regionId: w.regionA,
      municipalityId: w.munA2,
      kind: 'school',
      type: 'лицей',
      code: 'A2-LYC',
      name: 'Лицей А2',
      shortName: '',
      urban: false,
      address: 'с. Полевое',
    });
    expect(o).toMatchObject({
      code: 'A2-LYC',
      shortName: 'Лицей А2',
      version: 1,
      municipalityName: 'Район А2',
      urban: false,
    });
    const log = await listAudit(d.db, { kind: 'all' }, { entity: 'organisation', entityId: o.id }, 10, 0);
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ action: 'create', actorLogin: 'region-a', regionId: w.regionA });
    expect(log.items[0]!.after).toMatchObject({ code: 'A2-LYC' });
  });

  it('rolls back the data when the audit write fails (all or nothing)', async () => {
    const before = await queryRows<{ n: number }>(d.db, sql`select count(*)::int as n from organisations`);
    const err = await rejection(
      d.db.transaction(async (tx) => {
        await tx
          .insert(organisations)
          .values({ regionId: w.regionA, kind: 'school', type: 'СОШ', code: 'TX-1', name: 'x', shortName: 'x' });
        await tx.execute(sql`select 1/0`);
      }),
    );
    expect(err).toBeTruthy();
    const after = await queryRows<{ n: number }>(d.db, sql`select count(*)::int as n from organisations`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('refuses a stale write with conflict.stale naming the changed field, and keeps the first write', async () => {
    const o = await getOrganisationFor(ctx('regional_coordinator'), w.schoolA2);
    await updateOrganisation(ctx('regional_coordinator'), o.id, { address: 'ул. Новая, 1', version: o.version });
    const err = await rejection(updateOrganisation(ctx('admin'), o.id, { name: 'Другое имя', version: o.version }));
    expect(isDomainError(err) && err.code).toBe('conflict.stale');
    expect((err as Error).message).toContain('«Адрес»');
    expect((err as Error).message).toContain('region-a');
    const now = await getOrganisationFor(ctx('admin'), o.id);
    expect(now).toMatchObject({ address: 'ул. Новая, 1', name: o.name, version: o.version + 1 });
  });

  it('keeps codes unique within a region but not across regions', async () => {
    const input = {
      municipalityId: null,
      kind: 'support' as const,
      type: 'ЦППМС',
      code: 'SAME',
      name: 'ЦППМС',
      shortName: '',
      urban: null,
      address: '',
    };
    await createOrganisation(ctx('admin'), { ...input, regionId: w.regionA });
    await createOrganisation(ctx('admin'), { ...input, regionId: w.regionB });
    const err = await rejection(createOrganisation(ctx('admin'), { ...input, regionId: w.regionA }));
    expect(isDomainError(err) && err.code).toBe('conflict.duplicate');
  });

  it('filters lists by the actor territory in SQL', async () => {
    const page = { page: 1, pageSize: 100 };
    const codes = async (who: keyof World['actors']) =>
      (await listOrganisationsFor(ctx(who), page)).items.map((o) => o.code).sort();
    expect(await codes('school')).toEqual(['A1-1']);
    expect(await codes('municipal_coordinator')).toEqual(['A1-1', 'A1-2']);
    expect((await codes('regional_coordinator')).every((c) => !c.startsWith('B'))).toBe(true);
    expect(await codes('regional_coordinator_b')).toEqual(['B1-1', 'SAME']);
    const people = await listPeopleFor(ctx('regional_coordinator_b'), page);
    expect(people.items.map((p) => p.fullName)).toEqual(['Петров Борис Ильич']);
  });

  it('shows each actor only its branch of the territory tree', async () => {
    const tree = await territoryTree(ctx('school'));
    expect(tree.map((r) => r.id)).toEqual([w.regionA]);
    expect(tree[0]!.municipalities.map((m) => m.id)).toEqual([w.munA1]);
    const all = await territoryTree(ctx('admin'));
    expect(all).toHaveLength(2);
    const a = all.find((r) => r.id === w.regionA)!;
    const b = all.find((r) => r.id === w.regionB)!;
    expect(a.municipalities.find((m) => m.id === w.munA1)!.schools).toBe(2);
    // Regional-level organisations are counted per region: A has its ИРО and «SAME», B only «SAME».
    expect([a.regionalOrganisations, b.regionalOrganisations]).toEqual([2, 1]);
    // A school counts only what it sees: itself.
    expect(tree[0]!.municipalities[0]!.schools).toBe(1);
  });

  it('refuses a school account writing a person of another school (403 access.denied)', async () => {
    const err = await rejection(
      createPerson(ctx('school'), {
        regionId: w.regionA,
        municipalityId: null,
        organisationId: w.schoolA1b,
        fullName: 'Чужой',
        position: '',
        email: '',
        phone: '',
      }),
    );
    expect(isDomainError(err) && err.code).toBe('access.denied');
  });

  it('refuses deleting an organisation that people work at, and leaves it in place', async () => {
    const o = await getOrganisationFor(ctx('admin'), w.schoolA1);
    const err = await rejection(deleteOrganisation(ctx('admin'), o.id, o.version));
    expect(isDomainError(err) && err.code).toBe('conflict.in_use');
    expect((await getOrganisationFor(ctx('admin'), o.id)).id).toBe(o.id);
  });

  it('logs in case-insensitively and resolves the session', async () => {
    const s = await login(
      d.db,
      { login: 'REGION-A', password: TEST_PASSWORD },
      { sessionHours: 1, now: new Date(), ip: '127.0.0.1' },
    );
    const found = await sessionActor(d.db, s.token, new Date());
    expect(found?.actor).toEqual(w.actors.regional_coordinator);
    expect(await sessionActor(d.db, s.token, new Date(Date.now() + 2 * 3_600_000))).toBeNull();
  });

  it('backs up every table of the schema but the transient sessions and login failures, parents first', () => {
    const names = backupTables.map(getTableName);
    const all = Object.values(schema).map((t) => getTableName(t));
    expect([...names].sort()).toEqual(all.filter((n) => n !== 'sessions' && n !== 'login_failures').sort());
    expect(names.indexOf('events')).toBeLessThan(names.indexOf('notifications'));
    expect(names.indexOf('stored_files')).toBeLessThan(names.indexOf('school_partnerships'));
  });

  it('a backup carries files and the network: bytes, events and pairs restored exactly', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
    const [file] = await d.db
      .insert(storedFiles)
      .values({
        regionId: w.regionA,
        name: 'Соглашение.pdf',
        mediaType: 'application/pdf',
        size: 7,
        sha256: 'x',
        content: bytes,
      })
      .returning();
    await d.db.insert(schoolPartnerships).values({
      regionId: w.regionA,
      kind: 'tutor',
      supporterId: w.schoolA2,
      schoolId: w.schoolA1,
      fileId: file!.id,
    });
    await d.db.insert(events).values({
      regionId: w.regionA,
      kind: 'webinar',
      topic: 'Вебинар для директоров',
      windowStart: '2026-03-01',
      windowEnd: '2026-03-01',
      audience: { categories: ['director'], subjects: [], schools: 'territory', organisationIds: [] },
    });
    const other = await pgliteEngine.create();
    try {
      await restoreBackup(other.db, (await createBackup(d.db, d.engine)).bytes);
      const [restored] = await other.db.select().from(storedFiles).where(eq(storedFiles.id, file!.id));
      expect([...restored!.content]).toEqual([...bytes]);
      const pairs = await other.db.select().from(schoolPartnerships);
      expect(pairs.map((p) => [p.schoolId, p.fileId])).toEqual([[w.schoolA1, file!.id]]);
      const [event] = await other.db.select().from(events);
      expect(event).toMatchObject({ topic: 'Вебинар для директоров', audience: { categories: ['director'] } });
    } finally {
      await other.drop();
    }
  });

  it('backs up and restores every row (round trip onto a fresh PGlite and back)', async () => {
    const { bytes, rows } = await createBackup(d.db, d.engine);
    expect(rows.organisations).toBeGreaterThan(5);
    const other = await pgliteEngine.create();
    try {
      const restored = await restoreBackup(other.db, bytes);
      expect(restored).toEqual(rows);
      const again = await createBackup(other.db, other.engine);
      // The restore itself is audited: one record more, everything else equal.
      expect(again.rows).toEqual({ ...rows, audit_log: rows.audit_log! + 1 });
      // Restore back onto the original engine: data identical, and the audit sequence continues.
      await restoreBackup(d.db, again.bytes);
      const orgs = await queryRows<{ code: string }>(d.db, sql`select code from organisations order by code`);
      const otherOrgs = await queryRows<{ code: string }>(other.db, sql`select code from organisations order by code`);
      expect(orgs).toEqual(otherOrgs);
      await createOrganisation(ctx('admin'), {
        regionId: w.regionB,
        municipalityId: null,
        kind: 'support',
        type: 'ИРО',
        code: 'AFTER',
        name: 'После восстановления',
        shortName: '',
        urban: null,
        address: '',
      });
    } finally {
      await other.drop();
    }
  });

  it('refuses a damaged backup with backup.invalid and changes nothing', async () => {
    const before = await queryRows<{ n: number }>(d.db, sql`select count(*)::int as n from organisations`);
    const err = await rejection(restoreBackup(d.db, new Uint8Array([1, 2, 3])));
    expect(isDomainError(err) && err.code).toBe('backup.invalid');
    const after = await queryRows<{ n: number }>(d.db, sql`select count(*)::int as n from organisations`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
