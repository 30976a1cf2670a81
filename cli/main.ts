// `opora` — the command line: the same services the server uses, for operators on the server itself.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { createMailer } from '../adapters/mail/mailer.ts';
import { type ImportReport, userInput } from '../contract/api.ts';
import { uuidField } from '../contract/fields.ts';
import type { ResultsImportReport } from '../contract/identification.ts';
import { type ImportPreview, saveProgrammeBody } from '../contract/programmes.ts';
import { readDeadline } from '../domain/deadline/read-deadline.ts';
import { DomainError, isDomainError } from '../domain/errors.ts';
import type { IdentificationOutcome } from '../domain/identification/identify.ts';
import { presets } from '../domain/identification/presets.ts';
import { roleLabels, roles } from '../domain/roles.ts';
import { buildServer } from '../server/app.ts';
import { createBackup, restoreBackup } from '../services/backup.ts';
import { systemActor } from '../services/context.ts';
import { createDemoRegionIfEmpty, DEMO_PASSWORD } from '../services/demo.ts';
import { identifyRegion } from '../services/identification.ts';
import { identificationJson, identifyFromFiles, methodologyFrom } from '../services/identify-files.ts';
import { importOrganisations } from '../services/import-organisations.ts';
import { checkPeriod, exportProgramme, ownerByCode, readProgrammeFile, saveProgramme } from '../services/programmes.ts';
import { reminderFailure, runReminders, scheduleReminders } from '../services/reminders.ts';
import { importResults } from '../services/results.ts';
import { createUser, issueResetLink, setUserPassword } from '../services/users.ts';
import { type Database, openDatabase } from '../storage/database.ts';
import { findOrganisationByCode } from '../storage/organisations-repo.ts';
import { findMunicipality, findRegionByCode } from '../storage/territories-repo.ts';
import { findUserByLogin } from '../storage/users-repo.ts';
import { type Config, configVariables, readConfig } from './config.ts';
import { registerDiagnosisCommands } from './diagnosis-commands.ts';
import { registerExecutionCommands } from './execution-commands.ts';
import { exitCodeOf } from './exit-codes.ts';
import { registerNetworkCommands } from './network-commands.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const version: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;

async function withDatabase<T>(config: Config, work: (d: Database) => Promise<T>): Promise<T> {
  const d = await openDatabase(config.database);
  try {
    await d.migrate();
    return await work(d);
  } finally {
    await d.close();
  }
}

