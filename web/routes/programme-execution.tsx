// Execution of a programme: its sections with activities, each with status, timing, the deadline as written
// and the roll-up over executors; a drawer per executing unit (status, evidence, thread, history). Those who
// manage the programme choose executors and evidence rules and create cascaded roadmaps. A school sees only
// its own units (the server sends no others).
import { Alert, Button, Group, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { ProgrammeDetail } from '../../contract/programmes.ts';
import { type ActivityExecution, type ProgrammeExecution, useProgrammeExecution } from '../api/execution.ts';
import { useProgramme } from '../api/programmes.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { DashboardFigure } from '../components/DashboardFigure.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ExecutionActivity } from '../components/ExecutionActivity.tsx';
import { ExecutionCascade } from '../components/ExecutionCascade.tsx';
import { ExecutionNav } from '../components/ExecutionNav.tsx';
import { ExecutionTargets } from '../components/ExecutionTargets.tsx';
import { ExecutionUnitDrawer } from '../components/ExecutionUnitDrawer.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import {
  executionSummary,
  filterUnits,
  isOwnUnit,
  managesProgramme,
  statusOptions,
  timingFilterOptions,
} from '../lib/execution-format.ts';
import { formatNumber } from '../lib/format.ts';
import { useUrlFilters } from '../lib/search-params.ts';
import { can, useCurrentUser } from '../lib/session.ts';

export default function ProgrammeExecutionPage() {
  const me = useCurrentUser();
  if (!can(me, 'execution.read')) return <AccessDenied title="Исполнение программы" />;
  return <ExecutionScreen />;
}

type Dialog = { kind: 'targets' | 'cascade'; activityId: string } | null;

function ExecutionScreen() {
  const me = useCurrentUser();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const territory = {
    organisationId: params.get('organisationId') ?? undefined,
    municipalityId: params.get('municipalityId') ?? undefined,
  };
  const programme = useProgramme(id);
  const execution = useProgrammeExecution(id, territory);
  const back = { to: `/programmes/${id}`, label: 'К карточке программы' };

  if (programme.isPending || execution.isPending) return <PageLoader />;
  const error = programme.error ?? execution.error;
  if (error || !programme.data || !execution.data)
    return (
      <>
        <PageHeader title="Исполнение программы" back={back} />
        <ErrorAlert
          error={error}
          onRetry={() => {
            void programme.refetch();
            void execution.refetch();
          }}
        />
      </>
    );
  const manage = can(me, 'programme.write') && managesProgramme(me, programme.data);
  return (
    <>
      <PageHeader
        title="Исполнение программы"
        description={programme.data.title}
        back={back}
        actions={<ExecutionNav programmeId={id} current="execution" />}
      />
      {(territory.organisationId || territory.municipalityId) && (
        <Alert variant="light" color="blue" mb="md" data-testid="execution-territory">
          <Group gap="sm" justify="space-between">
            <Text size="sm">
              {territory.organisationId
                ? `Показано исполнение одной школы${execution.data.activities[0]?.units[0] ? `: ${execution.data.activities[0].units[0].executorName}` : ''}.`
                : 'Показано исполнение одного муниципалитета и его школ.'}
            </Text>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() =>
                setParams((prev) => {
                  const next = new URLSearchParams(prev);
                  next.delete('organisationId');
                  next.delete('municipalityId');
                  return next;
                })
              }
            >
              Показать всё
            </Button>
          </Group>
        </Alert>
      )}
      <ExecutionBody
        programme={programme.data}
        execution={execution.data}
        manage={manage}
        canComment={can(me, 'execution.comment')}
        onReload={() => void execution.refetch()}
      />
    </>
  );
}

interface BodyProps {
  programme: ProgrammeDetail;
  execution: ProgrammeExecution;
  manage: boolean;
  canComment: boolean;
  onReload: () => void;
}

