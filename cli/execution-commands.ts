// CLI commands of running a programme, for scripts and checks: the activities with their status and deadline
// reading, reporting an activity with evidence, a monitoring round's figures, and the round's report.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { percentText } from '../adapters/identification-report.ts';
import { uuidField } from '../contract/fields.ts';
import { ruDate } from '../domain/deadline/read-deadline.ts';
import { DomainError } from '../domain/errors.ts';
import { systemActor } from '../services/context.ts';
import { addEvidence, programmeExecution, reportExecution } from '../services/execution.ts';
import { roundAtDate, roundReportFile } from '../services/monitoring.ts';
import type { Database } from '../storage/database.ts';
import { loadUnits } from '../storage/execution-repo.ts';
import { findOrganisationByCode } from '../storage/organisations-repo.ts';

export interface CommandDeps {
  withDatabase: <T>(work: (d: Database) => Promise<T>) => Promise<T>;
  print: (json: boolean, value: unknown, text: string) => void;
}

function checkId(id: string, what: string): void {
  if (!uuidField.safeParse(id).success)
    throw new DomainError('validation.failed', `«${id}» — не идентификатор ${what}.`);
}
function checkDate(date: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    throw new DomainError('validation.failed', `«${date}» — не дата. Укажите её как ГГГГ-ММ-ДД, например 2023-06-30.`);
}
const percent = (n: number | null) => (n === null ? '—' : percentText(n));

