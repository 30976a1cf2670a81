// CLI commands of the support network: a programme's events (consultations, seminars, webinars, courses …)
// with their date as the plan writes it, topic, responsible and attendance counts, for scripts and checks.
import type { Command } from 'commander';
import { uuidField } from '../contract/fields.ts';
import type { EventDto } from '../contract/network.ts';
import { ruDate } from '../domain/deadline/read-deadline.ts';
import { DomainError } from '../domain/errors.ts';
import { eventKindLabels } from '../domain/network/events.ts';
import { systemActor } from '../services/context.ts';
import { listEvents } from '../services/events.ts';
import { getProgrammeRecord } from '../storage/programmes-repo.ts';
import type { CommandDeps } from './execution-commands.ts';

/** The date as the plan writes it («Март 2022 года»); else the time in the region's zone; else the days. */
export function eventDateText(
  e: Pick<EventDto, 'dateText' | 'startsAt' | 'windowStart' | 'windowEnd'>,
  timeZone: string,
): string {
  if (e.dateText.trim()) return e.dateText;
  if (e.startsAt) {
    const parts = new Intl.DateTimeFormat('ru-RU', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(e.startsAt));
    const part = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${part('day')}.${part('month')}.${part('year')} ${part('hour')}:${part('minute')}`;
  }
  return e.windowStart === e.windowEnd ? ruDate(e.windowStart) : `${ruDate(e.windowStart)}–${ruDate(e.windowEnd)}`;
}

const cell = (text: string, width: number) =>
  (text.length > width ? `${text.slice(0, width - 1)}…` : text).padEnd(width);

export function registerNetworkCommands(program: Command, { withDatabase, print }: CommandDeps): void {
  program
    .command('events')
    .description('мероприятия программы: дата (или месяц), вид, тема, ответственные, приглашённые и посещаемость')
    .requiredOption('--programme <id>', 'идентификатор программы (его печатает import-programme --commit)')
    .option('--json', 'вывод в формате JSON')
    .action(async (o: { programme: string; json?: boolean }) => {
      if (!uuidField.safeParse(o.programme).success)
        throw new DomainError(
          'validation.failed',
          `«${o.programme}» — не идентификатор программы. Идентификатор печатает import-programme --commit.`,
        );
      await withDatabase(async (d) => {
        const ctx = { db: d.db, actor: systemActor };
        const p = await getProgrammeRecord(d.db, o.programme);
        if (!p) throw new DomainError('not_found', 'Программа не найдена: возможно, её удалили.');
        const all: EventDto[] = [];
        for (let page = 1; ; page++) {
          const { items, total } = await listEvents(ctx, { programmeId: p.id, page, pageSize: 1000 });
          all.push(...items);
          if (items.length === 0 || all.length >= total) break;
        }
        const events = all.map((e) => ({
          id: e.id,
          date: eventDateText(e, p.timezone),
          dateText: e.dateText,
          windowStart: e.windowStart,
          windowEnd: e.windowEnd,
          startsAt: e.startsAt,
          endsAt: e.endsAt,
          kind: e.kind,
          topic: e.topic,
          responsible: e.responsible,
          place: e.place,
          link: e.link,
          status: e.status,
          counts: e.counts,
        }));
        const header = `${cell('Дата', 20)} ${cell('Вид', 14)} ${cell('Тема', 60)} ${cell('Ответственные', 40)} Пригл./рег./присутств.`;
        const rows = events.map(
          (e) =>
            `${cell(e.date, 20)} ${cell(eventKindLabels[e.kind], 14)} ${cell(e.topic, 60)} ${cell(e.responsible || '—', 40)} ${e.counts.audience}/${e.counts.registered}/${e.counts.attended}`,
        );
        print(
          Boolean(o.json),
          { programmeId: p.id, title: p.title, events },
          events.length === 0
            ? `У программы «${p.title}» нет мероприятий.`
            : [`«${p.title}»: мероприятий ${events.length}.`, header, ...rows].join('\n'),
        );
      });
    });
}
