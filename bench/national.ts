// The national dataset: the synthetic country of the identification benchmark (85 regions, about 2,400
// municipalities, about 40,000 schools) brought to the state of a running support programme — an approved
// list of schools per region (about 3,000 in all), a regional roadmap per region, a municipal roadmap per
// municipality cascaded from it, a school roadmap of 30–60 activities per listed school cascaded from its
// municipality's, execution reported up to «today», indicator values, two frozen monitoring rounds and one
// ahead, and accounts for the region, every municipality and every listed school.
//
// Deterministic: one seed gives the same country, the same ids, texts, statuses and dates. Regions are built
// and written one at a time, so memory stays bounded. Rows are written directly in batches: setting up the
// country is not what the benchmarks measure, and the services' per-record audit would take hours.
//
//   npx tsx bench/national.ts [--regions 85] [--pglite DIR | --url postgres://…]

import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { readDeadline } from '../domain/deadline/read-deadline.ts';
import { monthNames } from '../domain/deadline/words.ts';
import { finalDeadline } from '../domain/execution/status.ts';
import { mulberry32, type SyntheticRegion, syntheticRegions } from '../domain/identification/synthetic-results.ts';
import { emptyPassport } from '../domain/programme/programme.ts';
import { actorOf, hashPassword } from '../services/auth.ts';
import { createRound, freezeRound } from '../services/monitoring.ts';
import { type Database, type Executor, openDatabase } from '../storage/database.ts';
import {
  activityExecutions,
  identificationRuns,
  indicatorValues,
  municipalities,
  organisations,
  programmeActivities,
  programmeSections,
  programmes,
  regions,
  schoolListMembers,
  schoolLists,
  users,
} from '../storage/schema.ts';

export interface NationOptions {
  seed?: number;
  /** The first N of the 85 regions. */
  regions?: number;
  /** The programmes' calendar year and the day execution is reported up to (ISO). */
  today?: string;
}

export interface NationRegion {
  id: string;
  code: string;
  name: string;
  timezone: string;
  schools: number;
  listed: number;
  municipalities: number;
  programmeId: string;
  /** The regional coordinator's login. */
  coordinator: string;
  /** Logins of the listed schools' accounts with their organisation ids. */
  schoolAccounts: { login: string; organisationId: string }[];
}

export interface Nation {
  today: string;
  password: string;
  regions: NationRegion[];
  /** The region with the most units of execution (the heaviest dashboard). */
  largest: NationRegion;
  counts: Record<string, number>;
}

export const nationPassword = 'opora-bench-2026';
export const nationDefaults = { seed: 1, today: '2026-11-16' } as const;
const LISTED_SHARE = 0.075;

type Rng = () => number;
const rngOf = (...key: (string | number)[]): Rng =>
  mulberry32(createHash('sha256').update(key.join('\u0000')).digest().readUInt32LE(0));

