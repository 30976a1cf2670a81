// «Мониторинг»: the programmes in the user's scope, lagging first, with execution, overdue and due-soon
// activities and the next monitoring round — the coordinators' home for following their territory.
import { Anchor, Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { type RegionDashboardItem, useRegionDashboard } from '../api/execution.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { DashboardFigure } from '../components/DashboardFigure.tsx';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PercentBar, ViewBadge } from '../components/ExecutionBadges.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { SearchInput } from '../components/SearchInput.tsx';
import { isoToRu } from '../lib/deadline-reading.ts';
import {
  approvalStatusColour,
  approvalStatusLabel,
  cancelledNote,
  compareLagging,
  thresholdWords,
} from '../lib/execution-format.ts';
import { formatNumber } from '../lib/format.ts';
import { levelLabels, type ProgrammeLevel } from '../lib/programme-format.ts';
import { pageOfRows, useUrlFilters } from '../lib/search-params.ts';
import { can, useCurrentUser } from '../lib/session.ts';

export default function DashboardPage() {
  const me = useCurrentUser();
  if (!can(me, 'execution.read')) return <AccessDenied title="Мониторинг" />;
  return <Dashboard />;
}

const levelOptions = [
  { value: 'all', label: 'Все' },
  { value: 'region', label: 'Региональные' },
  { value: 'municipality', label: 'Муниципальные' },
  { value: 'school', label: 'Школьные' },
];

/** A large region follows a few hundred programmes: fifty a page, lagging first. */
const pageSize = 50;

const levelLabel = (level: string) => (level in levelLabels ? levelLabels[level as ProgrammeLevel] : level);

function Dashboard() {
  const dashboard = useRegionDashboard();
  const { values, page, update } = useUrlFilters(['level', 'q'] as const);
  const rows = useMemo(() => {
    const q = values.q?.trim().toLowerCase();
    return (dashboard.data ?? [])
      .filter((p) => !values.level || p.level === values.level)
      .filter((p) => !q || `${p.title} ${p.territoryName}`.toLowerCase().includes(q))
      .sort(compareLagging);
  }, [dashboard.data, values.level, values.q]);
  const all = dashboard.data ?? [];
  const shown = pageOfRows(rows, page, pageSize, (p) => update({ page: p }));
  const overdue = all.reduce((n, p) => n + p.overdue, 0);
  const dueSoon = all.reduce((n, p) => n + p.dueSoon, 0);
  const next = all
    .flatMap((p) => (p.nextRound ? [{ ...p.nextRound, title: p.title, programmeId: p.programmeId }] : []))
    .sort((a, b) => a.date.localeCompare(b.date))[0];

  const columns: Column<RegionDashboardItem>[] = [
    {
      key: 'title',
      header: 'Программа',
      render: (p) => (
        <>
          <Anchor
            component={Link}
            to={`/programmes/${p.programmeId}/dashboard`}
            size="sm"
            fw={500}
            data-testid="dashboard-programme"
          >
            {p.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {levelLabel(p.level)} · {p.territoryName}
          </Text>
        </>
      ),
    },
    {
      key: 'status',
      header: 'Статус',
      width: 150,
      render: (p) => (
        <ViewBadge view={{ label: approvalStatusLabel(p.status), colour: approvalStatusColour(p.status) }} />
      ),
    },
    {
      key: 'percent',
      header: 'Исполнение',
      width: 190,
      render: (p) => (
        <>
          <PercentBar percent={p.percent} threshold={p.nextRound?.threshold ?? null} testId="dashboard-percent" />
          <Text size="xs" c="dimmed">
            {formatNumber(p.done)} из {formatNumber(p.total - p.cancelled)}
            {p.cancelled > 0 ? ` (${cancelledNote(p.cancelled)})` : ''}
          </Text>
        </>
      ),
    },
    {
      key: 'overdue',
      header: 'Просрочено',
      width: 110,
      render: (p) => (
        <Text
          size="sm"
          c={p.overdue > 0 ? 'red.8' : undefined}
          fw={p.overdue > 0 ? 700 : undefined}
          data-testid="dashboard-overdue"
        >
          {formatNumber(p.overdue)}
        </Text>
      ),
    },
    {
      key: 'due',
      header: 'Скоро срок',
      width: 110,
      render: (p) => (
        <Text size="sm" c={p.dueSoon > 0 ? 'yellow.9' : undefined} fw={p.dueSoon > 0 ? 700 : undefined}>
          {formatNumber(p.dueSoon)}
        </Text>
      ),
    },
    {
      key: 'round',
      header: 'Следующий мониторинг',
      width: 190,
      render: (p) =>
        p.nextRound ? (
          <>
            <Text size="sm">{isoToRu(p.nextRound.date)}</Text>
            {p.nextRound.threshold && (
              <Text size="xs" c="dimmed">
                порог {thresholdWords(p.nextRound.threshold)}
              </Text>
            )}
          </>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Мониторинг"
        description="Программы вашей территории: отстающие первыми. Откройте программу, чтобы перейти к муниципалитетам и школам."
      />
      {dashboard.isError ? (
        <ErrorAlert error={dashboard.error} onRetry={() => dashboard.refetch()} />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <DashboardFigure label="Программ" value={formatNumber(all.length)} testId="dashboard-count" />
            <DashboardFigure
              label="Просрочено мероприятий"
              value={formatNumber(overdue)}
              colour={overdue > 0 ? 'red.8' : undefined}
              testId="dashboard-overdue-total"
            />
            <DashboardFigure
              label="Скоро срок"
              value={formatNumber(dueSoon)}
              colour={dueSoon > 0 ? 'yellow.9' : undefined}
              testId="dashboard-due-soon-total"
            />
            <DashboardFigure
              label="Ближайший мониторинг"
              value={next ? isoToRu(next.date) : '—'}
              detail={
                next ? (
                  <Anchor component={Link} to={`/programmes/${next.programmeId}/rounds`} size="sm" lineClamp={2}>
                    {next.title}
                  </Anchor>
                ) : undefined
              }
            />
          </SimpleGrid>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <SegmentedControl
              aria-label="Уровень программы"
              data={levelOptions}
              value={values.level ?? 'all'}
              onChange={(v) => update({ level: v === 'all' ? null : v })}
            />
            <div style={{ width: 'min(100%, 22rem)' }}>
              <SearchInput value={values.q ?? ''} onChange={(q) => update({ q })} label="Поиск программы" />
            </div>
          </Group>
          <DataTable
            label="Программы"
            testId="region-dashboard"
            columns={columns}
            rows={dashboard.data ? shown.rows : undefined}
            pagination={shown.pagination}
            loading={dashboard.isPending}
            rowKey={(p) => p.programmeId}
            minWidth={960}
            empty={
              all.length === 0 ? 'Программ в вашей территории пока нет.' : 'По вашему запросу программ не найдено.'
            }
          />
        </Stack>
      )}
    </>
  );
}
