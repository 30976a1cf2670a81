// «Выявление ШНОР»: the region's assessment results by kind and year, their upload, a new run of a
// methodology, and the runs made so far. Region-wide material: other roles go to the approved lists.
import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPlayerPlay } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { MethodologyView, ResultsSummary, RunListItem } from '../../contract/identification.ts';
import { yearsOfRules } from '../../domain/identification/identify.ts';
import { resultKindLabels } from '../../domain/identification/results.ts';
import { useMethodologies, useResultsSummary, useRuns, useStartRun } from '../api/identification.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import {
  IdentificationNav,
  type IdentificationScope,
  useIdentificationScope,
} from '../components/IdentificationNav.tsx';
import { IdentificationUpload } from '../components/IdentificationUpload.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import {
  conditionText,
  formatPart,
  participantsText,
  resultKindHints,
  resultKindNames,
  resultKindOrder,
  rowsText,
  schoolsText,
  sectionTitle,
} from '../lib/identification-format.ts';
import { can } from '../lib/session.ts';

const description = 'Школы с низкими образовательными результатами: результаты оценочных процедур, расчёты и перечни';

export default function IdentificationPage() {
  const scope = useIdentificationScope();
  if (!can(scope.me, 'identification.read')) return <AccessDenied title={sectionTitle} />;
  if (!scope.regionWide) return <Navigate to="/identification/lists" replace />;
  return (
    <>
      <PageHeader title={sectionTitle} description={description} />
      <IdentificationNav active="results" scope={scope} />
      {scope.ready ? (
        <Overview scope={scope} />
      ) : (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          Выберите регион, с результатами которого будете работать.
        </Alert>
      )}
    </>
  );
}