/** Ids in the UUID version 4 layout from a hash of (seed, region, counter): the same in every run, never colliding. */
function idsFor(...key: (string | number)[]): () => string {
  let n = 0;
  return () => {
    const s = createHash('sha256')
      .update(`${key.join('\u0000')}\u0000${n++}`)
      .digest('hex');
    const variant = ((Number.parseInt(s[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
  };
}

async function insertAll(ex: Executor, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await ex.insert(table).values(rows.slice(i, i + 1000) as never);
}

const ru = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const pad = (n: number) => String(n).padStart(2, '0');

/** Deadline wordings as plans write them, spread over the year. */
function deadlineText(r: Rng, year: number): string {
  const m = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const kind = r();
  if (kind < 0.45) return `До ${pad(day)}.${pad(m)}.${year}`;
  if (kind < 0.7) return `${monthNames[m - 1]} ${year} года`;
  if (kind < 0.8) return 'Ежеквартально';
  if (kind < 0.9) {
    const m2 = Math.min(12, m + 1 + Math.floor(r() * 3));
    return `${monthNames[m - 1]}, ${monthNames[m2 - 1]!.toLowerCase()} ${year} года`;
  }
  return 'В течение года';
}

const activityWords = [
  'Проведение методического семинара для учителей',
  'Анализ результатов оценочных процедур',
  'Организация курсов повышения квалификации',
  'Посещение уроков и консультирование педагогов',
  'Разработка индивидуальных образовательных маршрутов',
  'Проведение заседания рабочей группы',
  'Мониторинг реализации программы',
  'Организация взаимопосещения уроков со школой-партнёром',
  'Подготовка аналитической справки',
  'Проведение родительского собрания',
  'Обновление внутренней системы оценки качества',
  'Организация работы с обучающимися группы риска',
];
const sectionTitles = [
  'Организационные мероприятия',
  'Методическое сопровождение',
  'Развитие кадрового потенциала',
  'Работа с обучающимися и родителями',
  'Мониторинг и оценка результатов',
];
const supportWords = ['Приказ', 'Аналитическая справка', 'Протокол', 'Информация на сайте', 'Письмо'];

interface DraftActivity {
  text: string;
  deadline: string;
  target: 'owner' | 'schools' | 'municipalities';
  cascade: 'municipality' | 'school' | null;
}

function planOf(r: Rng, count: number, year: number, targets: boolean): DraftActivity[][] {
  const perSection = Math.ceil(count / sectionTitles.length);
  const sections: DraftActivity[][] = [];
  for (let s = 0; s < sectionTitles.length && s * perSection < count; s++) {
    const acts: DraftActivity[] = [];
    for (let i = 0; i < perSection && s * perSection + i < count; i++) {
      const t = r();
      acts.push({
        text: activityWords[Math.floor(r() * activityWords.length)]!,
        deadline: deadlineText(r, year),
        target: !targets || s === 0 ? 'owner' : t < 0.5 ? 'schools' : t < 0.62 ? 'municipalities' : 'owner',
        cascade: null,
      });
    }
    sections.push(acts);
  }
  return sections;
}

/** A unit's state at «today»: most work behind the deadline done, some of it late, little of what is ahead. */
function unitState(r: Rng, final: string | null, today: string, lag: number) {
  const x = r();
  if (final !== null && final < today) {
    if (x < 0.04) return { status: 'cancelled', completedOn: null, cancelReason: 'Перенесено решением рабочей группы' };
    if (x < 0.8 - lag) return { status: 'done', completedOn: final, cancelReason: '' };
    if (x < 0.88 - lag / 2) return { status: 'in_progress', completedOn: null, cancelReason: '' };
    return { status: 'planned', completedOn: null, cancelReason: '' };
  }
  if (x < 0.05) return { status: 'done', completedOn: today, cancelReason: '' };
  if (x < 0.22) return { status: 'in_progress', completedOn: null, cancelReason: '' };
  return { status: 'planned', completedOn: null, cancelReason: '' };
}

const indicatorNames = [
  ['Доля обучающихся, не достигших минимального уровня по ВПР по русскому языку', 'decrease', '18', 'не более 12'],
  ['Доля обучающихся, не достигших минимального уровня по ВПР по математике', 'decrease', '21', 'не более 14'],
  ['Доля педагогов школ из перечня, прошедших повышение квалификации', 'increase', '40', 'не менее 90'],
  ['Доля школ из перечня, вышедших из перечня по итогам года', 'increase', '0', 'не менее 30'],
  ['Доля школ, разработавших программы антирисковых мер', 'increase', '10', '100'],
  ['Доля обучающихся, охваченных индивидуальными образовательными маршрутами', 'increase', '5', 'не менее 25'],
  ['Доля родителей, участвующих в мероприятиях школ', 'increase', '30', 'не менее 60'],
  ['Доля школ, заключивших договоры о партнёрстве', 'increase', '20', 'не менее 80'],
] as const;

/** A synthetic region with its municipalities and schools, written as they are; ids from `id`. */
export async function insertTerritory(ex: Executor, region: SyntheticRegion, id: () => string) {
  const regionId = id();
  await ex.insert(regions).values({
    id: regionId,
    code: region.code,
    name: region.name,
    shortName: region.shortName,
    timezone: region.timezone,
  });
  const mIds = new Map(region.municipalities.map((m) => [m.code, id()]));
  await insertAll(
    ex,
    municipalities,
    region.municipalities.map((m) => ({ id: mIds.get(m.code), regionId, code: m.code, name: m.name })),
  );
  const schools = region.schools.map((s) => ({ ...s, id: id(), municipalityId: mIds.get(s.municipalityCode)! }));
  await insertAll(
    ex,
    organisations,
    schools.map((s) => ({
      id: s.id,
      regionId,
      municipalityId: s.municipalityId,
      kind: 'school',
      type: s.type,
      code: s.code,
      name: s.name,
      shortName: s.shortName,
      urban: s.urban,
    })),
  );
  return { regionId, mIds, schools };
}

/** Builds the country in an empty, migrated database. */
export async function seedNation(d: Database, options: NationOptions = {}): Promise<Nation> {
  const seed = options.seed ?? nationDefaults.seed;
  const today = options.today ?? nationDefaults.today;
  const year = Number(today.slice(0, 4));
  const period = { start: `${year}-01-01`, end: `${year}-12-31` };
  const passwordHash = await hashPassword(nationPassword);
  const counts: Record<string, number> = {
    regions: 0,
    municipalities: 0,
    schools: 0,
    listed: 0,
    users: 0,
    programmes: 0,
    activities: 0,
    units: 0,
    indicatorValues: 0,
    rounds: 0,
  };
  const readings = new Map<string, ReturnType<typeof readDeadline>>();
  const reading = (text: string) => {
    let x = readings.get(text);
    if (!x) {
      x = readDeadline(text, period);
      readings.set(text, x);
    }
    return x;
  };
  const out: NationRegion[] = [];
  let largestUnits = -1;
  let largest: NationRegion | null = null;

  for (const region of syntheticRegions({ seed, regions: options.regions })) {
    const r = rngOf(seed, 'nation', region.code);
    const id = idsFor(seed, 'nation', region.code);
    let regionUnits = 0;
    const result = await d.db.transaction(async (tx) => {
      const { regionId, mIds, schools } = await insertTerritory(tx, region, id);
      let listed = schools.filter(() => r() < LISTED_SHARE);
      if (listed.length < 3) listed = schools.slice(0, 3);
      const listedByMunicipality = new Map<string, typeof listed>();
      for (const s of listed)
        listedByMunicipality.set(s.municipalityId, [...(listedByMunicipality.get(s.municipalityId) ?? []), s]);

      // The approved list behind the regional roadmap.
      const runId = id();
      const listId = id();
      await tx.insert(identificationRuns).values({
        id: runId,
        regionId,
        methodologyCode: 'kuzbass-2021',
        methodologyTitle: 'Методика выявления ШНОР (Кузбасс, 2021)',
        methodologyVersion: 1,
        definition: {},
        year: year - 1,
        years: [year - 3, year - 1],
        totals: { schools: schools.length, listed: listed.length },
      });
      await tx.insert(schoolLists).values({
        id: listId,
        regionId,
        number: 1,
        title: `Перечень школ с низкими образовательными результатами на ${year} год`,
        orderNumber: `${100 + Math.floor(r() * 800)}`,
        orderDate: `${year}-01-15`,
        runId,
        year,
        methodologyTitle: 'Методика выявления ШНОР (Кузбасс, 2021)',
      });
      await insertAll(
        tx,
        schoolListMembers,
        listed.map((s) => ({
          listId,
          regionId,
          organisationId: s.id,
          municipalityId: s.municipalityId,
          category: r() < 0.3 ? 1 : 2,
          repeated: r() < 0.2,
        })),
      );

      // Accounts: the regional coordinator, every municipality, every listed school.
      const prefix = region.code.toLowerCase();
      const coordinator = `${prefix}-region`;
      const schoolAccounts = listed.map((s) => ({ login: `${prefix}-${s.code}`, organisationId: s.id }));
      const coordinatorId = id();
      await insertAll(tx, users, [
        {
          id: coordinatorId,
          login: coordinator,
          fullName: `Координатор ${region.shortName}`,
          role: 'regional_coordinator',
          regionId,
          passwordHash,
        },
        ...region.municipalities.map((m) => ({
          id: id(),
          login: `${prefix}-${m.code}`.toLowerCase(),
          fullName: `Координатор ${m.name}`,
          role: 'municipal_coordinator',
          regionId,
          municipalityId: mIds.get(m.code),
          passwordHash,
        })),
        ...listed.map((s, i) => ({
          id: id(),
          login: schoolAccounts[i]!.login,
          fullName: `Школа ${s.shortName}`,
          role: 'school',
          regionId,
          municipalityId: s.municipalityId,
          organisationId: s.id,
          passwordHash,
        })),
      ]);
      counts.users! += 1 + region.municipalities.length + listed.length;

      // Programmes: regional → municipal (every municipality) → school (every listed school).
      const programmeRows: Record<string, unknown>[] = [];
      const sectionRows: Record<string, unknown>[] = [];
      const activityRows: Record<string, unknown>[] = [];
      const unitRows: Record<string, unknown>[] = [];
      const lagOf = new Map(schools.map((s) => [s.id, r() * 0.35]));
      const addProgramme = (p: {
        id: string;
        level: 'region' | 'municipality' | 'school';
        title: string;
        municipalityId: string | null;
        organisationId: string | null;
        parentProgrammeId: string | null;
        parentActivityId: string | null;
        schoolListId: string | null;
        indicators: unknown[];
        plan: DraftActivity[][];
        targets: { schools: { id: string; municipalityId: string }[]; municipalities: string[] };
      }) => {
        programmeRows.push({
          id: p.id,
          regionId,
          municipalityId: p.municipalityId,
          organisationId: p.organisationId,
          level: p.level,
          kind: 'дорожная карта',
          title: p.title,
          periodStart: period.start,
          periodEnd: period.end,
          periodText: `${year} год`,
          act: {
            authority: p.level === 'region' ? `Министерство образования ${region.shortName}` : '',
            kind: 'приказ',
            number: `${1 + Math.floor(r() * 900)}`,
            date: period.start,
            place: '',
            title: `Об утверждении дорожной карты на ${year} год`,
            signatory: '',
            signatoryPosition: '',
          },
          passport: { ...emptyPassport(), goal: 'Повышение образовательных результатов обучающихся школ из перечня' },
          appendices: {
            workingGroup: [],
            indicators: p.indicators,
            consultations: [],
            tutorPairs: [],
            schools: [],
            monitoringRounds: [],
          },
          status: 'approved',
          schoolListId: p.schoolListId,
          parentProgrammeId: p.parentProgrammeId,
          parentActivityId: p.parentActivityId,
          approvedVersion: 1,
          approvedAt: new Date(`${period.start}T09:00:00Z`),
        });
        const activityIds: string[] = [];
        p.plan.forEach((acts, s) => {
          const sectionId = id();
          sectionRows.push({
            id: sectionId,
            regionId,
            programmeId: p.id,
            position: s,
            number: `${s + 1}.`,
            title: sectionTitles[s],
          });
          acts.forEach((a, i) => {
            const activityId = id();
            activityIds.push(activityId);
            const rd = reading(a.deadline);
            const final = finalDeadline(rd);
            activityRows.push({
              id: activityId,
              regionId,
              programmeId: p.id,
              sectionId,
              position: i,
              number: `${s + 1}.${i + 1}.`,
              text: a.text,
              deadlineText: a.deadline,
              deadlineReading: rd,
              responsible: p.level === 'school' ? 'Директор школы' : 'Координатор',
              informationSupport: supportWords[Math.floor(r() * supportWords.length)],
              targetKind: a.target,
              cascadeLevel: a.cascade,
            });
            const owners =
              a.target === 'schools' && p.targets.schools.length > 0
                ? p.targets.schools.map((x) => ({ municipalityId: x.municipalityId, organisationId: x.id, own: false }))
                : a.target === 'municipalities' && p.targets.municipalities.length > 0
                  ? p.targets.municipalities.map((m) => ({ municipalityId: m, organisationId: null, own: false }))
                  : [{ municipalityId: p.municipalityId, organisationId: p.organisationId, own: true }];
            for (const o of owners) {
              const lag = o.organisationId ? (lagOf.get(o.organisationId) ?? 0) : 0.1;
              unitRows.push({
                id: id(),
                regionId,
                programmeId: p.id,
                activityId,
                ...o,
                ...unitState(r, final, today, lag),
                updatedAt: new Date(`${today}T06:00:00Z`),
              });
            }
          });
        });
        return activityIds;
      };

      const indicators = indicatorNames.map(([name, change, baseline, target], i) => ({
        number: String(i + 1),
        direction: '',
        name,
        unit: '%',
        baseline,
        actual: '',
        targets: [{ period: `${year} год`, value: target }],
        key: id(),
        change,
      }));
      const regionalId = id();
      const regionalPlan = planOf(r, 40, year, true);
      regionalPlan[0]![0] = {
        ...regionalPlan[0]![0]!,
        text: 'Разработка муниципальных дорожных карт',
        cascade: 'municipality',
      };
      regionalPlan[0]![1] = { ...regionalPlan[0]![1]!, text: 'Разработка дорожных карт школ', cascade: 'school' };
      const regionalActs = addProgramme({
        id: regionalId,
        level: 'region',
        title: `Региональная дорожная карта адресной поддержки ШНОР ${region.shortName} на ${year} год`,
        municipalityId: null,
        organisationId: null,
        parentProgrammeId: null,
        parentActivityId: null,
        schoolListId: listId,
        indicators,
        plan: regionalPlan,
        targets: {
          schools: listed,
          municipalities: [...listedByMunicipality.keys()],
        },
      });
      const municipalProgramme = new Map<string, { id: string; activity: string }>();
      for (const m of region.municipalities) {
        const mId = mIds.get(m.code)!;
        const pid = id();
        const here = listedByMunicipality.get(mId) ?? [];
        const plan = planOf(r, 15 + Math.floor(r() * 11), year, here.length > 0);
        plan[0]![0] = { ...plan[0]![0]!, text: 'Разработка дорожных карт школ муниципалитета', cascade: 'school' };
        const acts = addProgramme({
          id: pid,
          level: 'municipality',
          title: `Муниципальная дорожная карта: ${m.name}, ${year} год`,
          municipalityId: mId,
          organisationId: null,
          parentProgrammeId: regionalId,
          parentActivityId: regionalActs[0]!,
          schoolListId: listId,
          indicators: [],
          plan,
          targets: { schools: here, municipalities: [] },
        });
        municipalProgramme.set(mId, { id: pid, activity: acts[0]! });
      }
      for (const s of listed) {
        const parent = municipalProgramme.get(s.municipalityId)!;
        addProgramme({
          id: id(),
          level: 'school',
          title: `Дорожная карта ${s.shortName} на ${year} год`,
          municipalityId: s.municipalityId,
          organisationId: s.id,
          parentProgrammeId: parent.id,
          parentActivityId: parent.activity,
          schoolListId: null,
          indicators: [],
          plan: planOf(r, 30 + Math.floor(r() * 31), year, false),
          targets: { schools: [], municipalities: [] },
        });
      }
      await insertAll(tx, programmes, programmeRows);
      await insertAll(tx, programmeSections, sectionRows);
      await insertAll(tx, programmeActivities, activityRows);
      await insertAll(tx, activityExecutions, unitRows);
      const values = indicators.map((ind) => ({
        id: id(),
        regionId,
        programmeId: regionalId,
        indicatorKey: ind.key,
        period: `${year} год`,
        value: Math.round(r() * 1000) / 10,
        evidence: 'Мониторинг регионального центра оценки качества образования',
      }));
      await insertAll(tx, indicatorValues, values);
      counts.programmes! += programmeRows.length;
      counts.activities! += activityRows.length;
      counts.units! += unitRows.length;
      counts.indicatorValues! += values.length;
      regionUnits = unitRows.length;
      return { regionId, listed, schools, coordinator, schoolAccounts, coordinatorId, regionalId };
    });

    // Two rounds behind «today», frozen by the coordinator as they would be, and one ahead.
    const [account] = await d.db.select().from(users).where(eqLogin(result.coordinator));
    const ctx = { db: d.db, actor: actorOf(account!), now: () => new Date(`${today}T09:00:00Z`) };
    for (const [date, min, max] of [
      [`${year}-04-30`, 30, 40],
      [`${year}-09-30`, 60, 70],
      [`${year}-12-25`, 90, 100],
    ] as const) {
      const round = await createRound(ctx, result.regionalId, {
        kind: 'execution',
        date,
        title: `Мониторинг на ${ru(date)}`,
        threshold: { min, max },
      });
      if (date < today) await freezeRound(ctx, round.id, round.version);
      counts.rounds!++;
    }
    counts.regions!++;
    counts.municipalities! += region.municipalities.length;
    counts.schools! += result.schools.length;
    counts.listed! += result.listed.length;
    const row: NationRegion = {
      id: result.regionId,
      code: region.code,
      name: region.name,
      timezone: region.timezone,
      schools: result.schools.length,
      listed: result.listed.length,
      municipalities: region.municipalities.length,
      programmeId: result.regionalId,
      coordinator: result.coordinator,
      schoolAccounts: result.schoolAccounts,
    };
    out.push(row);
    if (regionUnits > largestUnits) {
      largestUnits = regionUnits;
      largest = row;
    }
  }
  // Fresh statistics, as autovacuum would gather them after such a load, so plans are those of a live system.
  await d.db.execute(sql`analyze`);
  return { today, password: nationPassword, regions: out, largest: largest!, counts };
}

const eqLogin = (login: string) => eq(sql`lower(${users.login})`, login.toLowerCase());

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { regions: { type: 'string' }, pglite: { type: 'string' }, url: { type: 'string' } },
  });
  const d = await openDatabase(
    values.url ? { kind: 'postgres', url: values.url } : { kind: 'pglite', dataDir: values.pglite ?? null },
  );
  await d.migrate();
  const t0 = performance.now();
  const nation = await seedNation(d, { regions: values.regions ? Number(values.regions) : undefined });
  console.log(
    `${((performance.now() - t0) / 1000).toFixed(1)} s`,
    nation.counts,
    `largest: ${nation.largest.code} (${nation.largest.schools} школ, ${nation.largest.listed} в перечне)`,
  );
  await d.close();
}