export function registerExecutionCommands(program: Command, { withDatabase, print }: CommandDeps): void {
  program
    .command('activities')
    .description('мероприятия программы: статус исполнения, срок как написан и его прочтение')
    .argument('<programme-id>', 'идентификатор программы')
    .option('--json', 'вывод в формате JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      checkId(id, 'программы');
      await withDatabase(async (d) => {
        const e = await programmeExecution({ db: d.db, actor: systemActor }, id);
        const activities = e.activities.map((a) => ({
          id: a.activityId,
          number: a.number,
          text: a.text,
          status: a.status,
          timing: a.timing,
          deadline: { text: a.deadlineText, kind: a.deadline.kind, windows: a.deadline.windows },
          units: { total: a.figures.total, done: a.figures.done, cancelled: a.figures.cancelled },
        }));
        print(
          Boolean(o.json),
          { programmeId: e.programmeId, today: e.today, approved: e.approved, activities },
          activities
            .map(
              (a) => `${a.number.padEnd(6)} ${a.status.padEnd(11)} ${a.deadline.text || '—'}  ${a.text.slice(0, 80)}`,
            )
            .join('\n'),
        );
      });
    });

  program
    .command('activity')
    .description('отметить исполнение мероприятия с подтверждением (файл или ссылка)')
    .argument('<activity-id>', 'идентификатор мероприятия (его печатает opora activities)')
    .requiredOption('--status <status>', 'planned | in_progress | done | cancelled')
    .option('--evidence <file-or-url>', 'подтверждение: путь к файлу или ссылка https://…')
    .option('--school <code>', 'код школы, если мероприятие исполняет каждая целевая школа')
    .option('--date <date>', 'дата исполнения ГГГГ-ММ-ДД (по умолчанию сегодня в часовом поясе региона)')
    .option('--comment <text>', 'комментарий')
    .option('--reason <text>', 'причина отмены')
    .option('--json', 'вывод в формате JSON')
    .action(
      async (
        id: string,
        o: {
          status: string;
          evidence?: string;
          school?: string;
          date?: string;
          comment?: string;
          reason?: string;
          json?: boolean;
        },
      ) => {
        checkId(id, 'мероприятия');
        const statuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
        const status = statuses.find((s) => s === o.status);
        if (!status)
          throw new DomainError('validation.failed', `Статус «${o.status}» неизвестен: ${statuses.join(', ')}.`);
        if (o.date) checkDate(o.date);
        await withDatabase(async (d) => {
          const ctx = { db: d.db, actor: systemActor };
          const units = await loadUnits(d.db, { activityId: id });
          if (units.length === 0) throw new DomainError('not_found', 'Мероприятие не найдено.');
          let unit = units.length === 1 ? units[0]! : undefined;
          if (o.school) {
            const school = await findOrganisationByCode(d.db, units[0]!.regionId, o.school);
            unit = units.find((u) => u.organisationId === school?.id);
            if (!unit) throw new DomainError('not_found', `Школа «${o.school}» не исполняет это мероприятие.`);
          }
          if (!unit)
            throw new DomainError(
              'validation.failed',
              `Мероприятие исполняют ${units.length} школ или муниципалитетов: укажите --school КОД.`,
            );
          if (o.evidence) {
            const url = /^https?:\/\//i.test(o.evidence);
            await addEvidence(
              ctx,
              unit.id,
              url
                ? { kind: 'link', url: o.evidence, title: o.evidence }
                : { kind: 'file', file: { name: path.basename(o.evidence), bytes: readFileSync(o.evidence) } },
            );
          }
          const r = await reportExecution(ctx, unit.id, {
            status,
            completedOn: o.date ?? null,
            cancelReason: o.reason,
            comment: o.comment,
            version: unit.version,
          });
          print(
            Boolean(o.json),
            {
              activityId: id,
              executionId: r.id,
              executor: r.executorName,
              status: r.status,
              completedOn: r.completedOn,
              evidence: r.evidence.length,
            },
            `${r.executorName}: мероприятие ${unit.number} — ${r.status}${r.completedOn ? ` (${ruDate(r.completedOn)})` : ''}; подтверждений: ${r.evidence.length}.`,
          );
        });
      },
    );

  program
    .command('round')
    .description('итоги мониторинга исполнения программы на дату')
    .argument('<programme-id>', 'идентификатор программы')
    .requiredOption('--date <date>', 'дата мониторинга ГГГГ-ММ-ДД')
    .option('--json', 'вывод в формате JSON')
    .action(async (id: string, o: { date: string; json?: boolean }) => {
      checkId(id, 'программы');
      checkDate(o.date);
      await withDatabase(async (d) => {
        const r = await roundAtDate({ db: d.db, actor: systemActor }, id, o.date);
        const f = 'figures' in r ? r.figures! : r;
        const value = {
          date: o.date,
          executionPercent: f.executionPercent,
          done: f.done,
          total: f.total,
          cancelled: f.cancelled,
          dueByDate: f.dueByDate,
          doneOfDue: f.doneOfDue,
          duePercent: f.duePercent,
          threshold: f.threshold,
          meetsThreshold: f.meetsThreshold,
        };
        print(
          Boolean(o.json),
          value,
          [
            `Мониторинг на ${ruDate(o.date)}: исполнено ${f.done} из ${f.total - f.cancelled} (без учёта отменённых: ${f.cancelled}) — ${percent(f.executionPercent)}.`,
            `Со сроком до ${ruDate(o.date)}: исполнено ${f.doneOfDue} из ${f.dueByDate} — ${percent(f.duePercent)}.`,
            f.threshold
              ? `Пороговое значение ${f.thresholdText}: ${f.meetsThreshold ? 'достигнуто' : 'не достигнуто'}.`
              : 'Мониторинг на эту дату не назначен: порогового значения нет.',
          ].join('\n'),
        );
      });
    });

  program
    .command('report')
    .description('аналитическая справка по итогам мониторинга (DOCX или XLSX по расширению файла)')
    .argument('<programme-id>', 'идентификатор программы')
    .requiredOption('--round <date>', 'дата мониторинга ГГГГ-ММ-ДД')
    .requiredOption('--out <file>', 'куда сохранить: справка.docx или таблицы.xlsx')
    .option('--json', 'вывод в формате JSON')
    .action(async (id: string, o: { round: string; out: string; json?: boolean }) => {
      checkId(id, 'программы');
      checkDate(o.round);
      const format = o.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'docx';
      await withDatabase(async (d) => {
        const ctx = { db: d.db, actor: systemActor };
        const r = await roundAtDate(ctx, id, o.round);
        if (!('id' in r))
          throw new DomainError('not_found', `Мониторинг на ${ruDate(o.round)} не назначен: сначала назначьте его.`);
        const { bytes } = await roundReportFile(ctx, r.id, format);
        writeFileSync(o.out, bytes);
        print(
          Boolean(o.json),
          { programmeId: id, round: o.round, file: o.out, format, bytes: bytes.length },
          `Аналитическая справка сохранена: ${o.out} (${bytes.length} байт).`,
        );
      });
    });
}
