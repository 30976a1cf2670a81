// Monitoring rounds of a programme (seed 004: 30.06 and 30.11 with thresholds, engagement rounds): the list,
// and one round — its figures with their parts, execution by municipality and school (lagging first) with a
// chart, lagging activities, indicators, the trend across rounds, targeted recommendations, freezing the
// results and the analytic report as DOCX and XLSX.
import { Anchor, Badge, Button, Group, Modal, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconLock, IconPencil, IconPlus } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ProgrammeDetail } from '../../contract/programmes.ts';
import { type Round, type RoundDetail, roundReportUrl, useFreezeRound, useRound, useRounds } from '../api/execution.ts';
import { useProgramme } from '../api/programmes.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { DashboardSection } from '../components/DashboardSection.tsx';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PercentBar, ViewBadge } from '../components/ExecutionBadges.tsx';
import { ExecutionNav } from '../components/ExecutionNav.tsx';
import { IndicatorTable } from '../components/IndicatorTable.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { RoundEngagement } from '../components/RoundEngagement.tsx';
import { RoundFigures } from '../components/RoundFigures.tsx';
import { RoundForm } from '../components/RoundForm.tsx';
import { RoundLagging } from '../components/RoundLagging.tsx';
import { RoundRecommendations } from '../components/RoundRecommendations.tsx';
import { RoundTerritoryTable } from '../components/RoundTerritoryTable.tsx';
import { RoundTrend } from '../components/RoundTrend.tsx';
import { isoToRu } from '../lib/deadline-reading.ts';
import {
  managesProgramme,
  roundKindLabels,
  roundTitle,
  thresholdView,
  thresholdWords,
} from '../lib/execution-format.ts';
import { formatDateTime } from '../lib/format.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const RoundChart = lazy(() => import('../components/RoundChart.tsx'));

/** Those who run monitoring of this programme: its region or municipality. */
function useMonitoringWriter(programme: ProgrammeDetail | undefined): boolean {
  const me = useCurrentUser();
  return Boolean(programme) && can(me, 'monitoring.write') && managesProgramme(me, programme!);
}

export default function ProgrammeRoundsPage() {
  const me = useCurrentUser();
  if (!can(me, 'execution.read')) return <AccessDenied title="Мониторинг" />;
  return <RoundsList />;
}

export function RoundPage() {
  const me = useCurrentUser();
  if (!can(me, 'execution.read')) return <AccessDenied title="Мониторинг" />;
  return <RoundScreen />;
}

// ---- the list

function RoundsList() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const programme = useProgramme(id);
  const rounds = useRounds(id);
  const canWrite = useMonitoringWriter(programme.data);
  const [adding, setAdding] = useState(false);
  const back = { to: `/programmes/${id}`, label: 'К карточке программы' };
  if (programme.isPending) return <PageLoader />;
  if (programme.isError)
    return (
      <>
        <PageHeader title="Мониторинг" back={back} />
        <ErrorAlert error={programme.error} onRetry={() => programme.refetch()} />
      </>
    );
  const p = programme.data;
  const columns: Column<Round>[] = [
    { key: 'date', header: 'Дата', width: 110, nowrap: true, render: (r) => isoToRu(r.date) },
    {
      key: 'title',
      header: 'Мониторинг',
      render: (r) => (
        <>
          <Anchor component={Link} to={`/programmes/${id}/rounds/${r.id}`} size="sm" data-testid="round-link">
            {roundTitle(r)}
          </Anchor>
          <Text size="xs" c="dimmed">
            {roundKindLabels[r.kind]}
          </Text>
        </>
      ),
    },
    {
      key: 'threshold',
      header: 'Порог',
      width: 170,
      render: (r) => (r.kind === 'execution' ? thresholdWords(r.threshold) : '—'),
    },
    {
      key: 'percent',
      header: 'Исполнение',
      width: 170,
      render: (r) =>
        r.figures ? (
          <PercentBar percent={r.figures.executionPercent} threshold={r.threshold} testId="round-row-percent" />
        ) : (
          '—'
        ),
    },
    {
      key: 'meets',
      header: 'Порог достигнут',
      width: 200,
      render: (r) => {
        const view = r.figures ? thresholdView(r.figures) : null;
        return view ? <ViewBadge view={view} /> : '—';
      },
    },
    { key: 'state', header: 'Итоги', width: 170, render: (r) => <RoundState round={r} /> },
  ];
  return (
    <>
      <PageHeader
        title="Мониторинг реализации"
        description={p.title}
        back={back}
        actions={<ExecutionNav programmeId={id} current="rounds" />}
      />
      <Stack gap="md">
        {canWrite && (
          <Group>
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => setAdding(true)}
              data-testid="round-add"
            >
              Добавить мониторинг
            </Button>
          </Group>
        )}
        {rounds.isError ? (
          <ErrorAlert error={rounds.error} onRetry={() => rounds.refetch()} />
        ) : (
          <DataTable
            label="Мониторинги программы"
            testId="rounds-table"
            columns={columns}
            rows={rounds.data ? [...rounds.data].sort((a, b) => a.date.localeCompare(b.date)) : undefined}
            loading={rounds.isPending}
            rowKey={(r) => r.id}
            minWidth={900}
            empty={
              canWrite
                ? 'Мониторингов пока нет. Добавьте контрольную дату с пороговым значением исполнения.'
                : 'Мониторингов пока нет.'
            }
          />
        )}
      </Stack>
      <Modal opened={adding} onClose={() => setAdding(false)} title="Новый мониторинг" size="lg">
        {adding && (
          <RoundForm
            programme={p}
            onDone={(r) => {
              setAdding(false);
              if (r) navigate(`/programmes/${id}/rounds/${r.id}`);
            }}
            onReload={() => void rounds.refetch()}
          />
        )}
      </Modal>
    </>
  );
}

