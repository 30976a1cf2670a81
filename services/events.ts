// Events of the support: consultations, seminars, webinars, courses, council meetings and school visits, with
// their audience (staff of schools by category and subject), registration and attendance. A programme's
// consultation schedule becomes its events when it is saved (seed 000's 44, each with its responsible).
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  attendanceBody,
  EventDto,
  eventInput,
  eventListQuery,
  eventPatch,
  ParticipantDto,
  participantsView,
} from '../contract/network.ts';
import { ruDate } from '../domain/deadline/read-deadline.ts';
import { DomainError, denied, notFound } from '../domain/errors.ts';
import { localDate } from '../domain/execution/status.ts';
import { staffNamed } from '../domain/network/coverage.ts';
import {
  type Audience,
  emptyAudience,
  eventKindLabels,
  eventsFromActivity,
  eventsFromConsultations,
  inAudience,
} from '../domain/network/events.ts';
import type { StaffCategory } from '../domain/network/staff.ts';
import { type KnownEntities, linkResponsible } from '../domain/programme/link-responsible.ts';
import { can, type Place } from '../domain/roles.ts';
import type { Executor } from '../storage/database.ts';
import { type EventRow, eventRows } from '../storage/events-repo.ts';
import { getOrganisation } from '../storage/organisations-repo.ts';
import { knownEntitiesIn } from '../storage/people-repo.ts';
import { type Appendices, getActivity, getProgrammeRecord, type ProgrammeRecord } from '../storage/programmes-repo.ts';
import {
  activityExecutions,
  eventParticipants,
  events,
  organisations,
  people,
  programmeActivities,
  programmes,
  schoolListMembers,
} from '../storage/schema.ts';
import { deleteVersioned, updateVersioned } from '../storage/versioned.ts';
import {
  accountOf,
  audit,
  inTransaction,
  requirePermission,
  type ServiceContext,
  scope,
  staleWrite,
} from './context.ts';
import { programmePlace, programmeTargetSchools } from './execution.ts';

const invalid = (field: string, message: string) =>
  new DomainError('validation.failed', message, { problems: [{ field, message }] });

const eventPlace = (e: { regionId: string; municipalityId: string | null; organisationId: string | null }): Place => ({
  regionId: e.regionId,
  municipalityId: e.municipalityId,
  organisationId: e.organisationId,
});

const audienceOf = (value: unknown): Audience => ({ ...emptyAudience(), ...(value as Partial<Audience>) });

export interface StaffRecord {
  id: string;
  regionId: string;
  municipalityId: string | null;
  fullName: string;
  position: string;
  category: StaffCategory;
  subjects: string[];
  organisationId: string | null;
  organisationName: string;
}

