// A run of a methodology: what it applied, the target indicators, the chart by municipality, the difference
// from the previous approved list, every school with its decision (explained in a drawer), downloads, and
// the approval as the region's next list.
import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  List,
  Modal,
  Paper,
  SimpleGrid,
  Skeleton,
  Spoiler,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecklist, IconCircleCheck } from '@tabler/icons-react';
import { type FormEvent, lazy, Suspense, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { RunDetail, Verdict } from '../../contract/identification.ts';
import { runExportUrl, useApproveRun, useRun } from '../api/identification.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { DateTextInput } from '../components/DateTextInput.tsx';
import { DetailsList } from '../components/DetailsList.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { IdentificationExplanation } from '../components/IdentificationExplanation.tsx';
import { useIdentificationScope } from '../components/IdentificationNav.tsx';
import {
  IdentificationExportButtons,
  IdentificationSchoolFilters,
  schoolFilterKeys,
} from '../components/IdentificationSchoolFilters.tsx';
import { IdentificationTotals, TotalsByType } from '../components/IdentificationTotals.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import {
  categoriesOf,
  categoryColour,
  categoryLabel,
  compareSchools,
  defaultListTitle,
  differenceGroups,
  formatShare,
  matchesSchool,
  municipalitiesOf,
  municipalityChartData,
  type SchoolSign,
} from '../lib/identification-format.ts';
import { pageOfRows, useUrlFilters } from '../lib/search-params.ts';
import { can } from '../lib/session.ts';

const MunicipalityChart = lazy(() => import('../components/MunicipalityChart.tsx'));

const back = { to: '/identification', label: 'К результатам и расчётам' };
const pageSize = 50;
const signs: SchoolSign[] = ['red-zone', 'objectivity', 'no-results', 'first', 'repeated'];

export default function IdentificationRunPage() {
  const scope = useIdentificationScope();
  if (!can(scope.me, 'identification.read') || !scope.regionWide) return <AccessDenied title="Расчёт" />;
  return <RunCard canWrite={scope.canWrite} admin={scope.me.regionId === null} />;
}

/** The methodology a run applied; an administrator's link names the run's region. */
const methodologyLink = (r: RunDetail, admin: boolean) =>
  `/identification/methodologies/${encodeURIComponent(r.methodologyCode)}${admin ? `?regionId=${r.regionId}` : ''}`;

