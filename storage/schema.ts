// The one database schema of Опора. drizzle-kit turns it into the SQL migrations in storage/migrations.
// Rule: every table that holds a region's data carries `region_id`, so the schema can be distributed by
// region (Citus) without redesign. Every editable record carries `version` for optimistic concurrency.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Binary content (evidence files). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const version = () => integer('version').notNull().default(1);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** What every editable record carries: its version for optimistic concurrency and its timestamps. */
const editable = () => ({ version: version(), createdAt: createdAt(), updatedAt: updatedAt() });
/** The region a row belongs to: the key the schema can be distributed by. */
const tenant = () =>
  uuid('region_id')
    .notNull()
    .references(() => regions.id);

export const regions = pgTable(
  'regions',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    timezone: text('timezone').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    ...editable(),
  },
  (t) => [uniqueIndex('regions_code_uq').on(t.code)],
);

export const municipalities = pgTable(
  'municipalities',
  {
    id: id(),
    regionId: tenant(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    ...editable(),
  },
  (t) => [
    uniqueIndex('municipalities_region_code_uq').on(t.regionId, t.code),
    uniqueIndex('municipalities_region_name_uq').on(t.regionId, t.name),
  ],
);

/** Schools and support organisations (ИРО, ресурсный центр, ЦППМС, методический центр, МОУО …). */
export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    regionId: tenant(),
    /** Null for organisations of regional level (ИРО, the ministry). */
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    kind: text('kind').notNull(), // 'school' | 'support'
    type: text('type').notNull(), // school: СОШ/ООШ/НОШ/гимназия/лицей/другое; support: ИРО/…
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    urban: boolean('urban'),
    address: text('address').notNull().default(''),
    ...editable(),
  },
  (t) => [
    uniqueIndex('organisations_region_code_uq').on(t.regionId, t.code),
    index('organisations_municipality_idx').on(t.regionId, t.municipalityId),
  ],
);

export const people = pgTable(
  'people',
  {
    id: id(),
    regionId: tenant(),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    fullName: text('full_name').notNull(),
    position: text('position').notNull().default(''),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    /** Staff category derived from the position (domain/network/staff.ts): director | deputy | teacher | specialist | other. */
    category: text('category').notNull().default('other'),
    /** Subjects taught, as written and normalised («русский язык», «математика», «начальные классы»). */
    subjects: jsonb('subjects').$type<string[]>().notNull().default([]),
    ...editable(),
  },
  (t) => [
    index('people_region_org_idx').on(t.regionId, t.organisationId),
    index('people_org_category_idx').on(t.organisationId, t.category),
  ],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    login: text('login').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email').notNull().default(''),
    role: text('role').notNull(),
    /** Null only for administrators. */
    regionId: uuid('region_id').references(() => regions.id),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** Null while an invitation is not accepted. */
    passwordHash: text('password_hash'),
    status: text('status').notNull().default('active'), // active | invited | blocked
    ...editable(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('users_login_uq').on(sql`lower(${t.login})`), index('users_region_idx').on(t.regionId)],
);

/** Server-side sessions; the cookie carries a random token, the table keeps only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id').references(() => regions.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time tokens for invitations and password resets issued by an administrator. */
export const userTokens = pgTable('user_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  regionId: uuid('region_id').references(() => regions.id),
  purpose: text('purpose').notNull(), // invite | reset
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Failed login attempts, kept in the database so that throttling holds across server instances. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    login: text('login').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_login_at_idx').on(t.login, t.at)],
);

/**
 * Programmes (дорожная карта, программа, план-график, муниципальный проект) of a region, a municipality or a
 * school. The owner's territory is the record's place: region only, region + municipality, or region +
 * municipality + organisation (a school). Act and passport keep the document's wording as JSON; appendices
 * hold {workingGroup, indicators, consultations, tutorPairs, schools, monitoringRounds}.
 */
