// CLI commands of diagnosis: a school's risk profile — each factor with its level and the explanation — for
// scripts and checks.
import type { Command } from 'commander';
import { uuidField } from '../contract/fields.ts';
import { riskLevelLabels } from '../domain/diagnosis/scoring.ts';
import { DomainError } from '../domain/errors.ts';
import { systemActor } from '../services/context.ts';
import { riskProfile } from '../services/diagnosis.ts';
import { findOrganisationsWithCode } from '../storage/organisations-repo.ts';
import type { CommandDeps } from './execution-commands.ts';

export function registerDiagnosisCommands(program: Command, { withDatabase, print }: CommandDeps): void {
  program
    .command('risk-profile <schoolCode>')
    .description('рисковый профиль школы: каждый фактор риска с уровнем и объяснением')
    .option('--campaign <id>', 'кампания анкетирования (по умолчанию — последняя, в которой участвовала школа)')
    .option('--json', 'вывод в формате JSON')
    .action(async (schoolCode: string, o: { campaign?: string; json?: boolean }) => {
      if (o.campaign && !uuidField.safeParse(o.campaign).success)
        throw new DomainError('validation.failed', `«${o.campaign}» — не идентификатор кампании анкетирования.`);
      await withDatabase(async (d) => {
        const found = (await findOrganisationsWithCode(d.db, schoolCode)).filter((x) => x.kind === 'school');
        if (found.length === 0) throw new DomainError('not_found', `Школа с кодом «${schoolCode}» не найдена.`);
        if (found.length > 1)
          throw new DomainError(
            'validation.failed',
            `Код «${schoolCode}» есть у школ нескольких регионов: уточните код.`,
          );
        const p = await riskProfile({ db: d.db, actor: systemActor }, found[0]!.id, o.campaign);
        const factors = p.factors.map((f) => ({
          factor: f.factor,
          title: f.title,
          level: f.level,
          value: f.value,
          explanation: f.explanation,
        }));
        print(
          Boolean(o.json),
          {
            school: { code: p.schoolCode, name: p.schoolName },
            campaign: p.campaign,
            respondents: p.respondents,
            factors,
          },
          [
            `${p.schoolName} — «${p.campaign.title}»`,
            ...factors.map((f) => `${riskLevelLabels[f.level].padEnd(10)} ${f.explanation}`),
          ].join('\n'),
        );
      });
    });
}
