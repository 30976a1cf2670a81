// Execution roll-ups counted by the database: units → activities at dates, units → territories, activities →
// programmes. Dashboards, monitoring rounds and reports read these aggregates instead of every unit, so the
// work grows with the activities and territories shown, not with the units behind them (issue 9: a regional
// roadmap of a large region with its cascaded roadmaps holds tens of thousands of units).
//
// A unit's status at the end of a date is the domain's `statusAt`: work reported done after the date was still
// in progress then. An activity's status from its units is the domain's `activityStatus`: cancelled when all
// are, done when every unit left is, in progress once any started or finished, planned otherwise. The final
// deadline is the latest end of the reading's windows (`finalDeadline`); ISO dates compare as text.
import { type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DeadlineReading } from '../domain/deadline/read-deadline.ts';
import { defaultDueSoonDays, type ExecutionStatus } from '../domain/execution/status.ts';
import type { Scope } from '../domain/roles.ts';
import { type Executor, pgArray, queryRows } from './database.ts';
import { activityExecutions } from './schema.ts';
import { scopeCondition } from './scope-filter.ts';

export interface UnitFilter {
  programmeIds: readonly string[];
  /** Only units inside the scope (undefined: every unit of the programmes). */
  scope?: Scope;
  municipalityId?: string;
  organisationId?: string;
}

/** The units table as `e` in every query below. */
const e = alias(activityExecutions, 'e');
const units = sql`activity_executions e`;
const insideScope = (scope: Scope) =>
  scopeCondition(scope, { region: e.regionId, municipality: e.municipalityId, organisation: e.organisationId });

function unitConditions(f: UnitFilter): SQL {
  const parts: SQL[] = [sql`e.programme_id = any(${pgArray(f.programmeIds)}::uuid[])`];
  const inside = f.scope ? insideScope(f.scope) : undefined;
  if (inside) parts.push(inside);
  if (f.municipalityId) parts.push(sql`e.municipality_id = ${f.municipalityId}`);
  if (f.organisationId) parts.push(sql`e.organisation_id = ${f.organisationId}`);
  return sql.join(parts, sql` and `);
}

const statusAtDate = (date: SQL) =>
  sql`case when e.status = 'done' and e.completed_on > (${date})::date then 'in_progress' else e.status end`;
const finalOf = (activity: SQL) =>
  sql`(select max(w->>'end') from jsonb_array_elements(${activity}.deadline_reading->'windows') w)`;

export interface ActivityState {
  date: string;
  programmeId: string;
  activityId: string;
  sectionPosition: number;
  activityPosition: number;
  number: string;
  text: string;
  deadlineText: string;
  responsible: string;
  reading: DeadlineReading;
  /** The activity's status at the end of the date, from its units. */
  status: ExecutionStatus;
  /** Units not cancelled, and those of them done, at the date. */
  unitsLive: number;
  unitsDone: number;
}

/** Every activity with units passing the filter, at each of the dates, in the programme's order. */
export async function activityStates(ex: Executor, f: UnitFilter, dates: readonly string[]): Promise<ActivityState[]> {
  if (f.programmeIds.length === 0 || dates.length === 0) return [];
  const rows = await queryRows<Omit<ActivityState, 'status'> & { started: number }>(
    ex,
    sql`with u as (
      select d.date, e.activity_id, ${statusAtDate(sql`d.date`)} as s
        from ${units} cross join unnest(${pgArray(dates)}::text[]) as d(date)
       where ${unitConditions(f)}
    ), a as (
      select date, activity_id,
             count(*) filter (where s <> 'cancelled')::int as "unitsLive",
             count(*) filter (where s = 'done')::int as "unitsDone",
             count(*) filter (where s = 'in_progress')::int as started
        from u group by date, activity_id
    )
    select a.date, pa.programme_id as "programmeId", a.activity_id as "activityId",
           ps.position as "sectionPosition", pa.position as "activityPosition", pa.number, pa.text,
           pa.deadline_text as "deadlineText", pa.responsible, pa.deadline_reading as reading,
           a."unitsLive", a."unitsDone", a.started
      from a join programme_activities pa on pa.id = a.activity_id
      join programme_sections ps on ps.id = pa.section_id
     order by a.date, pa.programme_id, ps.position, pa.position`,
  );
  return rows.map(({ started, ...r }) => ({
    ...r,
    status:
      r.unitsLive === 0
        ? 'cancelled'
        : r.unitsDone === r.unitsLive
          ? 'done'
          : r.unitsDone + started > 0
            ? 'in_progress'
            : 'planned',
  }));
}

export interface TerritoryCounts {
  id: string;
  name: string;
  municipalityName: string;
  total: number;
  cancelled: number;
  done: number;
  inProgress: number;
  planned: number;
  /** Units neither done nor cancelled whose activity's final deadline is before the date. */
  overdue: number;
}

