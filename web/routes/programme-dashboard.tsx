// The dashboard of a programme with drill-down region → municipality → school: the figures at the level, its
// territories lagging first with a bar chart, the activities on a timeline, indicators and rounds.
import { Anchor, Breadcrumbs, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import type { TerritoryFiguresDto } from '../../contract/execution.ts';
import { type ProgrammeDashboard, useProgrammeDashboard } from '../api/execution.ts';
import { useProgramme } from '../api/programmes.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { DashboardSection } from '../components/DashboardSection.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PercentBar } from '../components/ExecutionBadges.tsx';
import { ExecutionNav } from '../components/ExecutionNav.tsx';
import { IndicatorTable } from '../components/IndicatorTable.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { RoundFigures } from '../components/RoundFigures.tsx';
import { RoundTerritoryTable } from '../components/RoundTerritoryTable.tsx';
import { TimelineGantt } from '../components/TimelineGantt.tsx';
import { isoToRu } from '../lib/deadline-reading.ts';
import { roundTitle } from '../lib/execution-format.ts';
import { useUrlFilters } from '../lib/search-params.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const RoundChart = lazy(() => import('../components/RoundChart.tsx'));

export default function ProgrammeDashboardPage() {
  const me = useCurrentUser();
  if (!can(me, 'execution.read')) return <AccessDenied title="Дашборд программы" />;
  return <DashboardScreen />;
}

function DashboardScreen() {
  const { id = '' } = useParams();
  const { values, update } = useUrlFilters(['municipalityId', 'organisationId'] as const);
  const filter = { municipalityId: values.municipalityId, organisationId: values.organisationId };
  const dashboard = useProgrammeDashboard(id, filter);
  // At a school, the municipality's name for the breadcrumbs (cached when the user came down from there).
  const parent = useProgrammeDashboard(
    id,
    { municipalityId: values.municipalityId },
    Boolean(values.organisationId && values.municipalityId),
  );
  const programme = useProgramme(id);
  const back = { to: `/programmes/${id}`, label: 'К карточке программы' };

  if (dashboard.isPending) return <PageLoader />;
  if (dashboard.isError)
    return (
      <>
        <PageHeader title="Дашборд программы" back={back} />
        <ErrorAlert error={dashboard.error} onRetry={() => dashboard.refetch()} />
      </>
    );
  const d = dashboard.data;
  const open = (t: TerritoryFiguresDto) =>
    d.level === 'programme'
      ? update({ municipalityId: t.id, organisationId: null })
      : update({ municipalityId: values.municipalityId, organisationId: t.id });
  const crumbs: { label: string; to?: () => void }[] = [
    { label: 'Вся программа', to: () => update({ municipalityId: null, organisationId: null }) },
  ];
  if (values.municipalityId)
    crumbs.push({
      label: d.level === 'municipality' ? d.territoryName : (parent.data?.territoryName ?? 'Муниципалитет'),
      to: () => update({ organisationId: null }),
    });
  if (values.organisationId) crumbs.push({ label: d.territoryName });
  const last = crumbs.length - 1;
  const executionLink = `/programmes/${id}/execution${values.organisationId ? `?organisationId=${values.organisationId}` : values.municipalityId ? `?municipalityId=${values.municipalityId}` : ''}`;

  return (
    <>
      <PageHeader
        title="Дашборд программы"
        description={d.title}
        back={back}
        actions={<ExecutionNav programmeId={id} current="dashboard" />}
      />
      <Stack
        gap="lg"
        style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1 }}
        aria-busy={dashboard.isPlaceholderData || undefined}
      >
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Breadcrumbs aria-label="Уровень" data-testid="dashboard-breadcrumbs">
            {crumbs.map((c, i) =>
              i === last || !c.to ? (
                <Text key={c.label} size="sm" fw={600} aria-current="page">
                  {c.label}
                </Text>
              ) : (
                <Anchor key={c.label} component="button" type="button" size="sm" onClick={c.to}>
                  {c.label}
                </Anchor>
              ),
            )}
          </Breadcrumbs>
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              Данные на {isoToRu(d.today)}
            </Text>
            <Button
              component={Link}
              to={executionLink}
              size="compact-sm"
              variant="light"
              leftSection={<IconListCheck size={16} aria-hidden />}
            >
              Исполнение{d.level === 'programme' ? '' : `: ${d.territoryName}`}
            </Button>
          </Group>
        </Group>

        <RoundFigures figures={d.figures} dueSoon={d.dueSoon} />

        {d.territories.length > 0 && <Territories dashboard={d} onOpen={d.level === 'school' ? undefined : open} />}

        <DashboardSection title="Мероприятия на шкале времени" id="timeline">
          <Paper withBorder p="md" radius="md">
            <TimelineGantt activities={d.activities} today={d.today} period={programme.data?.period} />
          </Paper>
        </DashboardSection>

        <DashboardSection title="Целевые показатели" id="indicators">
          <IndicatorTable rows={d.indicators} testId="dashboard-indicators" />
        </DashboardSection>

        {d.rounds.length > 0 && (
          <DashboardSection title="Мониторинги" id="rounds">
            <Stack gap={6}>
              {[...d.rounds]
                .sort((a, b) => a.date.localeCompare(b.date))
                .map((r) => (
                  <Group key={r.id} gap="md" wrap="nowrap">
                    <Text size="sm" w={90}>
                      {isoToRu(r.date)}
                    </Text>
                    <Anchor component={Link} to={`/programmes/${id}/rounds/${r.id}`} size="sm" w={320}>
                      {roundTitle(r)}
                    </Anchor>
                    {r.figures && (
                      <PercentBar percent={r.figures.executionPercent} threshold={r.threshold} width={220} />
                    )}
                  </Group>
                ))}
            </Stack>
          </DashboardSection>
        )}
      </Stack>
    </>
  );
}

function Territories({
  dashboard: d,
  onOpen,
}: {
  dashboard: ProgrammeDashboard;
  onOpen?: (t: TerritoryFiguresDto) => void;
}) {
  const kind = d.level === 'programme' ? 'municipality' : 'school';
  const what = kind === 'municipality' ? 'муниципалитеты' : 'школы';
  const threshold = d.figures.threshold;
  return (
    <Stack gap="md">
      <DashboardSection title={kind === 'municipality' ? 'Муниципалитеты' : 'Школы'} id="territories">
        <RoundTerritoryTable
          label={`Исполнение: ${what}`}
          rows={d.territories}
          kind={kind}
          threshold={threshold}
          onOpen={onOpen}
          testId="dashboard-territories"
        />
      </DashboardSection>
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h5" mb="xs">
          Исполнение, % ({what}, отстающие первыми)
        </Title>
        <Suspense fallback={<Skeleton height={48 + Math.min(30, d.territories.length) * 30} />}>
          <RoundChart rows={d.territories} threshold={threshold} what={what} />
        </Suspense>
      </Paper>
    </Stack>
  );
}