function Overview({ scope }: { scope: IdentificationScope }) {
  const summary = useResultsSummary(scope.regionId);
  const runs = useRuns(scope.regionId);
  const canLoad = can(scope.me, 'results.write');
  if (summary.isPending) return <PageLoader />;
  if (summary.isError) return <ErrorAlert error={summary.error} onRetry={() => summary.refetch()} />;
  const s = summary.data;
  const years = resultYears(s);
  return (
    <Stack gap="lg">
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="results-title">
        <Group justify="space-between" align="baseline" mb="sm">
          <Title order={2} size="h4" id="results-title">
            Загруженные результаты
          </Title>
          <Text size="sm" c="dimmed">
            Школ в регионе: {formatNumber(s.schools)}
          </Text>
        </Group>
        {years.length === 0 ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title="Результатов пока нет">
            Загрузите результаты ВПР, ОГЭ и ЕГЭ, чтобы выполнить расчёт.
            {canLoad ? ' Файлы загружаются ниже: по одному на каждый вид результатов.' : ''}
          </Alert>
        ) : (
          <SummaryTable summary={s} years={years} />
        )}
      </Paper>

      {canLoad && (
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="upload-title">
          <Title order={2} size="h4" id="upload-title" mb="xs">
            Загрузка результатов
          </Title>
          <Text size="sm" mb="md">
            Загрузка заменяет результаты того же вида за годы, которые есть в файле; остальные годы не меняются.
          </Text>
          <Tabs defaultValue="vpr">
            <Tabs.List>
              {resultKindOrder.map((kind) => (
                <Tabs.Tab key={kind} value={kind}>
                  {resultKindNames[kind]}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {resultKindOrder.map((kind) => (
              <Tabs.Panel key={kind} value={kind} pt="md">
                <Text size="sm" c="dimmed" mb="sm">
                  {resultKindHints[kind]}.
                </Text>
                <IdentificationUpload kind={kind} regionId={scope.regionId} />
              </Tabs.Panel>
            ))}
          </Tabs>
        </Paper>
      )}

      {scope.canWrite && <NewRun scope={scope} years={years} />}

      <section aria-labelledby="runs-title">
        <Title order={2} size="h4" id="runs-title" mb="xs">
          Выполненные расчёты
        </Title>
        {runs.isError ? (
          <ErrorAlert error={runs.error} onRetry={() => runs.refetch()} />
        ) : (
          <DataTable
            label="Выполненные расчёты"
            testId="runs-table"
            columns={runColumns}
            rows={runs.data}
            loading={runs.isPending}
            rowKey={(r) => r.id}
            minWidth={860}
            empty={
              years.length === 0
                ? 'Расчётов пока нет. Загрузите результаты ВПР, ОГЭ и ЕГЭ, чтобы выполнить расчёт.'
                : scope.canWrite
                  ? 'Расчётов пока нет. Выберите методику и год в блоке «Новый расчёт».'
                  : 'Расчётов пока нет.'
            }
          />
        )}
      </section>
    </Stack>
  );
}

/** Every year some kind of results is loaded for, in order. */
function resultYears(s: ResultsSummary): number[] {
  return [...new Set(s.kinds.flatMap((k) => k.years.map((y) => y.year)))].sort((a, b) => a - b);
}

function SummaryTable({ summary, years }: { summary: ResultsSummary; years: number[] }) {
  const kinds = resultKindOrder.map((kind) => summary.kinds.find((k) => k.kind === kind) ?? { kind, years: [] });
  return (
    <Table.ScrollContainer
      minWidth={560 + years.length * 130}
      type="native"
      tabIndex={0}
      aria-label="Загруженные результаты"
    >
      <Table withTableBorder striped fz="sm" data-testid="results-summary" style={{ verticalAlign: 'top' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={210}>Результаты</Table.Th>
            {years.map((y) => (
              <Table.Th key={y}>{y}</Table.Th>
            ))}
            <Table.Th w={250}>Последняя загрузка</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kinds.map((k) => {
            const last = 'lastImport' in k ? k.lastImport : null;
            return (
              <Table.Tr key={k.kind} data-kind={k.kind}>
                <Table.Td fw={500}>{resultKindLabels[k.kind]}</Table.Td>
                {years.map((y) => {
                  const row = k.years.find((x) => x.year === y);
                  return (
                    <Table.Td key={y}>
                      {row ? (
                        <>
                          {schoolsText(row.schools)}
                          <Text size="xs" c="dimmed">
                            {rowsText(row.rows)}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {participantsText(row.participants)}
                          </Text>
                        </>
                      ) : (
                        <Text size="sm" c="dimmed">
                          нет данных
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  {last ? (
                    <>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {last.fileName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(last.at)} · {last.by} · {rowsText(last.rows)}
                      </Text>
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function NewRun({ scope, years }: { scope: IdentificationScope; years: number[] }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const methodologies = useMethodologies(scope.regionId);
  const start = useStartRun();
  const [chosen, setChosen] = useState<string | null>(params.get('methodology'));
  const [yearText, setYearText] = useState<string | null>(null);
  const list = methodologies.data ?? [];
  const ref = chosen && list.some((m) => m.id === chosen) ? chosen : (list[0]?.id ?? null);
  const methodology = list.find((m) => m.id === ref);
  const year = yearText ?? (years.length ? String(years[years.length - 1]) : null);
  const missing = useMemo(() => {
    if (!methodology || !year) return [];
    return yearsOfRules(methodology.definition, Number(year)).filter((y) => !years.includes(y));
  }, [methodology, year, years]);

  const data = [
    { group: 'Поставляемые', items: list.filter((m) => m.preset).map(option) },
    { group: 'Методики региона', items: list.filter((m) => !m.preset).map(option) },
  ].filter((g) => g.items.length > 0);

  const run = () => {
    if (!ref) return;
    start.mutate(
      { methodology: ref, year: year ? Number(year) : undefined, regionId: scope.regionId },
      { onSuccess: (r) => navigate(`/identification/runs/${r.id}`) },
    );
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="new-run-title">
      <Title order={2} size="h4" id="new-run-title" mb="xs">
        Новый расчёт
      </Title>
      <Text size="sm" mb="md">
        Расчёт применяет правила методики к загруженным результатам и сохраняет решение по каждой школе с основаниями.
        Перечень утверждается на странице расчёта.
      </Text>
      {methodologies.isError ? (
        <ErrorAlert error={methodologies.error} onRetry={() => methodologies.refetch()} />
      ) : (
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label="Методика"
              data={data}
              value={ref}
              onChange={setChosen}
              allowDeselect={false}
              searchable={list.length > 8}
              disabled={methodologies.isPending}
              placeholder={methodologies.isPending ? 'Загрузка…' : 'Выберите методику'}
              style={{ flex: '1 1 28rem' }}
            />
            <Select
              label="Год расчёта (Y)"
              data={years.map(String)}
              value={year}
              onChange={setYearText}
              allowDeselect={false}
              disabled={years.length === 0}
              placeholder="Нет результатов"
              w={160}
            />
            <Button
              onClick={run}
              loading={start.isPending}
              disabled={!ref || years.length === 0}
              leftSection={<IconPlayerPlay size={18} aria-hidden />}
            >
              Выполнить расчёт
            </Button>
          </Group>
          {methodology && (
            <Text size="sm" c="dimmed" data-testid="new-run-rules">
              {methodology.definition.rules
                .map((r) => `Категория ${r.category}: ${r.conditions.map(conditionText).join('; ').toLowerCase()}`)
                .join('. ')}
              .{' '}
              <Anchor component={Link} to={scope.link(`/identification/methodologies/${methodology.id}`)} size="sm">
                Методика подробно
              </Anchor>
            </Text>
          )}
          {years.length === 0 && (
            <Text size="sm" c="dimmed">
              Загрузите результаты ВПР, ОГЭ и ЕГЭ, чтобы выполнить расчёт.
            </Text>
          )}
          {missing.length > 0 && (
            <Alert color="orange" variant="light" title="Не хватает результатов">
              Методика смотрит на {missing.length === 1 ? 'год' : 'годы'} {missing.join(', ')}, а результаты за{' '}
              {missing.length === 1 ? 'него' : 'них'} не загружены: условия этих лет не будут выполнены ни для одной
              школы.
            </Alert>
          )}
          <ErrorAlert error={start.error} />
        </Stack>
      )}
    </Paper>
  );
}

const option = (m: MethodologyView) => ({ value: m.id, label: m.title });

const runColumns: Column<RunListItem>[] = [
  {
    key: 'at',
    header: 'Выполнен',
    nowrap: true,
    width: 150,
    render: (r) => (
      <Anchor component={Link} to={`/identification/runs/${r.id}`} fw={500}>
        {formatDateTime(r.createdAt)}
      </Anchor>
    ),
  },
  {
    key: 'methodology',
    header: 'Методика',
    render: (r) => (
      <>
        <Text size="sm" lineClamp={2} title={r.methodologyTitle}>
          {r.methodologyTitle}
        </Text>
        <Text size="xs" c="dimmed">
          {r.methodologyCode}, версия {r.methodologyVersion}
        </Text>
      </>
    ),
  },
  { key: 'year', header: 'Год', width: 70, render: (r) => r.year },
  {
    key: 'listed',
    header: 'Включено школ',
    width: 170,
    nowrap: true,
    render: (r) => formatPart(r.listed, r.schools, r.schools ? (r.listed * 100) / r.schools : 0),
  },
  {
    key: 'list',
    header: 'Перечень',
    width: 130,
    render: (r) =>
      r.listId ? (
        <Anchor component={Link} to={`/identification/lists/${r.listId}`}>
          № {r.listNumber}
        </Anchor>
      ) : (
        <Text size="sm" c="dimmed">
          не утверждён
        </Text>
      ),
  },
  { key: 'by', header: 'Выполнил', width: 120, render: (r) => r.createdBy },
];
