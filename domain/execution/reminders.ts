// Which reminders are due today: due soon (a window ends within the programme's due-soon days), overdue, and
// escalation to the level above once an activity has been overdue for the programme's escalation days. Each
// reminder has a key (kind, unit, deadline) so that it is sent once, however often the planner runs.
import type { DeadlineReading } from '../deadline/read-deadline.ts';
import { ruDate } from '../deadline/read-deadline.ts';
import { plural } from '../plural.ts';
import { type ExecutionStatus, timingOf } from './status.ts';

export type ReminderKind = 'due-soon' | 'overdue' | 'escalation';

export interface ReminderUnit {
  executionId: string;
  programmeId: string;
  programmeTitle: string;
  activityNumber: string;
  activityText: string;
  deadlineText: string;
  reading: Pick<DeadlineReading, 'windows'>;
  status: ExecutionStatus;
  /** Whose work it is: the school or municipality name, or the region's. */
  executorName: string;
  dueSoonDays: number;
  escalationDays: number;
}

export interface Reminder {
  kind: ReminderKind;
  executionId: string;
  programmeId: string;
  key: string;
  deadline: string;
  subject: string;
  body: string;
}

const activityLine = (u: ReminderUnit) =>
  `Мероприятие${u.activityNumber ? ` № ${u.activityNumber.replace(/\.$/, '')}` : ''}: «${u.activityText.slice(0, 300)}».`;

const daysWord = (n: number) => plural(n, ['день', 'дня', 'дней']);

/** The reminders due for units on a day (ISO, in the region's calendar). */
export function remindersDue(units: readonly ReminderUnit[], today: string): Reminder[] {
  const out: Reminder[] = [];
  for (const u of units) {
    const t = timingOf(u.status, u.reading, today, u.dueSoonDays);
    if (!t.deadline) continue;
    const base = { executionId: u.executionId, programmeId: u.programmeId, deadline: t.deadline };
    const where = `Программа: «${u.programmeTitle.slice(0, 300)}». Исполнитель: ${u.executorName}.`;
    if (t.timing === 'due-soon')
      out.push({
        ...base,
        kind: 'due-soon',
        key: `due-soon:${u.executionId}:${t.deadline}`,
        subject: `Срок исполнения мероприятия — ${ruDate(t.deadline)}`,
        body: `${activityLine(u)}\nСрок по программе: ${u.deadlineText || ruDate(t.deadline)}. До срока ${t.daysLeft} ${daysWord(t.daysLeft ?? 0)}.\n${where}\nОтметьте исполнение и приложите подтверждающие документы в Опоре.`,
      });
    if (t.timing === 'overdue') {
      out.push({
        ...base,
        kind: 'overdue',
        key: `overdue:${u.executionId}:${t.deadline}`,
        subject: `Просрочено мероприятие: срок истёк ${ruDate(t.deadline)}`,
        body: `${activityLine(u)}\nСрок по программе: ${u.deadlineText || ruDate(t.deadline)} — истёк ${ruDate(t.deadline)}.\n${where}\nОтметьте исполнение с подтверждающими документами или укажите причину отмены.`,
      });
      if ((t.daysOverdue ?? 0) >= u.escalationDays)
        out.push({
          ...base,
          kind: 'escalation',
          key: `escalation:${u.executionId}:${t.deadline}`,
          subject: `Просрочка ${t.daysOverdue} ${daysWord(t.daysOverdue ?? 0)}: ${u.executorName}`,
          body: `${activityLine(u)}\nСрок истёк ${ruDate(t.deadline)}, просрочка ${t.daysOverdue} ${daysWord(t.daysOverdue ?? 0)}.\n${where}\nСообщение направлено вышестоящему уровню для принятия мер.`,
        });
    }
  }
  return out;
}