function ExecutionBody({ programme, execution, manage, canComment, onReload }: BodyProps) {
  const { values, update } = useUrlFilters(['status', 'timing', 'mine', 'unit'] as const);
  const [dialog, setDialog] = useState<Dialog>(null);
  const filter = { status: values.status, timing: values.timing, mine: values.mine === '1' };
  const sections = useMemo(() => groupBySection(programme, execution.activities), [programme, execution.activities]);
  const summary = executionSummary(execution.activities);
  const me = useCurrentUser();
  const allUnits = execution.activities.flatMap((a) => a.units);
  const someNotMine = allUnits.some((u) => !isOwnUnit(u, me)) && allUnits.some((u) => isOwnUnit(u, me));
  const openActivity = values.unit
    ? execution.activities.find((a) => a.units.some((u) => u.id === values.unit))
    : undefined;
  const dialogActivity = dialog ? execution.activities.find((a) => a.activityId === dialog.activityId) : undefined;
  let shown = 0;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" data-testid="execution-summary">
        <DashboardFigure label="Мероприятий" value={formatNumber(summary.total)} testId="summary-total" />
        <DashboardFigure
          label="Выполнено"
          value={formatNumber(summary.done)}
          detail={summary.inProgress > 0 ? `выполняется: ${formatNumber(summary.inProgress)}` : undefined}
          colour="teal.8"
          testId="summary-done"
        />
        <DashboardFigure
          label="Просрочено"
          value={formatNumber(summary.overdue)}
          colour={summary.overdue > 0 ? 'red.8' : undefined}
          testId="summary-overdue"
        />
        <DashboardFigure
          label={`Скоро срок (${programme.settings.dueSoonDays} дн.)`}
          value={formatNumber(summary.dueSoon)}
          colour={summary.dueSoon > 0 ? 'yellow.9' : undefined}
          testId="summary-due-soon"
        />
      </SimpleGrid>

      <Group gap="sm" align="flex-end" wrap="wrap" data-testid="execution-filters">
        <Select
          label="Статус"
          placeholder="Все"
          data={statusOptions}
          value={values.status ?? null}
          onChange={(v) => update({ status: v })}
          clearable
          w={200}
        />
        <Select
          label="Срок"
          placeholder="Все"
          data={timingFilterOptions}
          value={values.timing ?? null}
          onChange={(v) => update({ timing: v })}
          clearable
          w={200}
        />
        {someNotMine && (
          <Switch
            label="Только мои"
            checked={filter.mine}
            onChange={(e) => update({ mine: e.currentTarget.checked ? '1' : null })}
            mb={8}
            data-testid="filter-mine"
          />
        )}
      </Group>

      {execution.activities.length === 0 && (
        <Text c="dimmed" size="sm">
          {manage
            ? 'Исполнителей у мероприятий пока нет: откройте мероприятия в карточке программы и назначьте исполнителей после утверждения.'
            : 'Мероприятий, исполнение которых относится к вашей территории, нет.'}
        </Text>
      )}

      {sections.map((section) => {
        const rows = section.activities
          .map((a) => ({ activity: a, units: filterUnits(a.units, filter, me) }))
          .filter((r) => r.units.length > 0);
        shown += rows.length;
        if (rows.length === 0) return null;
        return (
          <section key={section.id} aria-labelledby={`section-${section.id}`}>
            <Title order={2} size="h4" mb="xs" id={`section-${section.id}`}>
              {section.title}
            </Title>
            <Stack gap="xs">
              {rows.map(({ activity, units }) => (
                <ExecutionActivity
                  key={activity.activityId}
                  activity={activity}
                  units={units}
                  manage={manage}
                  onOpenUnit={(unit) => update({ unit })}
                  onTargets={() => setDialog({ kind: 'targets', activityId: activity.activityId })}
                  onCascade={() => setDialog({ kind: 'cascade', activityId: activity.activityId })}
                />
              ))}
            </Stack>
          </section>
        );
      })}
      {execution.activities.length > 0 && shown === 0 && (
        <Text c="dimmed" size="sm" data-testid="execution-nothing-found">
          По выбранным условиям мероприятий нет.
        </Text>
      )}

      <ExecutionUnitDrawer
        unitId={values.unit ?? null}
        activity={openActivity}
        today={execution.today}
        approved={execution.approved}
        canComment={canComment}
        onClose={() => update({ unit: null })}
      />
      {dialog?.kind === 'targets' && dialogActivity && (
        <ExecutionTargets
          programme={programme}
          activity={dialogActivity}
          onClose={() => setDialog(null)}
          onReload={onReload}
        />
      )}
      {dialog?.kind === 'cascade' && dialogActivity && (
        <ExecutionCascade programme={programme} activity={dialogActivity} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}

interface SectionGroup {
  id: string;
  title: string;
  activities: ActivityExecution[];
}

/** Activities in the programme's order, under their sections; any the card does not know go last. */
function groupBySection(programme: ProgrammeDetail, activities: readonly ActivityExecution[]): SectionGroup[] {
  const byId = new Map(activities.map((a) => [a.activityId, a]));
  const placed = new Set<string>();
  const groups: SectionGroup[] = [...programme.sections]
    .sort((a, b) => a.position - b.position)
    .map((s) => {
      const list = [...s.activities]
        .sort((a, b) => a.position - b.position)
        .flatMap((a) => {
          const found = byId.get(a.id);
          if (found) placed.add(a.id);
          return found ? [found] : [];
        });
      // As ActivityForm's sectionLabel words it («1. Организационные мероприятия»), without loading that form.
      return { id: s.id, title: [s.number, s.title].filter(Boolean).join(' ') || 'Раздел', activities: list };
    });
  const rest = activities.filter((a) => !placed.has(a.activityId));
  if (rest.length > 0) groups.push({ id: 'other', title: 'Другие мероприятия', activities: rest });
  return groups.filter((g) => g.activities.length > 0);
}