export const programmes = pgTable(
  'programmes',
  {
    id: id(),
    regionId: tenant(),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    level: text('level').notNull(), // region | municipality | school
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    periodText: text('period_text').notNull().default(''),
    act: jsonb('act').notNull(),
    passport: jsonb('passport').notNull(),
    appendices: jsonb('appendices').notNull(),
    status: text('status').notNull().default('draft'),
    sourceName: text('source_name').notNull().default(''),
    /** The approved list of schools whose schools are the programme's target schools. */
    schoolListId: uuid('school_list_id').references((): AnyPgColumn => schoolLists.id),
    /** A roadmap created by a cascading activity of a programme above it (seed 004 items 5–6). */
    parentProgrammeId: uuid('parent_programme_id').references((): AnyPgColumn => programmes.id, {
      onDelete: 'set null',
    }),
    parentActivityId: uuid('parent_activity_id'),
    /** The number of the last approved (frozen) version; null while never approved. */
    approvedVersion: integer('approved_version'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** Opt-in public page and widget (seed 003 item 13, seed 004 items 30–32). */
    public: boolean('public').notNull().default(false),
    /** Execution settings: { dueSoonDays, escalationDays, commentRequired }. */
    settings: jsonb('settings').notNull().default({}),
    version: version(),
    /** The account that saved it; null for the CLI's system actor. */
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('programmes_territory_idx').on(t.regionId, t.municipalityId),
    // A programme's cascaded roadmaps are found by their parent at every dashboard, round and report: without
    // this index each step of the recursive query scanned every programme of the country (bench/plans/).
    index('programmes_parent_idx').on(t.parentProgrammeId),
  ],
);

export const programmeSections = pgTable(
  'programme_sections',
  {
    id: id(),
    regionId: tenant(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    number: text('number').notNull().default(''),
    title: text('title').notNull().default(''),
    ...editable(),
  },
  (t) => [index('programme_sections_programme_idx').on(t.programmeId, t.position)],
);

/** Activities keep the deadline as written and its reading, always computed by the server. */
export const programmeActivities = pgTable(
  'programme_activities',
  {
    id: id(),
    regionId: tenant(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => programmeSections.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    number: text('number').notNull().default(''),
    text: text('text').notNull(),
    deadlineText: text('deadline_text').notNull().default(''),
    deadlineReading: jsonb('deadline_reading').notNull(),
    responsible: text('responsible').notNull().default(''),
    executors: text('executors').notNull().default(''),
    plannedResult: text('planned_result').notNull().default(''),
    indicator: text('indicator').notNull().default(''),
    informationSupport: text('information_support').notNull().default(''),
    /** Organisations and people recognised in responsible and executors ({ kind, id, label }[]), derived. */
    links: jsonb('links').notNull().default([]),
    /** Where the row came from in the imported document (line, table, row). */
    source: jsonb('source'),
    /** Who executes it: the programme's owner, or each target school / municipality separately. */
    targetKind: text('target_kind').notNull().default('owner'), // owner | schools | municipalities
    /** What closing it needs: { kinds: (file|link|document)[], commentRequired }. */
    evidenceRule: jsonb('evidence_rule').notNull().default({}),
    /** A cascading activity: the level of the roadmaps it asks for (municipality | school), or null. */
    cascadeLevel: text('cascade_level'),
    ...editable(),
  },
  (t) => [index('programme_activities_order_idx').on(t.programmeId, t.sectionId, t.position)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionId: uuid('region_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorLogin: text('actor_login').notNull(),
    action: text('action').notNull(), // create | update | delete | login | import …
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    summary: text('summary').notNull().default(''),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_region_at_idx').on(t.regionId, t.at), index('audit_entity_idx').on(t.entity, t.entityId)],
);

// ——— Running a programme: approval, execution, evidence, indicators, monitoring, reminders ———

/** A frozen copy of a programme's sections and activities at each approval. */
export const programmeVersions = pgTable(
  'programme_versions',
  {
    id: id(),
    regionId: tenant(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    approvedBy: uuid('approved_by'),
    approvedByLogin: text('approved_by_login').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('programme_versions_uq').on(t.programmeId, t.number)],
);

/** Each step of the approval workflow: draft → submitted → returned (with comments) → approved. */
export const programmeReviews = pgTable(
  'programme_reviews',
  {
    id: id(),
    regionId: tenant(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    comment: text('comment').notNull().default(''),
    actorId: uuid('actor_id'),
    actorLogin: text('actor_login').notNull(),
    at: createdAt(),
  },
  (t) => [index('programme_reviews_programme_idx').on(t.programmeId, t.at)],
);

/**
 * One unit of execution: an activity as executed by its owner, or by one target school or municipality.
 * The unit's place (municipality, organisation) is whose work it is; status changes are audited.
 */
export const activityExecutions = pgTable(
  'activity_executions',
  {
    id: id(),
    regionId: tenant(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => programmeActivities.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** True for the unit executed by the programme's owner itself. */
    own: boolean('own').notNull().default(false),
    status: text('status').notNull().default('planned'), // planned | in_progress | done | cancelled
    /** The date the work was done, as reported (ISO date). */
    completedOn: date('completed_on', { mode: 'string' }),
    cancelReason: text('cancel_reason').notNull().default(''),
    comment: text('comment').notNull().default(''),
    updatedBy: uuid('updated_by'),
    ...editable(),
  },
  (t) => [
    unique('activity_executions_unit_uq').on(t.activityId, t.municipalityId, t.organisationId).nullsNotDistinct(),
    index('activity_executions_programme_idx').on(t.programmeId, t.status),
    index('activity_executions_place_idx').on(t.regionId, t.municipalityId, t.organisationId),
  ],
);

/** Files kept in the database (evidence uploads), so the server stays stateless. */
export const storedFiles = pgTable('stored_files', {
  id: id(),
  regionId: tenant(),
  name: text('name').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
});

/** Evidence of execution: a file, a link, or a reference to an order or a protocol. */
export const executionEvidence = pgTable(
  'execution_evidence',
  {
    id: id(),
    regionId: tenant(),
    executionId: uuid('execution_id')
      .notNull()
      .references(() => activityExecutions.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // file | link | document
    title: text('title').notNull().default(''),
    url: text('url').notNull().default(''),
    documentNumber: text('document_number').notNull().default(''),
    documentDate: date('document_date', { mode: 'string' }),
    fileId: uuid('file_id').references(() => storedFiles.id),
    createdBy: uuid('created_by'),
    createdByLogin: text('created_by_login').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('execution_evidence_execution_idx').on(t.executionId)],
);

/** The coaching thread of an activity, one per executing unit (curator ↔ school). */
export const activityComments = pgTable(
  'activity_comments',
  {
    id: id(),
    regionId: tenant(),
    executionId: uuid('execution_id')
      .notNull()
      .references(() => activityExecutions.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id'),
    authorLogin: text('author_login').notNull(),
    authorName: text('author_name').notNull(),
    authorRole: text('author_role').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('activity_comments_execution_idx').on(t.executionId, t.createdAt)],
);

/** Curators assigned to schools (by an order): a curator reads and coaches the schools assigned to them. */
export const curatorAssignments = pgTable(
  'curator_assignments',
  {
    regionId: tenant(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    basis: text('basis').notNull().default(''),
    /** The order that assigned the curator: its number and date. */
    orderNumber: text('order_number').notNull().default(''),
    orderDate: date('order_date', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId] }),
    index('curator_assignments_org_idx').on(t.organisationId),
  ],
);

/** Actual values of a programme's target indicators (the indicator is keyed inside the programme). */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: id(),
    regionId: tenant(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    indicatorKey: text('indicator_key').notNull(),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
    evidence: text('evidence').notNull().default(''),
    justification: text('justification').notNull().default(''),
    ...editable(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [uniqueIndex('indicator_values_uq').on(t.programmeId, t.indicatorKey, t.period)],
);

/** Dated monitoring rounds of a programme: execution (with a threshold) or engagement (criteria as data). */
export const monitoringRounds = pgTable(
  'monitoring_rounds',
  {
    id: id(),
    regionId: tenant(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().default('execution'), // execution | engagement
    date: date('date', { mode: 'string' }).notNull(),
    title: text('title').notNull().default(''),
    minPercent: doublePrecision('min_percent'),
    maxPercent: doublePrecision('max_percent'),
    /** Engagement criteria: [{ key, group: organisational | content, text, max }]. */
    criteria: jsonb('criteria').notNull().default([]),
    recommendations: text('recommendations').notNull().default(''),
    /** The frozen figures; null while the round is open (its figures are then live). */
    snapshot: jsonb('snapshot'),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    frozenBy: text('frozen_by'),
    ...editable(),
  },
  (t) => [uniqueIndex('monitoring_rounds_uq').on(t.programmeId, t.kind, t.date)],
);

/** Engagement scores of one municipality or school in one engagement round: { criterionKey: score }. */
export const engagementScores = pgTable(
  'engagement_scores',
  {
    id: id(),
    regionId: tenant(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => monitoringRounds.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    scores: jsonb('scores').notNull(),
    ...editable(),
  },
  (t) => [unique('engagement_scores_uq').on(t.roundId, t.municipalityId, t.organisationId).nullsNotDistinct()],
);

/** In-app notifications (due soon, overdue, escalation); the key makes each reminder happen once. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    regionId: tenant(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // due-soon | overdue | escalation | event
    key: text('key').notNull(),
    executionId: uuid('execution_id').references(() => activityExecutions.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references((): AnyPgColumn => events.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    emailError: text('email_error'),
  },
  (t) => [
    uniqueIndex('notifications_key_uq').on(t.userId, t.key),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);

/** Personal calendar feeds (iCal): the URL carries a random token, the table keeps only its SHA-256. */
export const calendarFeeds = pgTable('calendar_feeds', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  regionId: uuid('region_id').references(() => regions.id),
  createdAt: createdAt(),
});

// ——— Network and people: partnerships, groups, events, attendance, professional development ———

/**
 * A supporting school and a supported one: a tutor pair (seed 001, appendix 2) or a partnership agreement
 * between a leader school and a weak one (seed 002, item 1.5). Either side may be known only by the name a
 * document gives until it is matched to an organisation of the region.
 */
export const schoolPartnerships = pgTable(
  'school_partnerships',
  {
    id: id(),
    regionId: tenant(),
    kind: text('kind').notNull(), // tutor | partnership
    supporterId: uuid('supporter_id').references(() => organisations.id),
    supporterName: text('supporter_name').notNull().default(''),
    schoolId: uuid('school_id').references(() => organisations.id),
    schoolName: text('school_name').notNull().default(''),
    /** The programme whose document named the pair; null when entered by hand. */
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    agreementNumber: text('agreement_number').notNull().default(''),
    agreementDate: date('agreement_date', { mode: 'string' }),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    obligations: text('obligations').notNull().default(''),
    fileId: uuid('file_id').references(() => storedFiles.id),
    ...editable(),
  },
  (t) => [
    index('school_partnerships_school_idx').on(t.schoolId),
    index('school_partnerships_supporter_idx').on(t.supporterId),
    index('school_partnerships_region_idx').on(t.regionId, t.kind),
  ],
);

/** Mobile groups, networks of strong schools and methodical platforms, with their members. */
export const supportGroups = pgTable(
  'support_groups',
  {
    id: id(),
    regionId: tenant(),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    kind: text('kind').notNull(), // mobile-group | network | platform
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    basis: text('basis').notNull().default(''),
    ...editable(),
  },
  (t) => [index('support_groups_region_idx').on(t.regionId, t.kind)],
);

export const supportGroupMembers = pgTable(
  'support_group_members',
  {
    id: id(),
    regionId: tenant(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => supportGroups.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    role: text('role').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    unique('support_group_members_uq').on(t.groupId, t.organisationId, t.personId).nullsNotDistinct(),
    index('support_group_members_org_idx').on(t.organisationId),
  ],
);

/**
 * Events of the support: consultations, seminars, webinars, courses, council meetings, school visits. The
 * organiser's territory is the record's place. A date as the plan gives it («Март 2022 года») is kept with its
 * window; a time when one is set. The audience is data: { categories, subjects, schools, organisationIds }.
 */
export const events = pgTable(
  'events',
  {
    id: id(),
    regionId: tenant(),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    activityId: uuid('activity_id').references(() => programmeActivities.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    topic: text('topic').notNull(),
    dateText: text('date_text').notNull().default(''),
    windowStart: date('window_start', { mode: 'string' }).notNull(),
    windowEnd: date('window_end', { mode: 'string' }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    place: text('place').notNull().default(''),
    link: text('link').notNull().default(''),
    responsible: text('responsible').notNull().default(''),
    /** People and organisations recognised in the responsible text ({ kind, id, label }[]), derived. */
    links: jsonb('links').notNull().default([]),
    audience: jsonb('audience').notNull().default({}),
    status: text('status').notNull().default('planned'), // planned | held | cancelled
    /** Where it came from: { consultation: index } of the programme's schedule, or null. */
    source: jsonb('source'),
    createdBy: uuid('created_by'),
    ...editable(),
  },
  (t) => [
    index('events_region_window_idx').on(t.regionId, t.windowStart),
    index('events_programme_idx').on(t.programmeId),
  ],
);

/** Who registered for an event and who attended it (staff of the schools). */
export const eventParticipants = pgTable(
  'event_participants',
  {
    id: id(),
    regionId: tenant(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    registered: boolean('registered').notNull().default(true),
    /** null until attendance is marked. */
    attended: boolean('attended'),
    markedBy: uuid('marked_by'),
    markedAt: timestamp('marked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('event_participants_uq').on(t.eventId, t.personId),
    index('event_participants_person_idx').on(t.personId),
  ],
);

/** Courses (КПК) a member of staff completed, with the certificate. */
export const courseCompletions = pgTable(
  'course_completions',
  {
    id: id(),
    regionId: tenant(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    title: text('title').notNull(),
    provider: text('provider').notNull().default(''),
    hours: integer('hours'),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    certificate: text('certificate').notNull().default(''),
    fileId: uuid('file_id').references(() => storedFiles.id),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
    ...editable(),
  },
  (t) => [index('course_completions_person_idx').on(t.personId, t.completedOn)],
);

/** Professional deficits of a member of staff (from diagnostics) and what addresses them. */
export const staffDeficits = pgTable(
  'staff_deficits',
  {
    id: id(),
    regionId: tenant(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    area: text('area').notNull(),
    description: text('description').notNull().default(''),
    identifiedOn: date('identified_on', { mode: 'string' }),
    source: text('source').notNull().default(''),
    status: text('status').notNull().default('open'), // open | addressed
    ...editable(),
  },
  (t) => [index('staff_deficits_person_idx').on(t.personId)],
);

/** An individual development plan (ИОМ): steps, each with a due date, addressing the person's deficits. */
export const developmentPlans = pgTable(
  'development_plans',
  {
    id: id(),
    regionId: tenant(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    title: text('title').notNull(),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    /** [{ key, action, due, deficitId, done }] */
    items: jsonb('items').notNull().default([]),
    ...editable(),
  },
  (t) => [index('development_plans_person_idx').on(t.personId)],
);

// ——— Diagnosis: questionnaires, risk profiles, SWOT and entry monitoring, anti-risk programmes ———

/**
 * A region's diagnostic model: its risk-factor catalogue, questionnaires and scoring model as one definition
 * (domain/diagnosis). Presets live in code; a region copies one and each edit becomes a new version.
 */
export const diagnosisModels = pgTable(
  'diagnosis_models',
  {
    id: id(),
    regionId: tenant(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    basedOn: text('based_on').notNull().default(''),
    definition: jsonb('definition').notNull(),
    ...editable(),
  },
  (t) => [uniqueIndex('diagnosis_models_region_code_uq').on(t.regionId, t.code)],
);

export const diagnosisModelVersions = pgTable(
  'diagnosis_model_versions',
  {
    regionId: tenant(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => diagnosisModels.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    definition: jsonb('definition').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.version] })],
);

/** A questionnaire campaign of a region: the model it applies (kept as it was), dates and respondent groups. */
export const diagnosisCampaigns = pgTable(
  'diagnosis_campaigns',
  {
    id: id(),
    regionId: tenant(),
    title: text('title').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** { modelRef: { code, version }, catalogue, questions, model }: what the campaign asks and scores with. */
    definition: jsonb('definition').notNull(),
    /** Respondent groups whose answers are anonymous (students, parents by default). */
    anonymousGroups: jsonb('anonymous_groups').$type<string[]>().notNull().default([]),
    createdBy: uuid('created_by'),
    ...editable(),
  },
  (t) => [index('diagnosis_campaigns_region_idx').on(t.regionId, t.opensOn)],
);

/** The schools of a campaign, each with the code its respondents open the questionnaire by. */
export const campaignSchools = pgTable(
  'campaign_schools',
  {
    regionId: tenant(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => diagnosisCampaigns.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    accessCode: text('access_code').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.organisationId] }),
    uniqueIndex('campaign_schools_code_uq').on(t.accessCode),
  ],
);

/** One respondent's answers, saved as they go (by a random key the browser keeps); submitted when done. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: id(),
    regionId: tenant(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => diagnosisCampaigns.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    respondentGroup: text('respondent_group').notNull(),
    /** SHA-256 of the respondent's random key: the key itself stays in the respondent's browser. */
    respondentKeyHash: text('respondent_key_hash').notNull(),
    answers: jsonb('answers').notNull().default({}),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('survey_responses_key_uq').on(t.respondentKeyHash),
    index('survey_responses_school_idx').on(t.campaignId, t.organisationId),
  ],
);

/** SWOT analyses and entry monitoring forms of a school (seed 001, 003; seed 004 item 2), reviewed by the curator. */
export const schoolForms = pgTable(
  'school_forms',
  {
    id: id(),
    regionId: tenant(),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(), // swot | entry-monitoring
    period: text('period').notNull(),
    content: jsonb('content').notNull().default({}),
    status: text('status').notNull().default('draft'), // draft | submitted | returned | accepted
    reviewComment: text('review_comment').notNull().default(''),
    reviewedBy: text('reviewed_by'),
    updatedBy: uuid('updated_by'),
    ...editable(),
  },
  (t) => [uniqueIndex('school_forms_uq').on(t.organisationId, t.kind, t.period)],
);

/** The region's library of typical measures per risk factor, offered to schools for their anti-risk programmes. */
export const riskMeasures = pgTable(
  'risk_measures',
  {
    id: id(),
    regionId: tenant(),
    factorKey: text('factor_key').notNull(),
    text: text('text').notNull(),
    indicator: text('indicator').notNull().default(''),
    deadlineText: text('deadline_text').notNull().default(''),
    responsible: text('responsible').notNull().default(''),
    ...editable(),
  },
  (t) => [index('risk_measures_factor_idx').on(t.regionId, t.factorKey)],
);

/** A risk a school chose to work on, and the section of its roadmap holding the measures. */
export const antiRiskChoices = pgTable(
  'anti_risk_choices',
  {
    id: id(),
    regionId: tenant(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    campaignId: uuid('campaign_id').references(() => diagnosisCampaigns.id, { onDelete: 'set null' }),
    factorKey: text('factor_key').notNull(),
    factorTitle: text('factor_title').notNull(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id').references(() => programmeSections.id, { onDelete: 'set null' }),
    ...editable(),
  },
  (t) => [uniqueIndex('anti_risk_choices_uq').on(t.programmeId, t.factorKey)],
);

// ——— Identification of low-results schools ———

/** One upload of results (a file of one kind): who, when, which years it replaced. */
export const resultImports = pgTable(
  'result_imports',
  {
    id: id(),
    regionId: tenant(),
    kind: text('kind').notNull(), // vpr | gia | journal
    years: integer('years').array().notNull(),
    fileName: text('file_name').notNull(),
    rows: integer('rows').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('result_imports_region_idx').on(t.regionId, t.kind)],
);

const resultKey = () => ({
  regionId: tenant(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  year: smallint('year').notNull(),
  importId: uuid('import_id')
    .notNull()
    .references(() => resultImports.id),
});

/** ВПР mark counts per school, subject, grade and year. */
export const vprResults = pgTable(
  'vpr_results',
  {
    ...resultKey(),
    subject: text('subject').notNull(),
    grade: smallint('grade').notNull(),
    participants: integer('participants').notNull(),
    n2: integer('n2').notNull(),
    n3: integer('n3').notNull(),
    n4: integer('n4').notNull(),
    n5: integer('n5').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.year, t.organisationId, t.subject, t.grade] }),
    index('vpr_results_org_idx').on(t.organisationId),
  ],
);

/** ОГЭ and ЕГЭ: participants and those below the minimum score, per school, exam, subject and year. */
export const giaResults = pgTable(
  'gia_results',
  {
    ...resultKey(),
    exam: text('exam').notNull(),
    subject: text('subject').notNull(),
    participants: integer('participants').notNull(),
    belowMin: integer('below_min').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.year, t.organisationId, t.exam, t.subject] }),
    index('gia_results_org_idx').on(t.organisationId),
  ],
);

/** ВПР marks against journal marks: lowered / confirmed / raised, per school, subject, grade and year. */
export const journalResults = pgTable(
  'journal_results',
  {
    ...resultKey(),
    subject: text('subject').notNull(),
    grade: smallint('grade').notNull(),
    participants: integer('participants').notNull(),
    lowered: integer('lowered').notNull(),
    confirmed: integer('confirmed').notNull(),
    raised: integer('raised').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.year, t.organisationId, t.subject, t.grade] }),
    index('journal_results_org_idx').on(t.organisationId),
  ],
);

/** A region's own methodology (a copy of a preset or of another one); its versions are kept below. */
export const methodologies = pgTable(
  'methodologies',
  {
    id: id(),
    regionId: tenant(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    source: text('source').notNull().default(''),
    basedOn: text('based_on').notNull().default(''),
    definition: jsonb('definition').notNull(),
    ...editable(),
  },
  (t) => [uniqueIndex('methodologies_region_code_uq').on(t.regionId, t.code)],
);

/** Every version of a methodology as it was: a run names the version it applied. */
export const methodologyVersions = pgTable(
  'methodology_versions',
  {
    regionId: tenant(),
    methodologyId: uuid('methodology_id')
      .notNull()
      .references(() => methodologies.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    source: text('source').notNull(),
    definition: jsonb('definition').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.methodologyId, t.version] })],
);

/** A run of a methodology over the region's results: the definition applied is kept with it. */
export const identificationRuns = pgTable(
  'identification_runs',
  {
    id: id(),
    regionId: tenant(),
    methodologyCode: text('methodology_code').notNull(),
    methodologyTitle: text('methodology_title').notNull(),
    methodologyVersion: integer('methodology_version').notNull(),
    definition: jsonb('definition').notNull(),
    year: smallint('year').notNull(),
    years: integer('years').array().notNull(),
    totals: jsonb('totals').notNull(),
    difference: jsonb('difference'),
    previousListId: uuid('previous_list_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('identification_runs_region_idx').on(t.regionId, t.createdAt)],
);

/** The decision for one school in one run, with its reasons and the numbers behind them. */
export const identificationVerdicts = pgTable(
  'identification_verdicts',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => identificationRuns.id, { onDelete: 'cascade' }),
    regionId: tenant(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    category: smallint('category'),
    rule: text('rule'),
    lowProcedures: smallint('low_procedures').notNull(),
    redZone: boolean('red_zone').notNull(),
    objectivityGap: boolean('objectivity_gap').notNull(),
    objectivityShare: doublePrecision('objectivity_share'),
    hasResults: boolean('has_results').notNull(),
    inPreviousList: boolean('in_previous_list').notNull(),
    previousCategory: smallint('previous_category'),
    reasons: jsonb('reasons').notNull(),
    evidence: jsonb('evidence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.organisationId] })],
);

/** An approved list of schools («перечень»), numbered per region; each approval is a new version. */
export const schoolLists = pgTable(
  'school_lists',
  {
    id: id(),
    regionId: tenant(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    orderNumber: text('order_number').notNull().default(''),
    orderDate: date('order_date', { mode: 'string' }),
    runId: uuid('run_id')
      .notNull()
      .references(() => identificationRuns.id),
    year: smallint('year').notNull(),
    methodologyTitle: text('methodology_title').notNull(),
    approvedBy: uuid('approved_by'),
    ...editable(),
  },
  (t) => [uniqueIndex('school_lists_region_number_uq').on(t.regionId, t.number)],
);

export const schoolListMembers = pgTable(
  'school_list_members',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => schoolLists.id, { onDelete: 'cascade' }),
    regionId: tenant(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    category: smallint('category'),
    repeated: boolean('repeated').notNull(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.organisationId] })],
);

export const schema = {
  regions,
  municipalities,
  organisations,
  people,
  users,
  sessions,
  userTokens,
  loginFailures,
  programmes,
  programmeSections,
  programmeActivities,
  auditLog,
  resultImports,
  vprResults,
  giaResults,
  journalResults,
  methodologies,
  methodologyVersions,
  identificationRuns,
  identificationVerdicts,
  schoolLists,
  schoolListMembers,
  programmeVersions,
  programmeReviews,
  activityExecutions,
  storedFiles,
  executionEvidence,
  activityComments,
  curatorAssignments,
  indicatorValues,
  monitoringRounds,
  engagementScores,
  notifications,
  calendarFeeds,
  schoolPartnerships,
  supportGroups,
  supportGroupMembers,
  events,
  eventParticipants,
  courseCompletions,
  staffDeficits,
  developmentPlans,
  diagnosisModels,
  diagnosisModelVersions,
  diagnosisCampaigns,
  campaignSchools,
  surveyResponses,
  schoolForms,
  riskMeasures,
  antiRiskChoices,
};