/** Units passing the filter counted per municipality (every unit carrying one) or per school, at a date. */
export async function territoryCounts(
  ex: Executor,
  f: UnitFilter,
  date: string,
  by: 'municipality' | 'school',
): Promise<TerritoryCounts[]> {
  if (f.programmeIds.length === 0) return [];
  const key = by === 'school' ? sql`e.organisation_id` : sql`e.municipality_id`;
  const names =
    by === 'school'
      ? sql`join organisations o on o.id = t.id left join municipalities om on om.id = o.municipality_id`
      : sql`join municipalities m on m.id = t.id`;
  const nameColumns =
    by === 'school'
      ? sql`o.short_name as name, coalesce(om.name, '') as "municipalityName"`
      : sql`m.name as name, '' as "municipalityName"`;
  return queryRows<TerritoryCounts>(
    ex,
    sql`with fin as (
      select pa.id, ${finalOf(sql`pa`)} as final
        from programme_activities pa where pa.programme_id = any(${pgArray(f.programmeIds)}::uuid[])
    ), u as (
      select ${key} as id, ${statusAtDate(sql`${date}`)} as s, fin.final
        from ${units} join fin on fin.id = e.activity_id
       where ${unitConditions(f)} and ${key} is not null
    ), t as (
      select id, count(*)::int as total,
             count(*) filter (where s = 'cancelled')::int as cancelled,
             count(*) filter (where s = 'done')::int as done,
             count(*) filter (where s = 'in_progress')::int as "inProgress",
             count(*) filter (where s = 'planned')::int as planned,
             count(*) filter (where s in ('planned', 'in_progress') and final < ${date})::int as overdue
        from u group by id
    )
    select t.id, ${nameColumns}, t.total, t.cancelled, t.done, t."inProgress", t.planned, t.overdue
      from t ${names}`,
  );
}

export interface ProgrammeCounts {
  programmeId: string;
  total: number;
  cancelled: number;
  done: number;
  overdue: number;
  dueSoon: number;
}

/**
 * Each programme's own activities at its «today»: how many, cancelled, done, overdue (not closed, final
 * deadline passed) and due soon (not closed, a window ends within the programme's due-soon days). `full` are
 * the programmes whose every unit counts; `scoped` those counted only inside `scope`.
 */
export async function programmeCounts(
  ex: Executor,
  q: {
    programmes: readonly { id: string; today: string; dueSoonDays: number }[];
    fullIds: ReadonlySet<string>;
    scope: Scope;
  },
): Promise<ProgrammeCounts[]> {
  if (q.programmes.length === 0) return [];
  const full = q.programmes.filter((p) => q.fullIds.has(p.id)).map((p) => p.id);
  const scoped = q.programmes.filter((p) => !q.fullIds.has(p.id)).map((p) => p.id);
  const inside = insideScope(q.scope);
  const visible = sql`(e.programme_id = any(${pgArray(full)}::uuid[]) or (e.programme_id = any(${pgArray(scoped)}::uuid[])${inside ? sql` and ${inside}` : sql``}))`;
  return queryRows<ProgrammeCounts>(
    ex,
    sql`with p as (
      select id, today, soon from unnest(${pgArray(q.programmes.map((p) => p.id))}::uuid[],
        ${pgArray(q.programmes.map((p) => p.today))}::text[], ${pgArray(q.programmes.map((p) => p.dueSoonDays))}::int[])
        as p(id, today, soon)
    ), a as (
      select e.programme_id, e.activity_id,
             count(*) filter (where ${statusAtDate(sql`p.today`)} <> 'cancelled') as live,
             count(*) filter (where ${statusAtDate(sql`p.today`)} = 'done') as done,
             count(*) filter (where ${statusAtDate(sql`p.today`)} = 'in_progress') as started
        from ${units} join p on p.id = e.programme_id
       where ${visible}
       group by e.programme_id, e.activity_id
    ), s as (
      select a.programme_id, p.today,
             case when a.live = 0 then 'cancelled' when a.done = a.live then 'done'
                  when a.done + a.started > 0 then 'in_progress' else 'planned' end as status,
             w.final, w.soon
        from a join p on p.id = a.programme_id join programme_activities pa on pa.id = a.activity_id
        cross join lateral (
          select max(x->>'end') as final,
                 bool_or(x->>'end' >= p.today and x->>'end' <= to_char(p.today::date + p.soon, 'YYYY-MM-DD')) as soon
            from jsonb_array_elements(pa.deadline_reading->'windows') x) w
    )
    select programme_id as "programmeId", count(*)::int as total,
           count(*) filter (where status = 'cancelled')::int as cancelled,
           count(*) filter (where status = 'done')::int as done,
           count(*) filter (where status in ('planned', 'in_progress') and final < today)::int as overdue,
           count(*) filter (where status in ('planned', 'in_progress') and final >= today and soon)::int as "dueSoon"
      from s group by programme_id`,
  );
}

/** The name of the territory whose units pass the filter (its school, else its municipality); '' if none. */
export async function unitTerritoryName(ex: Executor, f: UnitFilter): Promise<string> {
  if (f.programmeIds.length === 0) return '';
  const [row] = await queryRows<{ name: string }>(
    ex,
    sql`select coalesce(${f.organisationId ? sql`o.short_name` : sql`null`}, m.name, o.short_name, '') as name
          from ${units} left join organisations o on o.id = e.organisation_id
          left join municipalities m on m.id = e.municipality_id
         where ${unitConditions(f)} limit 1`,
  );
  return row?.name ?? '';
}

/** Each programme's region time zone (its «today») and due-soon days. */
export async function programmeClocks(
  ex: Executor,
  ids: readonly string[],
): Promise<{ id: string; timezone: string; dueSoonDays: number }[]> {
  if (ids.length === 0) return [];
  return queryRows(
    ex,
    sql`select p.id, r.timezone, coalesce((p.settings->>'dueSoonDays')::int, ${defaultDueSoonDays}) as "dueSoonDays"
          from programmes p join regions r on r.id = p.region_id where p.id = any(${pgArray(ids)}::uuid[])`,
  );
}
