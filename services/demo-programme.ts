// The demo region's running programme: a regional roadmap of the current year with activities executed by
// the region and by its target schools, approved, partly executed with evidence, coached by the curator, with
// two monitoring rounds (after seed 004's 30.06 and 30.11 thresholds) — so a newcomer sees a living system.
import { and, eq } from 'drizzle-orm';
import type { ProgrammeDraftDto } from '../contract/programmes.ts';
import { ruDate } from '../domain/deadline/read-deadline.ts';
import { monthNames } from '../domain/deadline/words.ts';
import { addDays, localDate } from '../domain/execution/status.ts';
import { groupBy } from '../domain/group-by.ts';
import { emptyPassport } from '../domain/programme/programme.ts';
import type { Actor } from '../domain/roles.ts';
import type { Db } from '../storage/database.ts';
import { organisations, regions, users } from '../storage/schema.ts';
import { changeApproval } from './approval.ts';
import { actorOf } from './auth.ts';
import { createDemoNetwork } from './demo-network.ts';
import { addComment, addEvidence, programmeExecution, reportExecution, setTargets } from './execution.ts';
import { saveProgramme } from './programmes.ts';

/** Creates the demo programme in the demo region (its code), with «today» from the clock given. */
export async function createDemoProgramme(db: Db, regionCode: string, now: Date): Promise<void> {
  const [region] = await db.select().from(regions).where(eq(regions.code, regionCode));
  if (!region) return;
  const account = async (login: string): Promise<Actor> => {
    const [u] = await db.select().from(users).where(eq(users.login, login));
    return actorOf(u!);
  };
  const coordinator = await account('region');
  const today = localDate(now, region.timezone);
  const year = today.slice(0, 4);
  const period = { start: `${year}-01-01`, end: `${year}-12-31` };
  // Deadlines around today: done ones behind, one overdue, one due within two weeks, the rest ahead.
  // Dates stay inside the programme's year, so every deadline reads without a warning.
  const day = (days: number) => {
    const d = addDays(today, days);
    return ruDate(d < period.start ? period.start : d > period.end ? period.end : d);
  };
  const until = (days: number) => `До ${day(days)}`;
  /** «Декабрь 2026 года»: a month ahead of today, kept inside the programme's year. */
  const monthText = (ahead: number) => {
    const m = Math.min(11, Number(today.slice(5, 7)) - 1 + ahead);
    return `${monthNames[m]} ${year} года`;
  };
  const between = (from: number, to: number) => `${day(from).slice(0, 5)}-${day(to)}`;
  const activity = (
    number: string,
    text: string,
    deadlineText: string,
    responsible: string,
    informationSupport: string,
  ) => ({
    number,
    text,
    deadlineText,
    responsible,
    executors: '',
    plannedResult: '',
    indicator: '',
    informationSupport,
  });
  const draft: ProgrammeDraftDto = {
    level: 'region',
    kind: 'дорожная карта',
    title: `Дорожная карта адресной поддержки школ с низкими образовательными результатами на ${year} год (демонстрационная)`,
    period,
    periodText: `${year} год`,
    act: {
      authority: 'Министерство образования Демонстрационной области',
      kind: 'приказ',
      number: '1-д',
      date: period.start,
      place: '',
      title: 'Об утверждении дорожной карты (демонстрационные данные)',
      signatory: '',
      signatoryPosition: '',
    },
    passport: { ...emptyPassport(), goal: 'Повышение образовательных результатов обучающихся школ из перечня' },
    workingGroup: [],
    sections: [
      {
        number: '1.',
        title: 'Организационные мероприятия',
        activities: [
          activity(
            '1.',
            'Назначение ответственных за реализацию дорожной карты в школах',
            until(-60),
            'Руководители школ',
            'Приказы о назначении ответственных',
          ),
          activity(
            '2.',
            'Установочный семинар для руководителей школ',
            until(-30),
            'Региональный координатор',
            'Письмо о проведении мероприятия',
          ),
          activity(
            '3.',
            'Входной мониторинг состояния школ',
            between(-50, -5),
            'Руководители школ',
            'Аналитическая справка',
          ),
        ],
      },
      {
        number: '2.',
        title: 'Адресная методическая поддержка',
        activities: [
          activity(
            '4.',
            'Консультации методистов для учителей школ из перечня',
            between(-20, 10),
            'Институт развития образования',
            'График консультаций',
          ),
          activity(
            '5.',
            'Участие педагогов в курсах повышения квалификации',
            between(-10, 90),
            'Руководители школ',
            'Удостоверения о повышении квалификации',
          ),
          activity(
            '6.',
            'Публикация материалов о ходе проекта на сайтах школ',
            between(0, 120),
            'Руководители школ',
            'Сайты школ',
          ),
        ],
      },
    ],
    indicators: [
      {
        number: '1',
        direction: '',
        name: 'Доля школ с низкими образовательными результатами',
        unit: '%',
        baseline: '10 %',
        actual: '',
        targets: [{ period: year, value: 'не более 8 %' }],
        binding: 'listed-share',
        change: 'decrease',
      },
      {
        number: '2',
        direction: '',
        name: 'Доля директоров целевых школ, принявших участие в вебинарах по анализу результатов',
        unit: '%',
        baseline: '',
        actual: '',
        targets: [{ period: year, value: '100 %' }],
        binding: 'coverage',
        change: 'increase',
      },
      {
        number: '3',
        direction: '',
        name: 'Доля учителей русского языка и математики целевых школ, прошедших курсы повышения квалификации',
        unit: '%',
        baseline: '',
        actual: '',
        targets: [{ period: year, value: 'не менее 90 %' }],
        binding: 'coverage',
        change: 'increase',
      },
    ],
    consultations: [
      {
        topic: '«Рисковый профиль школы: направления выхода из зоны риска»',
        whenText: monthText(1),
        responsible: ['Лебедев О. И., методист ИРО'],
      },
      {
        topic: '«Программа перехода школы в эффективный режим работы»',
        whenText: monthText(2),
        responsible: ['Кравцова А. П., проректор ИРО'],
      },
    ],
    tutorPairs: [],
    schools: [],
    monitoringRounds: [
      { date: `${year}-06-30`, minPercent: 30, maxPercent: 40, text: 'Исполнение не менее 30–40 %' },
      { date: `${year}-11-30`, minPercent: 80, maxPercent: 90, text: 'Исполнение не менее 80–90 %' },
    ],
  };
  const ctx = { db, actor: coordinator, now: () => now };
  const p = await saveProgramme(ctx, {
    draft,
    owner: { regionId: region.id, municipalityId: null, organisationId: null },
    sourceName: '',
  });
  // Two schools of the first municipality (the demo school among them) and the first school of each other one.
  const all = await db
    .select({ id: organisations.id, municipalityId: organisations.municipalityId })
    .from(organisations)
    .where(and(eq(organisations.regionId, region.id), eq(organisations.kind, 'school')))
    .orderBy(organisations.code);
  const firstOf = [...groupBy(all, (s) => s.municipalityId).values()].map((g) => g[0]!);
  const schools = [...all.slice(0, 2), ...firstOf.filter((s) => s.municipalityId !== all[0]?.municipalityId)].map(
    (s) => ({ id: s.id }),
  );
  const ids = p.sections.flatMap((s) => s.activities);
  for (const i of [0, 2, 4, 5])
    await setTargets(ctx, ids[i]!.id, {
      targetKind: 'schools',
      territoryIds: schools.map((s) => s.id),
      version: ids[i]!.version,
    });
  await changeApproval(ctx, p.id, { action: 'approve', version: p.version });
  const school = await account('school');
  const curator = await account('curator');
  const schoolIds = [school.organisationId!, ...schools.map((s) => s.id).filter((id) => id !== school.organisationId)];
  await createDemoNetwork({
    db,
    now,
    today,
    regionId: region.id,
    programmeId: p.id,
    schoolIds,
    coordinator,
    school,
    curator,
  });
  curator.assignedOrganisationIds = schoolIds.slice(0, 2);
  // The region held its seminar; two schools appointed their responsible staff; the demo school is late
  // with the entry monitoring, and its curator asks about it.
  const e = await programmeExecution(ctx, p.id);
  const unit = (i: number, org: string | null) => e.activities[i]!.units.find((u) => u.organisationId === org)!;
  const close = async (
    actor: Actor,
    u: ReturnType<typeof unit>,
    days: number,
    evidence: Parameters<typeof addEvidence>[2],
  ) => {
    const c = { db, actor, now: () => now };
    await addEvidence(c, u.id, evidence);
    await reportExecution(c, u.id, { status: 'done', completedOn: addDays(today, days), version: u.version });
  };
  await close(coordinator, unit(1, null), -31, {
    kind: 'document',
    title: 'Письмо о проведении установочного семинара',
    documentNumber: '01-12/345',
    documentDate: addDays(today, -35),
  });
  for (const s of schools.slice(0, 2)) {
    const u = unit(0, s.id);
    const who = s.id === school.organisationId ? school : coordinator;
    await close(who, u, -62, {
      kind: 'document',
      title: 'Приказ о назначении ответственного',
      documentNumber: '15-од',
      documentDate: addDays(today, -63),
    });
  }
  const late = unit(2, school.organisationId);
  await reportExecution({ db, actor: school, now: () => now }, late.id, {
    status: 'in_progress',
    version: late.version,
  });
  await addComment(
    { db, actor: curator, now: () => now },
    late.id,
    'Срок входного мониторинга прошёл: пришлите, пожалуйста, аналитическую справку до конца недели.',
  );
}
