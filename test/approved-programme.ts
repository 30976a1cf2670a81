// An approved regional roadmap of region A for tests of running a programme: activities with deadlines as
// written, some of them executed by target schools instead of the region itself. Built through the services
// a user goes through: save, set targets, approve.
import type { ProgrammeDetail } from '../contract/programmes.ts';
import { changeApproval } from '../services/approval.ts';
import { setTargets } from '../services/execution.ts';
import { saveProgramme } from '../services/programmes.ts';
import type { Db } from '../storage/database.ts';
import { blankActivity, smallDraft } from './programme-drafts.ts';
import type { World } from './world.ts';

export interface PlannedActivity {
  text: string;
  deadlineText: string;
  responsible?: string;
  /** Target schools executing it; omitted: the region itself. */
  schools?: string[];
}

export async function regionalRoadmap(
  db: Db,
  world: World,
  activities: PlannedActivity[],
  o: { title?: string; approve?: boolean } = {},
): Promise<{ programme: ProgrammeDetail; activityIds: string[] }> {
  const ctx = { db, actor: world.actors.regional_coordinator };
  const draft = smallDraft('region', o.title ?? 'Дорожная карта поддержки школ');
  draft.sections = [
    {
      number: '1.',
      title: 'Адресная поддержка школ',
      activities: activities.map((a, i) => ({
        ...blankActivity,
        number: `1.${i + 1}.`,
        text: a.text,
        deadlineText: a.deadlineText,
        responsible: a.responsible ?? '',
      })),
    },
  ];
  const programme = await saveProgramme(ctx, {
    draft,
    owner: { regionId: world.regionA, municipalityId: null, organisationId: null },
    sourceName: '',
  });
  const saved = programme.sections[0]!.activities;
  for (const [i, a] of activities.entries())
    if (a.schools)
      await setTargets(ctx, saved[i]!.id, {
        targetKind: 'schools',
        territoryIds: a.schools,
        version: saved[i]!.version,
      });
  if (o.approve !== false)
    await changeApproval(ctx, programme.id, { action: 'approve', comment: '', version: programme.version });
  return { programme, activityIds: saved.map((a) => a.id) };
}
