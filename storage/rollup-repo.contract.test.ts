// The database's roll-ups against the domain's, on every engine: one region of the national dataset (a
// regional roadmap with its municipal and school roadmaps, every status, work reported done after some of the
// dates) counted by `storage/rollup-repo.ts` and by `domain/execution/rollup.ts` over every unit must agree
// exactly — at dates before, between and after the reports, for the whole tree and inside narrower scopes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Nation, seedNation } from '../bench/national.ts';
import {
  activitiesOf,
  activityStatus,
  figuresByTerritory,
  roundFigures,
  statusAt,
} from '../domain/execution/rollup.ts';
import { timingOf } from '../domain/execution/status.ts';
import { groupBy } from '../domain/group-by.ts';
import type { Scope } from '../domain/roles.ts';
import { programmeTree } from '../services/monitoring.ts';
import { engines } from '../test/engines.ts';
import type { Database } from './database.ts';
import { loadUnits, type UnitRecord } from './execution-repo.ts';
import { activityStates, programmeCounts, territoryCounts } from './rollup-repo.ts';

const dates = ['2026-01-31', '2026-04-30', '2026-09-30', '2026-11-16', '2026-12-31'];

describe.each(engines)('execution roll-ups counted by $name agree with the domain', (engine) => {
  let d: Database & { drop(): Promise<void> };
  let nation: Nation;
  let tree: string[];
  let units: UnitRecord[];
  let scopes: { name: string; scope: Scope | undefined }[];

  beforeAll(async () => {
    d = await engine.create();
    nation = await seedNation(d, { regions: 1 });
    tree = await programmeTree(d.db, nation.largest.programmeId);
    units = await loadUnits(d.db, { programmeIds: tree });
    const school = units.find((u) => u.organisationId && !u.own)!;
    scopes = [
      { name: 'every unit', scope: undefined },
      {
        name: 'a municipality',
        scope: { kind: 'municipality', regionId: school.regionId, municipalityId: school.municipalityId! },
      },
      {
        name: 'a school',
        scope: { kind: 'organisation', regionId: school.regionId, organisationId: school.organisationId! },
      },
    ];
  }, 120_000);
  afterAll(() => d?.drop());

  const inside = (u: UnitRecord, s: Scope | undefined) =>
    !s ||
    s.kind === 'all' ||
    (s.kind === 'municipality' && u.municipalityId === s.municipalityId) ||
    (s.kind === 'organisation' && u.organisationId === s.organisationId);

  it('the dataset holds every status, and work done after a date', () => {
    const statuses = new Set(units.map((u) => u.status));
    expect([...statuses].sort()).toEqual(['cancelled', 'done', 'in_progress', 'planned']);
    expect(units.some((u) => u.completedOn !== null && u.completedOn > dates[1]!)).toBe(true);
    expect(tree.length).toBeGreaterThan(10);
  });

  it('activities at dates: status and units counted per activity', async () => {
    for (const { name, scope } of scopes) {
      const mine = units.filter((u) => inside(u, scope));
      const rows = await activityStates(d.db, { programmeIds: tree, scope }, dates);
      const expected = dates.flatMap((date) =>
        activitiesOf(mine).map((a) => {
          const statuses = a.units.map((u) => statusAt(u, date));
          return {
            key: `${date} ${a.id}`,
            status: activityStatus(statuses),
            live: statuses.filter((s) => s !== 'cancelled').length,
            done: statuses.filter((s) => s === 'done').length,
          };
        }),
      );
      const got = rows.map((r) => ({
        key: `${r.date} ${r.activityId}`,
        status: r.status,
        live: r.unitsLive,
        done: r.unitsDone,
      }));
      expect(
        got.sort((a, b) => a.key.localeCompare(b.key)),
        name,
      ).toEqual(expected.sort((a, b) => a.key.localeCompare(b.key)));
    }
  });

  it('territories at dates: units per municipality and per school, with overdue', async () => {
    for (const { name, scope } of scopes)
      for (const date of dates)
        for (const by of ['municipality', 'school'] as const) {
          const mine = units.filter((u) => inside(u, scope));
          const expected = figuresByTerritory(activitiesOf(mine), date, (u) =>
            by === 'school' ? u.organisationId : u.municipalityId,
          ).map(({ key, total, cancelled, done, inProgress, planned, overdue }) => ({
            id: key,
            total,
            cancelled,
            done,
            inProgress,
            planned,
            overdue,
          }));
          const got = (await territoryCounts(d.db, { programmeIds: tree, scope }, date, by)).map(
            ({ name: _n, municipalityName: _m, ...figures }) => figures,
          );
          expect(
            got.sort((a, b) => a.id.localeCompare(b.id)),
            `${name} ${date} ${by}`,
          ).toEqual(expected.sort((a, b) => a.id.localeCompare(b.id)));
          expect(expected.length, `${name} ${date} ${by}`).toBeGreaterThan(0);
        }
  });

  it('programmes at their today: own activities, overdue and due soon', async () => {
    for (const today of dates) {
      for (const dueSoonDays of [0, 14, 45]) {
        const got = await programmeCounts(d.db, {
          programmes: tree.map((id) => ({ id, today, dueSoonDays })),
          fullIds: new Set(tree),
          scope: { kind: 'all' },
        });
        const expected = [...groupBy(units, (u) => u.programmeId)].map(([programmeId, own]) => {
          const activities = activitiesOf(own);
          const f = roundFigures(activities, today, null);
          const dueSoon = activities.filter(
            (a) =>
              timingOf(activityStatus(a.units.map((u) => statusAt(u, today))), a.reading, today, dueSoonDays).timing ===
              'due-soon',
          ).length;
          return { programmeId, total: f.total, cancelled: f.cancelled, done: f.done, overdue: f.overdue, dueSoon };
        });
        const sort = (xs: { programmeId: string }[]) => xs.sort((a, b) => a.programmeId.localeCompare(b.programmeId));
        expect(sort(got), `${today} ${dueSoonDays}`).toEqual(sort(expected));
      }
    }
  });

  it('programmes counted only inside a scope when the reader does not own them', async () => {
    const today = dates[3]!;
    for (const { name, scope } of scopes.slice(1)) {
      const got = await programmeCounts(d.db, {
        programmes: tree.map((id) => ({ id, today, dueSoonDays: 14 })),
        fullIds: new Set([tree[0]!]),
        scope: scope!,
      });
      const counted = units.filter((u) => u.programmeId === tree[0] || inside(u, scope));
      const expected = [...groupBy(counted, (u) => u.programmeId)].map(([programmeId, own]) => {
        const f = roundFigures(activitiesOf(own), today, null);
        return { programmeId, total: f.total, done: f.done };
      });
      const sort = (xs: { programmeId: string }[]) => xs.sort((a, b) => a.programmeId.localeCompare(b.programmeId));
      expect(sort(got.map(({ programmeId, total, done }) => ({ programmeId, total, done }))), name).toEqual(
        sort(expected),
      );
      expect(got.length, name).toBeLessThan(tree.length);
    }
  });
});