/** Runs the CLI and returns the exit code; `serve` resolves only when the server stops. */
export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const print = (json: boolean, value: unknown, text: string) => io.out(json ? JSON.stringify(value, null, 2) : text);
  const config = () => readConfig(io.env);

  const program = new Command('opora')
    .description('Опора — адресная поддержка школ с низкими образовательными результатами')
    .version(version, '-v, --version', 'версия')
    .helpOption('-h, --help', 'справка по команде')
    .addHelpCommand(false)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .addHelpText('after', `\nПеременные окружения: ${configVariables.join(', ')} (см. README.md).`);

  program
    .command('serve')
    .description('запустить сервер и веб-интерфейс (миграции применяются автоматически)')
    .option('--port <n>', 'порт (по умолчанию PORT или 3000)')
    .option('--host <host>', 'адрес (по умолчанию HOST или 127.0.0.1)')
    .action(async (o: { port?: string; host?: string }) => {
      const c = config();
      const d = await openDatabase(c.database);
      await d.migrate();
      const accounts = c.OPORA_DEMO ? await createDemoRegionIfEmpty(d.db) : [];
      const app = await buildServer(d, {
        secure: c.secure,
        sessionHours: c.OPORA_SESSION_HOURS,
        uploadLimitMb: c.OPORA_UPLOAD_LIMIT_MB,
        trustProxy: c.OPORA_TRUST_PROXY,
        webDir: path.join(root, 'dist', 'web'),
        logLevel: c.OPORA_LOG_LEVEL,
        version,
      });
      const port = o.port ? Number(o.port) : c.PORT;
      const host = o.host ?? c.HOST;
      await app.listen({ port, host });
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      io.out(`Опора ${version} работает: http://${shown}:${port}/  (база: ${d.where})`);
      io.out(`Документация API: http://${shown}:${port}/api/docs`);
      if (accounts.length) {
        io.out('\nСоздан демонстрационный регион (демонстрационные данные). Учётные записи:');
        for (const a of accounts) io.out(`  ${a.login.padEnd(14)} ${roleLabels[a.role].padEnd(28)} ${a.territory}`);
        io.out(`Пароль для всех демонстрационных учётных записей: ${DEMO_PASSWORD}\n`);
      }
      const reminders =
        c.OPORA_REMINDERS_INTERVAL_MIN > 0
          ? scheduleReminders(d.db, {
              intervalMinutes: c.OPORA_REMINDERS_INTERVAL_MIN,
              mailer: createMailer({ smtpUrl: c.OPORA_SMTP_URL || null, from: c.OPORA_MAIL_FROM }),
              onRun: (r) => {
                if (r.created > 0) app.log.info(r, 'reminders sent');
              },
              onError: (e) => app.log.error({ reason: reminderFailure(e) }, 'reminders failed'),
            })
          : null;
      await new Promise<void>((resolve) => {
        const stop = () => {
          reminders?.stop();
          app
            .close()
            .then(() => d.close())
            .then(resolve, resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  program
    .command('migrate')
    .description('применить миграции схемы базы данных')
    .option('--json', 'вывод в формате JSON')
    .action(async (o: { json?: boolean }) => {
      await withDatabase(config(), async (d) =>
        print(Boolean(o.json), { ok: true, database: d.where }, `Схема базы данных актуальна (${d.where}).`),
      );
    });

  const user = program.command('user').description('учётные записи').helpOption('-h, --help', 'справка по команде');
  user
    .command('create')
    .description('создать учётную запись; без --password выдаётся ссылка-приглашение')
    .requiredOption('--login <login>', 'логин')
    .requiredOption('--name <fullName>', 'ФИО')
    .addOption(new Option('--role <role>', 'роль').choices(roles as unknown as string[]).makeOptionMandatory())
    .option('--region <code>', 'код региона')
    .option('--municipality <code>', 'код муниципалитета')
    .option('--organisation <code>', 'код организации')
    .option('--email <email>', 'электронная почта', '')
    .option('--password <password>', 'пароль (не короче 10 символов)')
    .option('--json', 'вывод в формате JSON')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      await withDatabase(config(), async (d) => {
        const region = o.region ? await findRegionByCode(d.db, String(o.region)) : null;
        if (o.region && !region) throw new DomainError('not_found', `Регион с кодом «${o.region}» не найден.`);
        const municipality =
          region && o.municipality ? await findMunicipality(d.db, region.id, String(o.municipality)) : null;
        if (o.municipality && !municipality)
          throw new DomainError('not_found', `Муниципалитет с кодом «${o.municipality}» не найден.`);
        const organisation =
          region && o.organisation ? await findOrganisationByCode(d.db, region.id, String(o.organisation)) : null;
        if (o.organisation && !organisation)
          throw new DomainError('not_found', `Организация с кодом «${o.organisation}» не найдена.`);
        const input = userInput.safeParse({
          login: o.login,
          fullName: o.name,
          email: o.email,
          role: o.role,
          regionId: region?.id ?? null,
          municipalityId: municipality?.id ?? null,
          organisationId: organisation?.id ?? null,
          password: o.password,
        });
        if (!input.success)
          throw new DomainError('validation.failed', input.error.issues.map((i) => i.message).join('\n'));
        const res = await createUser({ db: d.db, actor: systemActor }, input.data);
        print(
          Boolean(o.json),
          res,
          `Создана учётная запись ${res.user.login} (${roleLabels[res.user.role]}, ${res.user.territoryName}).${res.link ? `\nСсылка-приглашение (действует до ${res.link.expiresAt}): ${res.link.path}` : ''}`,
        );
      });
    });
  user
    .command('reset')
    .description('сбросить пароль: задать новый (--password) или выдать ссылку для сброса')
    .argument('<login>', 'логин')
    .option('--password <password>', 'новый пароль (не короче 10 символов)')
    .option('--json', 'вывод в формате JSON')
    .action(async (login: string, o: { password?: string; json?: boolean }) => {
      await withDatabase(config(), async (d) => {
        const ctx = { db: d.db, actor: systemActor };
        if (o.password) {
          if (o.password.length < 10)
            throw new DomainError('auth.password_weak', 'Пароль должен содержать не менее 10 символов.');
          await setUserPassword(ctx, login, o.password);
          print(
            Boolean(o.json),
            { login, passwordSet: true },
            `Пароль пользователя ${login} изменён, все его сеансы завершены.`,
          );
          return;
        }
        const u = await findUserByLogin(d.db, login);
        if (!u) throw new DomainError('not_found', `Пользователь «${login}» не найден.`);
        const link = await issueResetLink(ctx, u.id);
        print(
          Boolean(o.json),
          { login, ...link },
          `Ссылка для сброса пароля ${login} (действует до ${link.expiresAt}): ${link.path}`,
        );
      });
    });

  program
    .command('import-organisations')
    .description('импорт организаций из CSV или XLSX; без --commit только проверка')
    .argument('<file>', 'файл .csv или .xlsx')
    .option('--commit', 'сохранить, если ошибок нет')
    .option('--json', 'вывод в формате JSON')
    .action(async (file: string, o: { commit?: boolean; json?: boolean }) => {
      const bytes = readFileSync(file);
      await withDatabase(config(), async (d) => {
        let report: ImportReport;
        try {
          report = await importOrganisations(
            { db: d.db, actor: systemActor },
            { name: path.basename(file), bytes },
            { commit: Boolean(o.commit) },
          );
        } catch (e) {
          if (isDomainError(e) && e.code === 'import.invalid' && !o.json) {
            io.err(formatProblems(e.details?.problems ?? []));
          }
          throw e;
        }
        const text = [
          `${report.committed ? 'Загружено' : 'Проверено (без сохранения)'}: строк ${report.rows}; создать ${report.created}, изменить ${report.updated}, без изменений ${report.unchanged}.`,
          ...report.warnings.map((w) => `Предупреждение: ${w.message}`),
          report.problems.length
            ? `Ошибок: ${report.problems.length}. Ничего не сохранено.\n${formatProblems(report.problems)}`
            : '',
          !report.committed && report.problems.length === 0 ? 'Ошибок нет. Чтобы сохранить, повторите с --commit.' : '',
        ].filter(Boolean);
        print(Boolean(o.json), report, text.join('\n'));
        if (report.problems.length) exitCode = exitCodeOf['import.invalid'];
      });
    });

  program
    .command('import-programme')
    .description('прочитать документ программы (TXT, HTML, DOCX); без --commit только проверка, ничего не сохраняется')
    .argument('<file>', 'файл .txt, .html или .docx')
    .option(
      '--json',
      'вывод в формате JSON: summary (сводка), warnings (предупреждения), draft (прочитанная программа)',
    )
    .option('--commit', 'сохранить программу за территорией из --territory')
    .option(
      '--territory <code>',
      'код владельца программы; ищется по порядку: код региона, затем код муниципалитета, затем код организации (школы)',
    )
    .addOption(
      new Option(
        '--level <level>',
        'уровень программы; по умолчанию — как в документе, а при --commit — по найденной территории',
      ).choices(['region', 'municipality', 'school']),
    )
    .action(
      async (
        file: string,
        o: { json?: boolean; commit?: boolean; territory?: string; level?: 'region' | 'municipality' | 'school' },
      ) => {
        if (o.commit && !o.territory)
          throw new DomainError(
            'validation.failed',
            'Для сохранения укажите владельца программы: --territory КОД (код региона, муниципалитета или школы).',
          );
        const bytes = readFileSync(file);
        const name = path.basename(file);
        if (!o.commit) {
          const preview = await readProgrammeFile({ name, bytes }, { level: o.level });
          const hint = 'Проверено, ничего не сохранено. Чтобы сохранить, повторите с --commit --territory КОД.';
          print(Boolean(o.json), preview, `${describePreview(preview)}\n${hint}`);
          return;
        }
        await withDatabase(config(), async (d) => {
          const found = await ownerByCode(d.db, String(o.territory));
          const preview = await readProgrammeFile({ name, bytes }, { level: o.level ?? found.level });
          const body = saveProgrammeBody.safeParse({ draft: preview.draft, owner: found.owner, sourceName: name });
          if (!body.success)
            throw new DomainError(
              'validation.failed',
              `Программа не сохранена:\n${body.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
            );
          const saved = await saveProgramme({ db: d.db, actor: systemActor }, body.data);
          print(
            Boolean(o.json),
            { ...preview, id: saved.id },
            `${describePreview(preview)}\nСохранено за территорией «${found.name}». Идентификатор программы: ${saved.id}`,
          );
        });
      },
    );

  program
    .command('read-deadline')
    .description('прочитать срок, как он записан в программе, в окна дат внутри периода (вывод в JSON)')
    .argument('<wording>', 'срок, например «Февраль 2022 года» или «Ежегодно, сентябрь»')
    .requiredOption('--period <from..to>', 'период программы: ГГГГ-ММ-ДД..ГГГГ-ММ-ДД, например 2022-01-01..2022-12-31')
    .action((wording: string, o: { period: string }) => {
      const [start = '', end = ''] = o.period.split('..');
      checkPeriod({ start, end });
      const r = readDeadline(wording, { start, end });
      io.out(
        JSON.stringify(
          {
            text: r.text,
            kind: r.kind,
            windows: r.windows.map((w) => ({ start: w.start, end: w.end })),
            warnings: r.warnings,
          },
          null,
          2,
        ),
      );
    });

  program
    .command('export-programme')
    .description('выгрузить сохранённую программу в DOCX (приложение к приказу) или XLSX')
    .argument('<id>', 'идентификатор программы (его печатает import-programme --commit)')
    .addOption(new Option('--format <format>', 'формат файла').choices(['docx', 'xlsx']).default('docx'))
    .requiredOption('--out <file>', 'куда сохранить файл')
    .option('--json', 'вывод в формате JSON')
    .action(async (id: string, o: { format: 'docx' | 'xlsx'; out: string; json?: boolean }) => {
      if (!uuidField.safeParse(id).success)
        throw new DomainError(
          'validation.failed',
          `«${id}» — не идентификатор программы. Идентификатор печатает import-programme --commit.`,
        );
      await withDatabase(config(), async (d) => {
        const { bytes } = await exportProgramme({ db: d.db, actor: systemActor }, id, o.format);
        writeFileSync(o.out, bytes);
        print(
          Boolean(o.json),
          { id, format: o.format, file: o.out, bytes: bytes.length },
          `Программа выгружена: ${o.out} (${bytes.length} байт).`,
        );
      });
    });

  registerExecutionCommands(program, { withDatabase: (work) => withDatabase(config(), work), print });
  registerNetworkCommands(program, { withDatabase: (work) => withDatabase(config(), work), print });
  registerDiagnosisCommands(program, { withDatabase: (work) => withDatabase(config(), work), print });

  program
    .command('import-results')
    .description(
      'загрузить результаты ВПР, ГИА или сопоставление ВПР с журналом (CSV, XLSX); без --commit только проверка',
    )
    .argument('<file>', 'файл .csv или .xlsx')
    .addOption(new Option('--kind <kind>', 'вид результатов').choices(['vpr', 'gia', 'journal']).makeOptionMandatory())
    .requiredOption('--region <code>', 'код региона')
    .option('--year <year>', 'год, если в файле нет столбца года')
    .option('--commit', 'сохранить, заменив результаты годов файла, если ошибок нет')
    .option('--json', 'вывод в формате JSON')
    .action(
      async (
        file: string,
        o: { kind: 'vpr' | 'gia' | 'journal'; region: string; year?: string; commit?: boolean; json?: boolean },
      ) => {
        const bytes = readFileSync(file);
        await withDatabase(config(), async (d) => {
          const region = await findRegionByCode(d.db, o.region);
          if (!region) throw new DomainError('not_found', `Регион с кодом «${o.region}» не найден.`);
          let report: ResultsImportReport;
          try {
            report = await importResults(
              { db: d.db, actor: systemActor },
              o.kind,
              { name: path.basename(file), bytes },
              { commit: Boolean(o.commit), regionId: region.id, ...(o.year ? { year: Number(o.year) } : {}) },
            );
          } catch (e) {
            if (isDomainError(e) && e.code === 'import.invalid' && !o.json)
              io.err(formatProblems(e.details?.problems ?? []));
            throw e;
          }
          const text = [
            `${report.committed ? 'Загружено' : 'Проверено (без сохранения)'}: строк ${report.rows}, записей ${report.records}, годы ${report.years.join(', ') || '—'}; заменяется записей: ${report.replaced}.`,
            ...report.warnings.map((w) => `Предупреждение: ${w.message}`),
            report.problems.length
              ? `Ошибок: ${report.problems.length}. Ничего не сохранено.\n${formatProblems(report.problems)}`
              : '',
            !report.committed && report.problems.length === 0
              ? 'Ошибок нет. Чтобы сохранить, повторите с --commit.'
              : '',
          ].filter(Boolean);
          print(Boolean(o.json), report, text.join('\n'));
          if (report.problems.length) exitCode = exitCodeOf['import.invalid'];
        });
      },
    );

  program
    .command('identify')
    .description(
      'выявить школы с низкими образовательными результатами: по файлам (без базы данных) или по данным региона (--region)',
    )
    .requiredOption(
      '--methodology <name>',
      `методика: ${presets.map((p) => p.code).join(', ')}, код методики региона или файл .json`,
    )
    .option('--schools <file>', 'школы (CSV/XLSX в формате импорта организаций)')
    .option('--vpr <file>', 'результаты ВПР (vpr.csv)')
    .option('--gia <file>', 'результаты ОГЭ и ЕГЭ (gia.csv)')
    .option('--journal <file>', 'сопоставление отметок ВПР и журнала (journal.csv)')
    .option('--region <code>', 'код региона: расчёт по данным в базе вместо файлов')
    .option('--year <year>', 'год расчёта Y (по умолчанию — последний год в данных)')
    .option('--json', 'вывод в формате JSON')
    .action(
      async (o: {
        methodology: string;
        schools?: string;
        vpr?: string;
        gia?: string;
        journal?: string;
        region?: string;
        year?: string;
        json?: boolean;
      }) => {
        const year = o.year ? Number(o.year) : undefined;
        if (year !== undefined && !Number.isInteger(year))
          throw new DomainError('validation.failed', `Год «${o.year}» указан неверно: нужно число, например 2021.`);
        let outcome: IdentificationOutcome;
        if (o.region) {
          outcome = await withDatabase(config(), async (d) => {
            const region = await findRegionByCode(d.db, String(o.region));
            if (!region) throw new DomainError('not_found', `Регион с кодом «${o.region}» не найден.`);
            return (await identifyRegion(d.db, region.id, o.methodology, year)).outcome;
          });
        } else {
          if (!o.schools)
            throw new DomainError(
              'validation.failed',
              'Укажите файл школ (--schools) и файлы результатов (--vpr, --gia, --journal) или регион в базе (--region КОД).',
            );
          try {
            outcome = await identifyFromFiles(
              {
                schools: o.schools,
                ...(o.vpr ? { vpr: o.vpr } : {}),
                ...(o.gia ? { gia: o.gia } : {}),
                ...(o.journal ? { journal: o.journal } : {}),
              },
              methodologyFrom(o.methodology),
              { currentYear: new Date().getFullYear(), ...(year === undefined ? {} : { year }) },
            );
          } catch (e) {
            if (isDomainError(e) && e.code === 'import.invalid' && !o.json)
              io.err(formatProblems(e.details?.problems ?? []));
            throw e;
          }
        }
        print(
          Boolean(o.json),
          identificationJson(o.methodology, outcome),
          describeIdentification(o.methodology, outcome),
        );
      },
    );

  program
    .command('reminders')
    .description(
      'разослать напоминания о сроках, просрочках и эскалации один раз (сервер делает это сам по расписанию)',
    )
    .option('--now <datetime>', 'момент, на который считать сроки (ISO, например 2023-03-01T09:00:00+03:00)')
    .option('--json', 'вывод в формате JSON')
    .action(async (o: { now?: string; json?: boolean }) => {
      const now = o.now === undefined ? new Date() : new Date(o.now);
      if (Number.isNaN(now.getTime()) || (o.now !== undefined && !/^\d{4}-\d{2}-\d{2}(T|$)/.test(o.now)))
        throw new DomainError(
          'validation.failed',
          `«${o.now}» — не момент времени. Укажите его в формате ISO, например 2023-03-01T09:00:00+03:00.`,
        );
      const c = config();
      const mailer = createMailer({ smtpUrl: c.OPORA_SMTP_URL || null, from: c.OPORA_MAIL_FROM });
      await withDatabase(c, async (d) => {
        const r = await runReminders(d.db, { now, mailer });
        print(
          Boolean(o.json),
          { now: now.toISOString(), email: mailer !== null, ...r },
          [
            `Напоминания на ${now.toISOString()}: создано ${r.created}, отправлено писем ${r.emailed}, не отправлено ${r.failed}.`,
            ...(mailer ? [] : ['Почта не настроена (OPORA_SMTP_URL): напоминания видны только в Опоре.']),
          ].join('\n'),
        );
      });
    });

  program
    .command('backup')
    .description('сохранить все данные в файл резервной копии (.json.gz)')
    .argument('<file>', 'файл резервной копии')
    .option('--json', 'вывод в формате JSON')
    .action(async (file: string, o: { json?: boolean }) => {
      await withDatabase(config(), async (d) => {
        const { bytes, rows } = await createBackup(d.db, d.engine);
        writeFileSync(file, bytes);
        print(
          Boolean(o.json),
          { file, bytes: bytes.length, rows },
          `Резервная копия сохранена: ${file} (${bytes.length} байт; ${summarise(rows)}).`,
        );
      });
    });

  program
    .command('restore')
    .description('заменить все данные содержимым резервной копии (в одной транзакции)')
    .argument('<file>', 'файл резервной копии')
    .option('--json', 'вывод в формате JSON')
    .action(async (file: string, o: { json?: boolean }) => {
      const bytes = readFileSync(file);
      await withDatabase(config(), async (d) => {
        const rows = await restoreBackup(d.db, bytes);
        print(Boolean(o.json), { file, rows }, `Данные восстановлены из ${file} (${summarise(rows)}) в ${d.where}.`);
      });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (isDomainError(e)) {
      if (!argv.includes('--json') || e.code !== 'import.invalid') io.err(`Ошибка: ${e.message}`);
      if (argv.includes('--json'))
        io.out(JSON.stringify({ error: { code: e.code, message: e.message, problems: e.details?.problems } }, null, 2));
      return exitCodeOf[e.code];
    }
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') {
      io.err(`Ошибка: файл не найден: ${(e as { path?: string }).path ?? ''}`);
      return exitCodeOf.not_found;
    }
    io.err(`Непредвиденная ошибка: ${(e as Error).message}`);
    return 1;
  }
}

function describePreview(p: ImportPreview): string {
  const s = p.summary;
  return [
    `Файл: ${p.fileName} (${p.format}). ${p.draft.kind}: «${p.draft.title || 'без наименования'}»`,
    `Уровень: ${p.draft.level}; период: ${p.draft.period.start} – ${p.draft.period.end}; акт: № ${p.draft.act.number || '—'} от ${p.draft.act.date ?? '—'}`,
    `Мероприятий ${s.activities}, разделов ${s.sections}, целевых показателей ${s.indicators}, консультаций ${s.consultations}, пар со школами-тьюторами ${s.tutorPairs}, в рабочей группе ${s.workingGroup}, предупреждений ${s.warnings}.`,
    ...p.warnings.map((w) => `Предупреждение: ${w.message}`),
  ].join('\n');
}

function describeIdentification(methodology: string, outcome: IdentificationOutcome): string {
  const t = outcome.totals;
  const categories = Object.entries(t.byCategory)
    .map(([c, n]) => `категория ${c} — ${n}`)
    .join(', ');
  const listed = outcome.schools.filter((v) => v.category !== null);
  return [
    `Методика ${methodology}, год расчёта ${outcome.year} (годы данных: ${outcome.years.join(', ') || '—'}).`,
    `Школ ${t.schools}; в перечне ${t.listed} (${t.share} %)${categories ? `: ${categories}` : ''}; муниципалитетов с такими школами ${t.municipalitiesWithListed} из ${t.municipalities} (${t.municipalitiesShare} %).`,
    `Красная зона: ${t.redZone}; необъективность: ${t.objectivityGap}.`,
    ...listed.flatMap((v) => [
      `${v.code}  ${v.name}  (${v.municipality}) — категория ${v.category}`,
      ...v.reasons.filter((r) => r.kind !== 'rule').map((r) => `    ${r.text}`),
    ]),
  ].join('\n');
}

function formatProblems(problems: { row?: number; column?: string; cell?: string; message: string }[]): string {
  return problems
    .map(
      (p) =>
        `  ${p.row !== undefined ? `строка ${p.row}` : ''}${p.column ? `, столбец ${p.column}` : ''}${p.cell ? ` (${p.cell})` : ''}: ${p.message}`,
    )
    .join('\n');
}

const summarise = (rows: Record<string, number>) =>
  Object.entries(rows)
    .map(([t, n]) => `${t}: ${n}`)
    .join(', ');