function RoundState({ round }: { round: Pick<Round, 'frozenAt' | 'frozenBy'> }) {
  return round.frozenAt ? (
    <Badge
      color="gray"
      variant="filled"
      tt="none"
      leftSection={<IconLock size={12} aria-hidden />}
      data-testid="round-state"
      data-frozen="true"
    >
      зафиксированы {formatDateTime(round.frozenAt).slice(0, 10)}
    </Badge>
  ) : (
    <Badge color="blue" variant="outline" tt="none" data-testid="round-state" data-frozen="false">
      текущие данные
    </Badge>
  );
}

// ---- one round

function RoundScreen() {
  const { id = '', roundId = '' } = useParams();
  const round = useRound(roundId);
  const programme = useProgramme(id);
  const canWrite = useMonitoringWriter(programme.data);
  const [editing, setEditing] = useState(false);
  const [freezing, setFreezing] = useState(false);
  const freeze = useFreezeRound(roundId);
  const back = { to: `/programmes/${id}/rounds`, label: 'К мониторингам программы' };
  if (round.isPending) return <PageLoader />;
  if (round.isError)
    return (
      <>
        <PageHeader title="Мониторинг" back={back} />
        <ErrorAlert error={round.error} onRetry={() => round.refetch()} />
      </>
    );
  const r = round.data;
  const reload = () => void round.refetch();
  const open = r.frozenAt === null;
  return (
    <>
      <PageHeader
        title={roundTitle(r)}
        description={programme.data?.title}
        back={back}
        actions={
          <>
            <Button
              component="a"
              href={roundReportUrl(r.id, 'docx')}
              download
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
              data-testid="round-report-docx"
            >
              Справка DOCX
            </Button>
            <Button
              component="a"
              href={roundReportUrl(r.id, 'xlsx')}
              download
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
              data-testid="round-report-xlsx"
            >
              Таблицы XLSX
            </Button>
            {canWrite && (
              <Button
                variant="default"
                leftSection={<IconPencil size={18} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                Изменить
              </Button>
            )}
            {canWrite && open && (
              <Button
                leftSection={<IconLock size={18} aria-hidden />}
                onClick={() => setFreezing(true)}
                data-testid="round-freeze"
              >
                Зафиксировать итоги
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <Group gap="sm" wrap="wrap">
          <ExecutionNav programmeId={id} current="rounds" />
        </Group>
        <Paper withBorder p="sm" radius="md">
          <Group gap="sm" wrap="wrap">
            <RoundState round={r} />
            <Text size="sm">
              {roundKindLabels[r.kind]} на {isoToRu(r.date)}
              {r.kind === 'execution' && `, порог ${thresholdWords(r.threshold)}`}.{' '}
              {open
                ? r.kind === 'execution'
                  ? 'Показаны текущие данные: они меняются с каждым отчётом, пока итоги не зафиксированы.'
                  : 'Оценки вносятся и исправляются, пока итоги не зафиксированы.'
                : `Итоги зафиксировал(а) ${r.frozenBy ?? '—'} ${formatDateTime(r.frozenAt)}; последующие отчёты их не меняют.`}
            </Text>
          </Group>
        </Paper>

        {r.kind === 'execution' ? (
          <ExecutionRound round={r} />
        ) : (
          <DashboardSection title="Оценка вовлечённости" id="engagement">
            <RoundEngagement round={r} canWrite={canWrite} onReload={reload} />
          </DashboardSection>
        )}

        <DashboardSection title="Адресные рекомендации" id="recommendations">
          <RoundRecommendations key={r.version} round={r} canWrite={canWrite} onReload={reload} />
        </DashboardSection>
      </Stack>

      <Modal opened={editing} onClose={() => setEditing(false)} title="Мониторинг" size="lg">
        {editing && programme.data && (
          <RoundForm programme={programme.data} round={r} onDone={() => setEditing(false)} onReload={reload} />
        )}
      </Modal>
      <ConfirmDialog
        opened={freezing}
        title="Зафиксировать итоги?"
        confirmLabel="Зафиксировать"
        loading={freeze.isPending}
        error={freeze.error}
        onRefresh={() => {
          freeze.reset();
          reload();
        }}
        onConfirm={() =>
          freeze.mutate(r.version, {
            onSuccess: () => {
              setFreezing(false);
              notifications.show({ color: 'teal', message: 'Итоги мониторинга зафиксированы.' });
            },
          })
        }
        onClose={() => {
          freeze.reset();
          setFreezing(false);
        }}
      >
        Цифры мониторинга на {isoToRu(r.date)} будут сохранены такими, какие они сейчас, и войдут в аналитическую
        справку. Последующие отчёты об исполнении их не изменят; дату и порог изменить будет нельзя.
      </ConfirmDialog>
    </>
  );
}

function ExecutionRound({ round: r }: { round: RoundDetail }) {
  const chartRows = r.byMunicipality.length > 1 ? r.byMunicipality : r.bySchool;
  return (
    <>
      {r.figures && <RoundFigures figures={r.figures} />}
      {r.byMunicipality.length > 0 && (
        <DashboardSection title="По муниципалитетам" id="by-municipality">
          <RoundTerritoryTable
            label="Исполнение по муниципалитетам"
            rows={r.byMunicipality}
            kind="municipality"
            threshold={r.threshold}
            testId="round-by-municipality"
          />
        </DashboardSection>
      )}
      {chartRows.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h5" mb="xs">
            Исполнение, % ({chartRows === r.byMunicipality ? 'муниципалитеты' : 'школы'})
          </Title>
          <Suspense fallback={<Skeleton height={48 + Math.min(30, chartRows.length) * 30} />}>
            <RoundChart
              rows={chartRows}
              threshold={r.threshold}
              what={chartRows === r.byMunicipality ? 'муниципалитеты' : 'школы'}
            />
          </Suspense>
        </Paper>
      )}
      {r.bySchool.length > 0 && (
        <DashboardSection title="По школам" id="by-school">
          <RoundTerritoryTable
            label="Исполнение по школам"
            rows={r.bySchool}
            kind="school"
            threshold={r.threshold}
            testId="round-by-school"
          />
        </DashboardSection>
      )}
      <DashboardSection title="Отстающие мероприятия" id="lagging">
        <RoundLagging rows={r.lagging} />
      </DashboardSection>
      <DashboardSection title="Целевые показатели" id="indicators">
        <IndicatorTable rows={r.indicators} testId="round-indicators" />
      </DashboardSection>
      <DashboardSection title="Динамика исполнения" id="trend">
        <RoundTrend points={r.trend} current={r.date} />
      </DashboardSection>
    </>
  );
}