/** Staff of the given schools, with what audiences and coverage filter by. */
export async function staffOf(ex: Executor, schoolIds: readonly string[]): Promise<StaffRecord[]> {
  if (schoolIds.length === 0) return [];
  const rows = await ex
    .select({
      id: people.id,
      regionId: people.regionId,
      municipalityId: people.municipalityId,
      fullName: people.fullName,
      position: people.position,
      category: people.category,
      subjects: people.subjects,
      organisationId: people.organisationId,
      organisationName: organisations.shortName,
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(inArray(people.organisationId, [...schoolIds]))
    .orderBy(organisations.shortName, people.fullName);
  return rows.map((r) => ({ ...r, category: r.category as StaffCategory, subjects: r.subjects ?? [] }));
}

/**
 * The schools a programme works with: its approved list's, or — for a roadmap whose activities name their
 * schools without a list — the schools executing its activities.
 */
export async function programmeSchools(ex: Executor, p: ProgrammeRecord): Promise<string[]> {
  const listed = await programmeTargetSchools(ex, p);
  if (listed.length > 0) return listed.map((s) => s.id);
  const rows = await ex
    .selectDistinct({ id: activityExecutions.organisationId })
    .from(activityExecutions)
    .innerJoin(organisations, eq(organisations.id, activityExecutions.organisationId))
    .where(and(eq(activityExecutions.programmeId, p.id), eq(organisations.kind, 'school')));
  return rows.flatMap((r) => (r.id ? [r.id] : []));
}

/**
 * The schools each of several programmes works with, as programmeSchools() finds them, in at most two queries:
 * a programme missing from the answer does not exist.
 */
async function programmeSchoolsById(ex: Executor, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const listed = await ex
    .select({ programmeId: programmes.id, organisationId: schoolListMembers.organisationId })
    .from(programmes)
    .leftJoin(schoolListMembers, eq(schoolListMembers.listId, programmes.schoolListId))
    .where(inArray(programmes.id, [...ids]));
  for (const r of listed) {
    const schools = out.get(r.programmeId) ?? [];
    if (r.organisationId) schools.push(r.organisationId);
    out.set(r.programmeId, schools);
  }
  const unlisted = [...out].filter(([, schools]) => schools.length === 0).map(([id]) => id);
  if (unlisted.length === 0) return out;
  const executing = await ex
    .selectDistinct({ programmeId: activityExecutions.programmeId, id: activityExecutions.organisationId })
    .from(activityExecutions)
    .innerJoin(organisations, eq(organisations.id, activityExecutions.organisationId))
    .where(and(inArray(activityExecutions.programmeId, unlisted), eq(organisations.kind, 'school')));
  for (const r of executing) if (r.id) out.get(r.programmeId)!.push(r.id);
  return out;
}

type AudienceEvent = Pick<EventRow, 'regionId' | 'municipalityId' | 'organisationId' | 'programmeId' | 'audience'>;

/**
 * The schools each event is for: its programme's target schools, the chosen ones, or every school in its place
 * (the organising school itself, or the schools of its municipality or region). A few queries for any number
 * of events, so a page of events costs the same whatever it shows.
 */
async function audienceSchools(ex: Executor, events: readonly AudienceEvent[]): Promise<string[][]> {
  const audiences = events.map((e) => audienceOf(e.audience));
  const byProgramme = await programmeSchoolsById(ex, [
    ...new Set(
      events.flatMap((e, i) => (audiences[i]!.schools === 'programme' && e.programmeId ? [e.programmeId] : [])),
    ),
  ]);
  const fromProgramme = (e: AudienceEvent, a: Audience) =>
    a.schools === 'programme' && e.programmeId ? byProgramme.get(e.programmeId) : undefined;
  // Events whose schools come from their place: the organiser's kind, then the schools of the regions.
  const byPlace = events.filter((e, i) => audiences[i]!.schools !== 'chosen' && !fromProgramme(e, audiences[i]!));
  const organiserIds = [...new Set(byPlace.flatMap((e) => (e.organisationId ? [e.organisationId] : [])))];
  const schoolOrganisers = new Set(
    organiserIds.length === 0
      ? []
      : (
          await ex
            .select({ id: organisations.id })
            .from(organisations)
            .where(and(inArray(organisations.id, organiserIds), eq(organisations.kind, 'school')))
        ).map((o) => o.id),
  );
  const regionIds = [
    ...new Set(byPlace.filter((e) => !schoolOrganisers.has(e.organisationId!)).map((e) => e.regionId)),
  ];
  const regionSchools =
    regionIds.length === 0
      ? []
      : await ex
          .select({
            id: organisations.id,
            regionId: organisations.regionId,
            municipalityId: organisations.municipalityId,
          })
          .from(organisations)
          .where(and(inArray(organisations.regionId, regionIds), eq(organisations.kind, 'school')));
  return events.map((e, i) => {
    const a = audiences[i]!;
    if (a.schools === 'chosen') return a.organisationIds;
    const listed = fromProgramme(e, a);
    if (listed) return listed;
    if (e.organisationId && schoolOrganisers.has(e.organisationId)) return [e.organisationId];
    return regionSchools
      .filter((o) => o.regionId === e.regionId && (!e.municipalityId || o.municipalityId === e.municipalityId))
      .map((o) => o.id);
  });
}

/**
 * The audience of each event — the staff of its schools who fit its categories and subjects — in a few queries
 * for any number of events.
 */
async function audiencesOf(ex: Executor, events: readonly AudienceEvent[]): Promise<StaffRecord[][]> {
  const schoolSets = await audienceSchools(ex, events);
  const staff = await staffOf(ex, [...new Set(schoolSets.flat())]);
  return events.map((e, i) => {
    const schools = new Set(schoolSets[i]);
    const a = audienceOf(e.audience);
    return staff.filter((p) => p.organisationId !== null && schools.has(p.organisationId) && inAudience(a, p));
  });
}

/** Resolves audiences once per distinct (programme, place, audience) within one request. */
export function audienceResolver(ex: Executor) {
  const cache = new Map<string, Promise<StaffRecord[]>>();
  return (e: AudienceEvent) => {
    const a = audienceOf(e.audience);
    const schoolsKey = JSON.stringify([
      e.programmeId,
      e.regionId,
      e.municipalityId,
      e.organisationId,
      a.schools,
      a.organisationIds,
    ]);
    if (!cache.has(schoolsKey))
      cache.set(
        schoolsKey,
        audienceSchools(ex, [e]).then(([ids]) => staffOf(ex, ids!)),
      );
    return cache.get(schoolsKey)!.then((staff) => staff.filter((p) => inAudience(a, p)));
  };
}

function eventDto(r: EventRow, audienceCount: number): EventDto {
  return {
    id: r.id,
    kind: r.kind as EventDto['kind'],
    topic: r.topic,
    dateText: r.dateText,
    windowStart: r.windowStart,
    windowEnd: r.windowEnd,
    startsAt: r.startsAt?.toISOString() ?? null,
    endsAt: r.endsAt?.toISOString() ?? null,
    timezone: r.timezone,
    place: r.place,
    link: r.link,
    responsible: r.responsible,
    links: (r.links as EventDto['links']) ?? [],
    audience: audienceOf(r.audience),
    status: r.status as EventDto['status'],
    programme: r.programmeId && r.programmeTitle ? { id: r.programmeId, title: r.programmeTitle } : null,
    activity: r.activityId && r.activityNumber !== null ? { id: r.activityId, number: r.activityNumber } : null,
    regionId: r.regionId,
    municipalityId: r.municipalityId,
    organisationId: r.organisationId,
    organiserName: r.organiserName,
    counts: { audience: audienceCount, registered: Number(r.registered), attended: Number(r.attended) },
    version: r.version,
  };
}

async function eventDtos(ex: Executor, rows: EventRow[]): Promise<EventDto[]> {
  const audiences = await audiencesOf(ex, rows);
  return rows.map((r, i) => eventDto(r, audiences[i]!.length));
}

export async function listEvents(ctx: ServiceContext, q: z.infer<typeof eventListQuery>) {
  requirePermission(ctx, 'event.read');
  const { rows, total } = await eventRows(ctx.db, scope(ctx), q, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: await eventDtos(ctx.db, rows), total, page: q.page, pageSize: q.pageSize };
}

async function eventFor(ex: Executor, id: string): Promise<EventRow> {
  const { rows } = await eventRows(ex, { kind: 'all' }, { id });
  if (!rows[0]) throw notFound('Мероприятие');
  return rows[0];
}

async function eventForRead(ctx: ServiceContext, id: string): Promise<EventRow> {
  requirePermission(ctx, 'event.read');
  const { rows } = await eventRows(ctx.db, scope(ctx), { id });
  if (rows[0]) return rows[0];
  await eventFor(ctx.db, id);
  throw denied('Мероприятие относится к другой территории: доступ запрещён.');
}

export async function getEvent(ctx: ServiceContext, id: string): Promise<EventDto> {
  return (await eventDtos(ctx.db, [await eventForRead(ctx, id)]))[0]!;
}

/** The organiser's place from the input: a region, a municipality of it or an organisation of it. */
async function organiserPlace(
  ex: Executor,
  input: { regionId: string; municipalityId?: string | null; organisationId?: string | null },
): Promise<Place> {
  if (input.organisationId) {
    const o = await getOrganisation(ex, input.organisationId);
    if (!o || o.regionId !== input.regionId) throw invalid('organisationId', 'Выберите организацию этого региона.');
    return { regionId: o.regionId, municipalityId: o.municipalityId, organisationId: o.id };
  }
  return { regionId: input.regionId, municipalityId: input.municipalityId ?? null, organisationId: null };
}

function checkEventFields(v: {
  windowStart?: string;
  windowEnd?: string;
  startsAt?: string | null;
  endsAt?: string | null;
  link?: string;
}) {
  if (v.windowStart && v.windowEnd && v.windowEnd < v.windowStart)
    throw invalid('windowEnd', 'Дата окончания раньше даты начала.');
  for (const f of ['startsAt', 'endsAt'] as const)
    if (v[f] && Number.isNaN(Date.parse(v[f]!))) throw invalid(f, 'Время указано неверно.');
  if (v.startsAt && v.endsAt && Date.parse(v.endsAt) < Date.parse(v.startsAt))
    throw invalid('endsAt', 'Время окончания раньше времени начала.');
  if (v.link && !/^https?:\/\//i.test(v.link))
    throw invalid('link', 'Ссылка должна начинаться с https:// или http://.');
}

async function checkProgrammeAndActivity(
  ex: Executor,
  regionId: string,
  programmeId: string | null,
  activityId: string | null,
) {
  if (programmeId) {
    const p = await getProgrammeRecord(ex, programmeId);
    if (!p || p.regionId !== regionId) throw invalid('programmeId', 'Программа не относится к региону мероприятия.');
  }
  if (activityId) {
    const [a] = await ex
      .select({ programmeId: programmeActivities.programmeId })
      .from(programmeActivities)
      .where(eq(programmeActivities.id, activityId));
    if (!a || a.programmeId !== programmeId)
      throw invalid('activityId', 'Мероприятие дорожной карты не относится к программе события.');
  }
}

const eventLabels = {
  kind: 'Вид',
  topic: 'Тема',
  dateText: 'Дата',
  windowStart: 'Начало',
  windowEnd: 'Окончание',
  startsAt: 'Время начала',
  endsAt: 'Время окончания',
  place: 'Место',
  link: 'Ссылка',
  responsible: 'Ответственные',
  audience: 'Участники',
  status: 'Статус',
  attendance: 'Посещаемость',
};

const snapshot = (r: EventRow) => ({
  kind: r.kind,
  topic: r.topic,
  dateText: r.dateText,
  windowStart: r.windowStart,
  windowEnd: r.windowEnd,
  startsAt: r.startsAt?.toISOString() ?? null,
  endsAt: r.endsAt?.toISOString() ?? null,
  place: r.place,
  link: r.link,
  responsible: r.responsible,
  audience: r.audience,
  status: r.status,
  version: r.version,
});

async function linksOf(ex: Executor, regionId: string, responsible: string, known?: KnownEntities) {
  if (!responsible.trim()) return [];
  const k = known ?? (await knownEntitiesIn(ex, regionId));
  return linkResponsible(responsible, k).map(({ kind, id, label }) => ({ kind, id, label }));
}

export async function createEvent(ctx: ServiceContext, input: z.infer<typeof eventInput>): Promise<EventDto> {
  requirePermission(ctx, 'event.write');
  const id = await inTransaction(ctx, async (tx) => {
    const place = await organiserPlace(tx, input);
    requirePermission(ctx, 'event.write', place);
    checkEventFields(input);
    await checkProgrammeAndActivity(tx, input.regionId, input.programmeId ?? null, input.activityId ?? null);
    const values = {
      regionId: input.regionId,
      municipalityId: place.municipalityId ?? null,
      organisationId: place.organisationId ?? null,
      programmeId: input.programmeId ?? null,
      activityId: input.activityId ?? null,
      kind: input.kind,
      topic: input.topic,
      dateText: input.dateText ?? '',
      windowStart: input.windowStart,
      windowEnd: input.windowEnd,
      startsAt: input.startsAt ? new Date(input.startsAt) : null,
      endsAt: input.endsAt ? new Date(input.endsAt) : null,
      place: input.place ?? '',
      link: input.link ?? '',
      responsible: input.responsible ?? '',
      links: await linksOf(tx, input.regionId, input.responsible ?? ''),
      audience: input.audience ?? emptyAudience(),
      status: input.status ?? 'planned',
      createdBy: accountOf(ctx),
    };
    const [row] = await tx.insert(events).values(values).returning({ id: events.id });
    await audit(tx, ctx, {
      regionId: input.regionId,
      action: 'create',
      entity: 'event',
      entityId: row!.id,
      summary: `Запланировано: ${eventKindLabels[input.kind]} «${input.topic.slice(0, 150)}»`,
      after: snapshot(await eventFor(tx, row!.id)),
    });
    return row!.id;
  });
  return (await eventDtos(ctx.db, [await eventFor(ctx.db, id)]))[0]!;
}

async function eventForWrite(tx: Executor, ctx: ServiceContext, id: string): Promise<EventRow> {
  requirePermission(ctx, 'event.write');
  const e = await eventFor(tx, id);
  requirePermission(ctx, 'event.write', eventPlace(e));
  return e;
}

export async function updateEvent(
  ctx: ServiceContext,
  id: string,
  patch: z.infer<typeof eventPatch>,
): Promise<EventDto> {
  await inTransaction(ctx, async (tx) => {
    const before = await eventForWrite(tx, ctx, id);
    const { version, startsAt, endsAt, ...fields } = patch;
    checkEventFields({
      windowStart: fields.windowStart ?? before.windowStart,
      windowEnd: fields.windowEnd ?? before.windowEnd,
      startsAt: startsAt === undefined ? before.startsAt?.toISOString() : startsAt,
      endsAt: endsAt === undefined ? before.endsAt?.toISOString() : endsAt,
      link: fields.link,
    });
    if (fields.activityId !== undefined)
      await checkProgrammeAndActivity(tx, before.regionId, before.programmeId, fields.activityId);
    const values = {
      ...fields,
      ...(startsAt !== undefined && { startsAt: startsAt ? new Date(startsAt) : null }),
      ...(endsAt !== undefined && { endsAt: endsAt ? new Date(endsAt) : null }),
      ...(fields.responsible !== undefined && { links: await linksOf(tx, before.regionId, fields.responsible) }),
    };
    if (!(await updateVersioned(tx, events, id, version, values)))
      throw await staleWrite(tx, 'event', id, version, eventLabels);
    const after = await eventFor(tx, id);
    await audit(tx, ctx, {
      regionId: before.regionId,
      action: 'update',
      entity: 'event',
      entityId: id,
      summary: `Изменено: ${eventKindLabels[after.kind as keyof typeof eventKindLabels]} «${after.topic.slice(0, 150)}»`,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
  return (await eventDtos(ctx.db, [await eventFor(ctx.db, id)]))[0]!;
}

export async function deleteEvent(ctx: ServiceContext, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await eventForWrite(tx, ctx, id);
    if (Number(before.attended) > 0)
      throw new DomainError(
        'conflict.state',
        'По мероприятию отмечена посещаемость: удалить его нельзя, его можно отменить (статус «отменено»).',
      );
    if (!(await deleteVersioned(tx, events, id, version)))
      throw await staleWrite(tx, 'event', id, version, eventLabels);
    await audit(tx, ctx, {
      regionId: before.regionId,
      action: 'delete',
      entity: 'event',
      entityId: id,
      summary: `Удалено: «${before.topic.slice(0, 150)}»`,
      before: snapshot(before),
    });
  });
}

// ——— participants: registration and attendance

async function participantsOf(
  ex: Executor,
  ctx: ServiceContext,
  e: EventRow,
): Promise<z.infer<typeof participantsView>> {
  const audience = await audienceResolver(ex)(e);
  const marks = await ex
    .select({
      personId: eventParticipants.personId,
      registered: eventParticipants.registered,
      attended: eventParticipants.attended,
    })
    .from(eventParticipants)
    .where(eq(eventParticipants.eventId, e.id));
  const byPerson = new Map(marks.map((m) => [m.personId, m]));
  const outside = marks.filter((m) => !audience.some((p) => p.id === m.personId)).map((m) => m.personId);
  const extra =
    outside.length === 0
      ? []
      : await ex
          .select({
            id: people.id,
            regionId: people.regionId,
            municipalityId: people.municipalityId,
            fullName: people.fullName,
            position: people.position,
            category: people.category,
            subjects: people.subjects,
            organisationId: people.organisationId,
            organisationName: sql<string>`coalesce(${organisations.shortName}, '')`,
          })
          .from(people)
          .leftJoin(organisations, eq(organisations.id, people.organisationId))
          .where(inArray(people.id, outside));
  // The organiser sees everyone; others the staff they may read at the person's own place (a municipality
  // its schools' staff, a school its own).
  const seesAll = can(ctx.actor, 'event.write', eventPlace(e));
  const visible = (p: { regionId: string; municipalityId: string | null; organisationId: string | null }) =>
    seesAll ||
    can(ctx.actor, 'person.read', {
      regionId: p.regionId,
      municipalityId: p.municipalityId,
      organisationId: p.organisationId,
    });
  const list: ParticipantDto[] = [
    ...audience.map((p) => ({ ...p, inAudience: true })),
    ...extra.map((p) => ({
      ...p,
      category: p.category as StaffCategory,
      subjects: p.subjects ?? [],
      inAudience: false,
    })),
  ]
    .filter(visible)
    .map((p) => {
      const m = byPerson.get(p.id);
      return {
        personId: p.id,
        fullName: p.fullName,
        position: p.position,
        category: p.category,
        organisationId: p.organisationId,
        organisationName: p.organisationName,
        inAudience: p.inAudience,
        registered: m?.registered ?? false,
        attended: m?.attended ?? null,
      };
    });
  return {
    eventId: e.id,
    version: e.version,
    counts: { audience: audience.length, registered: Number(e.registered), attended: Number(e.attended) },
    participants: list,
  };
}

export async function eventParticipantsView(ctx: ServiceContext, id: string) {
  const e = await eventForRead(ctx, id);
  return participantsOf(ctx.db, ctx, e);
}

/**
 * Marks attendance (and registration) of staff, by the organiser, against the event's version: two people
 * marking the same list at once get a 409 rather than overwriting each other. An event with attendance marked
 * is held.
 */
export async function markAttendance(ctx: ServiceContext, id: string, body: z.infer<typeof attendanceBody>) {
  await inTransaction(ctx, async (tx) => {
    const e = await eventForWrite(tx, ctx, id);
    if (e.status === 'cancelled')
      throw new DomainError('conflict.state', 'Мероприятие отменено: посещаемость не отмечается.');
    const today = localDate(ctx.now?.() ?? new Date(), e.timezone);
    const begins = e.startsAt ? localDate(e.startsAt, e.timezone) : e.windowStart;
    if (today < begins && body.marks.some((m) => m.attended !== null))
      throw new DomainError(
        'conflict.state',
        `Мероприятие ещё не началось (${ruDate(begins)}): присутствие отмечается в день мероприятия или позже; регистрировать участников можно уже сейчас.`,
      );
    const ids = [...new Set(body.marks.map((m) => m.personId))];
    const found = await tx
      .select({
        id: people.id,
        regionId: people.regionId,
        municipalityId: people.municipalityId,
        organisationId: people.organisationId,
      })
      .from(people)
      .where(inArray(people.id, ids));
    const missing = ids.filter((pid) => !found.some((f) => f.id === pid && f.regionId === e.regionId));
    if (missing.length > 0)
      throw new DomainError('validation.failed', 'Среди отмеченных есть сотрудники не из региона мероприятия.', {
        problems: missing.map((pid) => ({ field: 'marks', message: `Сотрудник ${pid} не найден в регионе.` })),
      });
    // Beyond the invited, the organiser marks only people it may read: a school's event does not become a way
    // to look up the staff of other schools.
    const invited = new Set((await audienceResolver(tx)(e)).map((p) => p.id));
    const foreign = found.filter((f) => !invited.has(f.id) && !can(ctx.actor, 'person.read', f));
    if (foreign.length > 0) throw denied('Отметить можно приглашённых и сотрудников своей территории.');
    const before = await tx
      .select({
        personId: eventParticipants.personId,
        attended: eventParticipants.attended,
        registered: eventParticipants.registered,
      })
      .from(eventParticipants)
      .where(eq(eventParticipants.eventId, id));
    const nextStatus = e.status === 'planned' && body.marks.some((m) => m.attended === true) ? 'held' : e.status;
    if (!(await updateVersioned(tx, events, id, body.version, { status: nextStatus })))
      throw await staleWrite(tx, 'event', id, body.version, eventLabels);
    const now = ctx.now?.() ?? new Date();
    for (const m of body.marks) {
      const person = found.find((f) => f.id === m.personId)!;
      const prev = before.find((b) => b.personId === m.personId);
      const registered = m.registered ?? prev?.registered ?? m.attended === true;
      await tx
        .insert(eventParticipants)
        .values({
          regionId: e.regionId,
          eventId: id,
          personId: m.personId,
          organisationId: person.organisationId,
          registered,
          attended: m.attended,
          markedBy: accountOf(ctx),
          markedAt: now,
        })
        .onConflictDoUpdate({
          target: [eventParticipants.eventId, eventParticipants.personId],
          set: { registered, attended: m.attended, markedBy: accountOf(ctx), markedAt: now },
        });
    }
    const attendedBefore = before.filter((b) => b.attended).length;
    const after = await eventFor(tx, id);
    await audit(tx, ctx, {
      regionId: e.regionId,
      action: 'update',
      entity: 'event',
      entityId: id,
      summary: `Посещаемость «${e.topic.slice(0, 120)}»: присутствовали ${attendedBefore} → ${Number(after.attended)}`,
      before: { attendance: attendedBefore, status: e.status, version: e.version },
      after: {
        attendance: Number(after.attended),
        status: after.status,
        version: after.version,
        marks: body.marks.map((m) => ({ personId: m.personId, attended: m.attended })),
      },
    });
  });
  return participantsOf(ctx.db, ctx, await eventFor(ctx.db, id));
}

/** A school (or a coordinator) registers its staff for an event it sees. */
export async function registerStaff(ctx: ServiceContext, id: string, personIds: string[]) {
  requirePermission(ctx, 'event.register');
  await inTransaction(ctx, async (tx) => {
    const { rows } = await eventRows(tx, scope(ctx), { id });
    const e = rows[0];
    if (!e) {
      await eventFor(tx, id);
      throw denied('Мероприятие относится к другой территории: доступ запрещён.');
    }
    if (e.status !== 'planned')
      throw new DomainError('conflict.state', 'Регистрация открыта только на запланированные мероприятия.');
    const found = await tx
      .select({
        id: people.id,
        regionId: people.regionId,
        municipalityId: people.municipalityId,
        organisationId: people.organisationId,
        fullName: people.fullName,
      })
      .from(people)
      .where(inArray(people.id, [...new Set(personIds)]));
    if (found.length !== new Set(personIds).size) throw invalid('personIds', 'Сотрудник не найден.');
    for (const p of found) requirePermission(ctx, 'event.register', p);
    await tx
      .insert(eventParticipants)
      .values(
        found.map((p) => ({
          regionId: e.regionId,
          eventId: id,
          personId: p.id,
          organisationId: p.organisationId,
          registered: true,
        })),
      )
      .onConflictDoUpdate({
        target: [eventParticipants.eventId, eventParticipants.personId],
        set: { registered: true },
      });
    await audit(tx, ctx, {
      regionId: e.regionId,
      action: 'update',
      entity: 'event_registration',
      entityId: id,
      summary: `На «${e.topic.slice(0, 120)}» зарегистрированы: ${found
        .map((p) => p.fullName)
        .join(', ')
        .slice(0, 300)}`,
      after: { personIds: found.map((p) => p.id) },
    });
  });
  return participantsOf(ctx.db, ctx, await eventFor(ctx.db, id));
}

// ——— events of a roadmap's activities

/**
 * Plans the events an activity holds (a council meeting per window of «Август, Ноябрь 2020 Февраль, Июнь
 * 2021»), organised by the programme's owner, the audience read from the activity's wording. Windows that
 * already have their event are skipped, so asking twice adds nothing.
 */
export async function planActivityEvents(ctx: ServiceContext, activityId: string): Promise<EventDto[]> {
  requirePermission(ctx, 'event.write');
  const ids = await inTransaction(ctx, async (tx) => {
    const a = await getActivity(tx, activityId);
    if (!a) throw notFound('Мероприятие дорожной карты');
    const p = (await getProgrammeRecord(tx, a.programmeId))!;
    requirePermission(ctx, 'event.write', programmePlace(p));
    const drafts = eventsFromActivity({
      id: a.id,
      text: a.text,
      deadlineText: a.deadlineText,
      windows: a.deadline.windows,
      responsible: a.responsible,
    });
    if (drafts.length === 0)
      throw new DomainError(
        'validation.failed',
        'В формулировке мероприятия не названо событие (семинар, вебинар, консультация, совещание, заседание, курсы, выезд): запланируйте его вручную.',
      );
    const existing = await tx
      .select({ source: events.source })
      .from(events)
      .where(and(eq(events.activityId, a.id), isNotNull(events.source)));
    const taken = new Set(existing.map((e) => (e.source as { window?: number }).window));
    const fresh = drafts.filter((d) => !taken.has(d.source.window));
    const named = staffNamed(`${a.text} ${a.executors} ${a.plannedResult}`);
    const known = await knownEntitiesIn(tx, p.regionId);
    const created: string[] = [];
    for (const d of fresh) {
      const [row] = await tx
        .insert(events)
        .values({
          regionId: p.regionId,
          municipalityId: p.municipalityId,
          organisationId: p.organisationId,
          programmeId: p.id,
          activityId: a.id,
          kind: d.kind,
          topic: d.topic,
          dateText: d.dateText,
          windowStart: d.windowStart,
          windowEnd: d.windowEnd,
          responsible: d.responsible,
          links: await linksOf(tx, p.regionId, d.responsible, known),
          audience: { ...emptyAudience(), ...named },
          source: d.source,
          createdBy: accountOf(ctx),
        })
        .returning({ id: events.id });
      created.push(row!.id);
    }
    if (created.length > 0)
      await audit(tx, ctx, {
        regionId: p.regionId,
        action: 'create',
        entity: 'event',
        entityId: a.id,
        summary: `По мероприятию ${a.number} запланировано событий: ${created.length} (${eventKindLabels[fresh[0]!.kind]})`,
        after: { activityId: a.id, events: created },
      });
    return created;
  });
  if (ids.length === 0) return [];
  const { rows } = await eventRows(ctx.db, { kind: 'all' }, { ids });
  return eventDtos(ctx.db, rows);
}

// ——— events of a programme's schedule

/**
 * The consultation schedule of a programme as events in its place (on save, and again when a new period
 * moves the dates): events already made keep their attendance and take the new wording and dates.
 */
export async function eventsFromProgramme(
  tx: Executor,
  p: {
    id: string;
    regionId: string;
    municipalityId: string | null;
    organisationId: string | null;
    period: { start: string; end: string };
    consultations: Appendices['consultations'];
  },
  known?: KnownEntities,
): Promise<number> {
  const drafts = eventsFromConsultations(
    p.consultations.map((c) => ({
      topic: c.topic,
      dateText: c.whenText,
      windows: c.when.windows,
      responsible: c.responsible,
    })),
    p.period,
  );
  const existing = await tx
    .select({ id: events.id, source: events.source })
    .from(events)
    .where(and(eq(events.programmeId, p.id), isNotNull(events.source)));
  const bySource = new Map(existing.map((e) => [(e.source as { consultation?: number }).consultation, e.id]));
  const k = drafts.length > 0 ? (known ?? (await knownEntitiesIn(tx, p.regionId))) : undefined;
  for (const d of drafts) {
    const values = {
      kind: d.kind,
      topic: d.topic,
      dateText: d.dateText,
      windowStart: d.windowStart,
      windowEnd: d.windowEnd,
      responsible: d.responsible,
      links: await linksOf(tx, p.regionId, d.responsible, k),
    };
    const id = bySource.get(d.source.consultation);
    if (id) await tx.update(events).set(values).where(eq(events.id, id));
    else
      await tx.insert(events).values({
        ...values,
        regionId: p.regionId,
        municipalityId: p.municipalityId,
        organisationId: p.organisationId,
        programmeId: p.id,
        audience: emptyAudience(),
        source: d.source,
      });
  }
  return drafts.length;
}
