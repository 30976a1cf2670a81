// Coverage indicators counted from Опора's records: the share of the audience (staff of the programme's
// target schools by category and subject) marked present at the programme's events, or with a course
// completed within the programme's period up to today.
import { and, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import { type CoverageCount, type CoverageSpec, countCoverage } from '../domain/network/coverage.ts';
import type { Executor } from '../storage/database.ts';
import type { ProgrammeRecord } from '../storage/programmes-repo.ts';
import { courseCompletions, eventParticipants, events } from '../storage/schema.ts';
import { programmeSchools, staffOf } from './events.ts';

export async function programmeCoverage(
  ex: Executor,
  p: ProgrammeRecord,
  spec: CoverageSpec,
  today: string,
): Promise<CoverageCount> {
  const schools = await programmeSchools(ex, p);
  if (schools.length === 0)
    return {
      audience: 0,
      covered: 0,
      value: null,
      explanation: 'У программы нет целевых школ: выберите утверждённый перечень или школы-исполнители мероприятий.',
    };
  const staff = await staffOf(ex, schools);
  const ids = staff.map((s) => s.id);
  const counted = new Set<string>();
  if (ids.length > 0) {
    // Present at an event of the programme held by today (a course event counts as training too).
    const kinds = spec.measure === 'trained' ? ['course'] : spec.eventKinds;
    const attended = await ex
      .selectDistinct({ id: eventParticipants.personId })
      .from(eventParticipants)
      .innerJoin(events, eq(events.id, eventParticipants.eventId))
      .where(
        and(
          eq(events.programmeId, p.id),
          ne(events.status, 'cancelled'),
          lte(events.windowStart, today),
          eq(eventParticipants.attended, true),
          inArray(eventParticipants.personId, ids),
          kinds.length > 0 ? inArray(events.kind, kinds) : undefined,
        ),
      );
    for (const a of attended) counted.add(a.id);
    if (spec.measure === 'trained') {
      const trained = await ex
        .selectDistinct({ id: courseCompletions.personId })
        .from(courseCompletions)
        .where(
          and(
            inArray(courseCompletions.personId, ids),
            gte(courseCompletions.completedOn, p.period.start),
            lte(courseCompletions.completedOn, today),
          ),
        );
      for (const t of trained) counted.add(t.id);
    }
  }
  return countCoverage(spec, staff, counted, schools.length);
}