function RunCard({ canWrite, admin }: { canWrite: boolean; admin: boolean }) {
  const { id = '' } = useParams();
  const run = useRun(id);
  const [approving, setApproving] = useState(false);
  if (run.isPending) return <PageLoader />;
  if (run.isError) {
    return (
      <>
        <PageHeader title="Расчёт" back={back} />
        <ErrorAlert error={run.error} onRetry={() => run.refetch()} />
      </>
    );
  }
  const r = run.data;
  return (
    <>
      <PageHeader
        title={`Расчёт за ${r.year} год`}
        description={`${r.methodologyTitle} (версия ${r.methodologyVersion})`}
        back={back}
        actions={
          <>
            <IdentificationExportButtons url={(format) => runExportUrl(r.id, format)} />
            {r.listId ? (
              <Button
                component={Link}
                to={`/identification/lists/${r.listId}`}
                variant="light"
                color="teal"
                leftSection={<IconCircleCheck size={18} aria-hidden />}
              >
                Утверждён как перечень № {r.listNumber}
              </Button>
            ) : (
              canWrite && (
                <Button
                  onClick={() => setApproving(true)}
                  leftSection={<IconChecklist size={18} aria-hidden />}
                  disabled={r.totals.listed === 0}
                  title={r.totals.listed === 0 ? 'В расчёте нет включённых школ' : undefined}
                >
                  Утвердить перечень
                </Button>
              )
            )}
          </>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <DetailsList
            items={[
              {
                label: 'Методика',
                value: (
                  <Anchor component={Link} to={methodologyLink(r, admin)}>
                    {r.methodologyCode}, версия {r.methodologyVersion}
                  </Anchor>
                ),
              },
              { label: 'Год расчёта (Y)', value: String(r.year) },
              { label: 'Использованы результаты', value: r.years.length ? `${r.years.join(', ')} гг.` : '—' },
              { label: 'Выполнил', value: `${r.createdBy}, ${formatDateTime(r.createdAt)}` },
              {
                label: 'Перечень',
                value: r.listId ? (
                  <Anchor component={Link} to={`/identification/lists/${r.listId}`}>
                    утверждён как перечень № {r.listNumber}
                  </Anchor>
                ) : (
                  'не утверждён'
                ),
              },
              {
                label: 'Сравнение с перечнем',
                value: r.previousListId ? (
                  <Anchor component={Link} to={`/identification/lists/${r.previousListId}`}>
                    № {r.previousListNumber}
                  </Anchor>
                ) : (
                  'утверждённых перечней ранее не было'
                ),
              },
            ]}
          />
        </Paper>

        <IdentificationTotals totals={r.totals} />

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="by-municipality-title" h="100%">
              <Title order={2} size="h5" id="by-municipality-title" mb="xs">
                Включённые школы по муниципалитетам
              </Title>
              <Suspense fallback={<Skeleton height={64 + r.totals.byMunicipality.length * 40} />}>
                <MunicipalityChart data={municipalityChartData(r.totals.byMunicipality, categoriesOf(r.definition))} />
              </Suspense>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="by-type-title" h="100%">
              <Title order={2} size="h5" id="by-type-title" mb="xs">
                По типам школ
              </Title>
              <TotalsByType totals={r.totals} />
            </Paper>
          </Grid.Col>
        </Grid>

        <Difference run={r} />

        <Schools run={r} />
      </Stack>

      <Modal opened={approving} onClose={() => setApproving(false)} title="Утверждение перечня" size="lg">
        {approving && <ApproveForm run={r} onCancel={() => setApproving(false)} />}
      </Modal>
    </>
  );
}

function Difference({ run }: { run: RunDetail }) {
  const groups = differenceGroups(run);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="difference-title">
      <Title order={2} size="h4" id="difference-title" mb="xs">
        {run.previousListNumber === null
          ? 'Сравнение с предыдущим перечнем'
          : `Сравнение с перечнем № ${run.previousListNumber}`}
      </Title>
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          Утверждённых перечней до этого расчёта не было: все включённые школы включены впервые.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" data-testid="run-difference">
          {groups.map((g) => (
            <div key={g.key}>
              <Text fw={600} size="sm" mb={4}>
                {g.title}: {formatNumber(g.items.length)}
              </Text>
              {g.items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  нет
                </Text>
              ) : (
                <Spoiler maxHeight={150} showLabel="Показать все" hideLabel="Свернуть">
                  <List size="sm" spacing={2}>
                    {g.items.map((i) => (
                      <List.Item key={i.code}>
                        {i.name}
                        {i.note && (
                          <Text span size="sm" c="dimmed">
                            {' '}
                            ({i.note})
                          </Text>
                        )}
                      </List.Item>
                    ))}
                  </List>
                </Spoiler>
              )}
            </div>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}

function Schools({ run }: { run: RunDetail }) {
  const { values, page, update } = useUrlFilters([...schoolFilterKeys, 'school'] as const);
  const categories = useMemo(() => categoriesOf(run.definition), [run.definition]);
  const municipalities = useMemo(() => municipalitiesOf(run.schools), [run.schools]);
  const rows = useMemo(
    () => run.schools.filter((s) => matchesSchool(s, values)).sort(compareSchools),
    [run.schools, values],
  );
  const shown = pageOfRows(rows, page, pageSize, (p) => update({ page: p }));
  const open = (s: Verdict) => update({ school: s.organisationId, page: shown.current });
  const filtered = Boolean(values.q || values.category || values.municipalityId || values.sign);

  const columns: Column<Verdict>[] = [
    { key: 'municipality', header: 'Муниципалитет', width: 170, render: (s) => s.municipality || '—' },
    {
      key: 'name',
      header: 'Школа',
      render: (s) => (
        <>
          <Anchor component="button" type="button" onClick={() => open(s)} ta="left" fz="sm" fw={500}>
            {s.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {s.code} · {s.type}
          </Text>
        </>
      ),
    },
    {
      key: 'category',
      header: 'Категория',
      width: 130,
      render: (s) => (
        <Badge color={categoryColour(s.category)} variant={s.category === null ? 'outline' : 'light'} tt="none">
          {categoryLabel(s.category)}
        </Badge>
      ),
    },
    {
      key: 'low',
      header: 'Низких процедур',
      width: 100,
      render: (s) => (s.hasResults ? formatNumber(s.lowProcedures) : '—'),
    },
    {
      key: 'signs',
      header: 'Признаки',
      width: 170,
      render: (s) => (
        <Stack gap={0}>
          {s.redZone && (
            <Text size="xs" c="red.8">
              ● красная зона
            </Text>
          )}
          {s.objectivityGap && (
            <Text size="xs" c="violet.8">
              ● необъективность{s.objectivityShare === null ? '' : ` ${formatShare(s.objectivityShare)}`}
            </Text>
          )}
          {!s.hasResults && (
            <Text size="xs" c="dimmed">
              ● нет результатов
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'previous',
      header: 'В перечне',
      width: 110,
      render: (s) =>
        s.category === null ? (
          s.inPreviousList ? (
            <Text size="sm" c="dimmed">
              исключена
            </Text>
          ) : (
            '—'
          )
        ) : s.inPreviousList ? (
          `повторно${s.previousCategory !== null && s.previousCategory !== s.category ? ` (была кат. ${s.previousCategory})` : ''}`
        ) : (
          'впервые'
        ),
    },
    {
      key: 'explain',
      header: '',
      width: 120,
      render: (s) => (
        <Button size="compact-sm" variant="subtle" onClick={() => open(s)} aria-label={`Объяснение: ${s.name}`}>
          Объяснение
        </Button>
      ),
    },
  ];

  return (
    <section aria-labelledby="schools-title">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} size="h4" id="schools-title">
          Школы
        </Title>
        <Text size="sm" c="dimmed">
          Включено {formatNumber(run.totals.listed)} из {formatNumber(run.totals.schools)}
        </Text>
      </Group>
      <Stack gap="md">
        <IdentificationSchoolFilters
          values={values}
          update={update}
          categories={categories}
          withUnlisted
          municipalities={municipalities}
          signs={signs}
        />
        <DataTable
          label="Школы расчёта"
          testId="run-schools"
          columns={columns}
          rows={shown.rows}
          rowKey={(s) => s.organisationId}
          minWidth={980}
          empty={filtered ? 'По вашему запросу школ не найдено.' : 'В регионе нет школ.'}
          pagination={shown.pagination}
        />
      </Stack>
      <IdentificationExplanation
        runId={run.id}
        organisationId={values.school ?? null}
        onClose={() => update({ school: null, page: shown.current })}
      />
    </section>
  );
}

function ApproveForm({ run, onCancel }: { run: RunDetail; onCancel: () => void }) {
  const navigate = useNavigate();
  const approve = useApproveRun(run.id);
  const [title, setTitle] = useState(defaultListTitle);
  const [orderNumber, setOrderNumber] = useState('');
  const [orderDate, setOrderDate] = useState<string | null>(null);
  const [titleError, setTitleError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setTitleError('Укажите название перечня.');
      return;
    }
    approve.mutate(
      { title: title.trim(), orderNumber: orderNumber.trim(), orderDate },
      {
        onSuccess: (list) => {
          notifications.show({ color: 'teal', message: `Перечень № ${list.number} утверждён.` });
          navigate(`/identification/lists/${list.id}`);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          В перечень войдут включённые расчётом школы: {formatNumber(run.totals.listed)}. Перечень получит следующий
          номер; расчёт утверждается один раз.
        </Text>
        <TextInput
          label="Название перечня"
          value={title}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            setTitleError(undefined);
          }}
          error={titleError}
          required
          data-autofocus
        />
        <Group align="flex-start" gap="sm">
          <TextInput
            label="Номер приказа"
            value={orderNumber}
            onChange={(e) => setOrderNumber(e.currentTarget.value)}
            w={200}
          />
          <DateTextInput label="Дата приказа" value={orderDate} onChange={setOrderDate} allowEmpty />
        </Group>
        <ErrorAlert error={approve.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Отмена
          </Button>
          <Button type="submit" loading={approve.isPending}>
            Утвердить
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
