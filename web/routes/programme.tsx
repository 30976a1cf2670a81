// The programme card: its facts and act, downloads, and tabs for activities (edited here: sections, order,
// moves, each activity in a form with its deadline read live), passport, indicators and the appendices.
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowUp,
  IconDeviceFloppy,
  IconDownload,
  IconPlus,
} from '@tabler/icons-react';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ActivityDto, ProgrammeDetail } from '../../contract/programmes.ts';
import {
  exportUrl,
  type SectionDto,
  useDeleteActivity,
  useDeleteProgramme,
  useDeleteSection,
  useProgramme,
  useUpdateActivity,
  useUpdateProgramme,
} from '../api/programmes.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { ActivityForm, sectionLabel } from '../components/ActivityForm.tsx';
import { ApprovalPanel } from '../components/ApprovalPanel.tsx';
import { DeadlineReading } from '../components/DeadlineReading.tsx';
import { DetailsList } from '../components/DetailsList.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ExecutionNav } from '../components/ExecutionNav.tsx';
import { ExecutionSettings } from '../components/ExecutionSettings.tsx';
import { IndicatorPanel } from '../components/IndicatorPanel.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { type Passport, PassportFields, PassportView } from '../components/PassportFields.tsx';
import {
  ConsultationsTable,
  MonitoringRoundsTable,
  SchoolsTable,
  TutorPairsTable,
  WorkingGroupTable,
} from '../components/ProgrammeAppendices.tsx';
import { type ProgrammeFacts, ProgrammeFactsFields } from '../components/ProgrammeFactsFields.tsx';
import { ProgrammeTargetList } from '../components/ProgrammeTargetList.tsx';
import { DeleteDialog, EditDeleteButtons } from '../components/RecordActions.tsx';
import { SectionForm } from '../components/SectionForm.tsx';
import { parseWarningPath } from '../lib/draft-warnings.ts';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import {
  type ActivityColumns,
  activityColumns,
  activityNumberLabel,
  describeAct,
  formatPeriod,
  levelLabels,
} from '../lib/programme-format.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const back = { to: '/programmes', label: 'К списку программ' };

const tabs = [
  { value: 'activities', label: 'Мероприятия' },
  { value: 'passport', label: 'Паспорт' },
  { value: 'indicators', label: 'Показатели' },
  { value: 'approval', label: 'Согласование' },
  { value: 'group', label: 'Рабочая группа' },
  { value: 'consultations', label: 'Консультации' },
  { value: 'tutors', label: 'Тьюторы и школы' },
  { value: 'warnings', label: 'Предупреждения' },
] as const;
type TabValue = (typeof tabs)[number]['value'];

export default function ProgrammePage() {
  const me = useCurrentUser();
  if (!can(me, 'programme.read')) return <AccessDenied title="Программа" />;
  return <ProgrammeCard canWrite={can(me, 'programme.write')} />;
}

const byPosition = <T extends { position: number }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.position - b.position);

function ProgrammeCard({ canWrite }: { canWrite: boolean }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const programme = useProgramme(id);
  const [params, setParams] = useSearchParams();
  const tab: TabValue = tabs.find((t) => t.value === params.get('tab'))?.value ?? 'activities';
  const setTab = (value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (!value || value === 'activities') next.delete('tab');
        else next.set('tab', value);
        return next;
      },
      { replace: true },
    );
  const [editingFacts, setEditingFacts] = useState(false);
  const [factsKey, setFactsKey] = useState(0);
  const [deleting, setDeleting] = useState(false);
  const [focusActivity, setFocusActivity] = useState<string | null>(null);
  const remove = useDeleteProgramme();

  useEffect(() => {
    if (!focusActivity || tab !== 'activities') return;
    const frame = requestAnimationFrame(() => {
      const el = document.getElementById(`activity-${focusActivity}`);
      el?.scrollIntoView({ block: 'center' });
      el?.focus({ preventScroll: true });
      setFocusActivity(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusActivity, tab]);

  if (programme.isPending) return <PageLoader />;
  if (programme.isError) {
    return (
      <>
        <PageHeader title="Программа" back={back} />
        <ErrorAlert error={programme.error} onRetry={() => programme.refetch()} />
      </>
    );
  }
  const p = programme.data;
  const refetch = () => programme.refetch();
  const refresh = () => void refetch();
  const activities = p.sections.reduce((n, s) => n + s.activities.length, 0);

  const confirmDelete = () =>
    remove.mutate(
      { id: p.id, version: p.version },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Программа удалена.' });
          navigate('/programmes', { replace: true });
        },
      },
    );

  return (
    <>
      <PageHeader
        title={p.title}
        description={`${p.kind} · ${levelLabels[p.level]} · ${p.territoryName}`}
        back={back}
        actions={
          <>
            <Button
              component="a"
              href={exportUrl(p.id, 'docx')}
              download
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              Скачать DOCX
            </Button>
            <Button
              component="a"
              href={exportUrl(p.id, 'xlsx')}
              download
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              Скачать XLSX
            </Button>
            {canWrite && (
              <EditDeleteButtons
                editLabel="Изменить сведения"
                onEdit={() => setEditingFacts(true)}
                onDelete={() => setDeleting(true)}
                remove={remove}
              />
            )}
          </>
        }
      />
      <Stack gap="lg">
        <ExecutionNav programmeId={p.id} current={tab === 'indicators' || tab === 'approval' ? tab : 'card'} />
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <DetailsList
            items={[
              { label: 'Вид', value: p.kind },
              { label: 'Уровень', value: levelLabels[p.level] },
              { label: 'Территория', value: p.territoryName },
              {
                label: 'Период',
                value: `${formatPeriod(p.period)}${p.periodText ? ` (в документе: «${p.periodText}»)` : ''}`,
              },
              { label: 'Утверждающий акт', value: describeAct(p.act) },
              { label: 'Издан', value: p.act.authority },
              {
                label: 'Подписал',
                value: [p.act.signatoryPosition, p.act.signatory].filter(Boolean).join(' '),
              },
              { label: 'Мероприятий', value: formatNumber(activities) },
              {
                label: 'Целевые школы (утверждённый перечень)',
                value: <ProgrammeTargetList programme={p} canWrite={canWrite} />,
              },
              { label: 'Источник', value: p.sourceName },
              { label: 'Изменено', value: formatDateTime(p.updatedAt) },
            ]}
          />
        </Paper>

        <Tabs value={tab} onChange={setTab} keepMounted={false} styles={{ tab: { paddingInline: 12 } }}>
          <Tabs.List>
            {tabs.map((t) => (
              <Tabs.Tab
                key={t.value}
                value={t.value}
                rightSection={
                  t.value === 'warnings' && p.warnings.length > 0 ? (
                    <Badge size="sm" color="orange" variant="light" circle aria-label={`${p.warnings.length}`}>
                      {p.warnings.length}
                    </Badge>
                  ) : undefined
                }
              >
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="activities" pt="md">
            <ActivitiesTab programme={p} canWrite={canWrite} onRefresh={refetch} />
          </Tabs.Panel>
          <Tabs.Panel value="passport" pt="md">
            {canWrite ? (
              <PassportTab key={p.version} programme={p} onRefresh={refresh} />
            ) : (
              <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
                <PassportView value={p.passport} />
              </Paper>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="indicators" pt="md">
            <Stack gap="lg">
              <section aria-labelledby="indicators-title">
                <Title order={2} size="h4" mb="xs" id="indicators-title">
                  Целевые показатели
                </Title>
                <IndicatorPanel programme={p} />
              </section>
              {p.monitoringRounds.length > 0 && (
                <section aria-labelledby="rounds-title">
                  <Title order={2} size="h4" mb="xs" id="rounds-title">
                    Контрольные точки мониторинга
                  </Title>
                  <MonitoringRoundsTable rows={p.monitoringRounds} />
                </section>
              )}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="approval" pt="md">
            <Stack gap="lg">
              <ApprovalPanel programme={p} onReload={refresh} />
              <ExecutionSettings key={p.version} programme={p} onReload={refresh} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="group" pt="md">
            <WorkingGroupTable rows={p.workingGroup} />
          </Tabs.Panel>
          <Tabs.Panel value="consultations" pt="md">
            {p.consultations.length > 0 && (
              <Text size="sm" mb="sm">
                Консультации графика ведутся как мероприятия — с участниками, регистрацией и посещаемостью:{' '}
                <Anchor component={Link} to={`/events?programmeId=${p.id}`}>
                  мероприятия программы
                </Anchor>
                .
              </Text>
            )}
            <ConsultationsTable rows={p.consultations} />
          </Tabs.Panel>
          <Tabs.Panel value="tutors" pt="md">
            <Stack gap="lg">
              <section aria-labelledby="pairs-title">
                <Title order={2} size="h4" mb="xs" id="pairs-title">
                  Пары «школа — тьютор»
                </Title>
                {p.tutorPairs.length > 0 && (
                  <Text size="sm" mb="sm">
                    Пары видны в карточках обеих школ; сопоставить школы со справочником и указать соглашения можно на
                    странице{' '}
                    <Anchor component={Link} to="/network">
                      «Сеть поддержки»
                    </Anchor>
                    .
                  </Text>
                )}
                <TutorPairsTable rows={p.tutorPairs} />
              </section>
              <section aria-labelledby="schools-title">
                <Title order={2} size="h4" mb="xs" id="schools-title">
                  Школы программы
                </Title>
                <SchoolsTable rows={p.schools} />
              </section>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="warnings" pt="md">
            <WarningsTab
              programme={p}
              onGo={(activityId) => {
                setTab('activities');
                setFocusActivity(activityId);
              }}
            />
          </Tabs.Panel>
        </Tabs>
      </Stack>

      <Modal opened={editingFacts} onClose={() => setEditingFacts(false)} title="Сведения о программе" size="xl">
        <FactsForm
          key={factsKey}
          programme={p}
          onDone={() => setEditingFacts(false)}
          onRefresh={() => programme.refetch().then(() => setFactsKey((k) => k + 1))}
        />
      </Modal>
      <DeleteDialog
        opened={deleting}
        title="Удалить программу?"
        remove={remove}
        onRefresh={() => refresh()}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(false)}
      >
        Программа «{p.title}» будет удалена со всеми разделами и мероприятиями. Запись об удалении сохранится в журнале
        изменений.
      </DeleteDialog>
    </>
  );
}

// ---- activities

type Editing = { activityId: string } | { sectionId: string } | null;

function ActivitiesTab({
  programme,
  canWrite,
  onRefresh,
}: {
  programme: ProgrammeDetail;
  canWrite: boolean;
  onRefresh: () => Promise<unknown>;
}) {
  const phone = useMediaQuery('(max-width: 48em)');
  const sections = useMemo(
    () => byPosition(programme.sections).map((s) => ({ ...s, activities: byPosition(s.activities) })),
    [programme.sections],
  );
  const columns = useMemo(() => activityColumns(sections.flatMap((s) => s.activities)), [sections]);
  const [editing, setEditing] = useState<Editing>(null);
  const [formKey, setFormKey] = useState(0);
  const [sectionForm, setSectionForm] = useState<{ section?: SectionDto } | null>(null);
  const [sectionKey, setSectionKey] = useState(0);
  const [deletingSection, setDeletingSection] = useState<SectionDto | null>(null);
  const [deletingActivity, setDeletingActivity] = useState<ActivityDto | null>(null);
  const [moveError, setMoveError] = useState<{ sectionId: string; error: unknown } | null>(null);
  const move = useUpdateActivity(programme.id);
  const removeSection = useDeleteSection(programme.id);
  const removeActivity = useDeleteActivity(programme.id);

  // The moved row is put back in its new place, which takes the focus from its button: give it back once the
  // fresh order is on the page (to the other arrow when the row reached the end of its section).
  const pendingFocus = useRef<{ id: string; dir: -1 | 1 } | null>(null);
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || !sections) return;
    pendingFocus.current = null;
    const own = document.querySelector<HTMLButtonElement>(`[data-move="${pending.id}:${pending.dir}"]`);
    const other = document.querySelector<HTMLButtonElement>(`[data-move="${pending.id}:${-pending.dir}"]`);
    (own && !own.disabled ? own : other)?.focus();
  }, [sections]);

  const moveActivity = (list: ActivityDto[], index: number, dir: -1 | 1) => {
    const activity = list[index];
    const neighbour = list[index + dir];
    if (!activity || !neighbour || move.isPending) return;
    setMoveError(null);
    pendingFocus.current = { id: activity.id, dir };
    move.mutate(
      { id: activity.id, position: neighbour.position, version: activity.version },
      {
        onError: (error) => {
          pendingFocus.current = null;
          setMoveError({ sectionId: activity.sectionId, error });
        },
      },
    );
  };

  const closeEditing = () => setEditing(null);
  const editingId = editing && 'activityId' in editing ? editing.activityId : null;
  const editingActivity = editingId ? sections.flatMap((s) => s.activities).find((a) => a.id === editingId) : undefined;
  const editingTitle = editingActivity
    ? `Мероприятие ${activityNumberLabel(editingActivity.number, editingActivity.position + 1)}`
    : 'Новое мероприятие';

  return (
    <Stack gap="lg">
      {canWrite && (
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => {
              setSectionKey((k) => k + 1);
              setSectionForm({});
            }}
          >
            Добавить раздел
          </Button>
        </Group>
      )}
      {sections.length === 0 && (
        <Text c="dimmed" size="sm">
          В программе пока нет разделов. {canWrite ? 'Добавьте раздел, затем мероприятия в него.' : ''}
        </Text>
      )}
      {sections.map((section, si) => {
        const name = sectionLabel(section, si);
        const short = section.number.replace(/\.$/, '') || String(si + 1);
        return (
          <Paper
            key={section.id}
            withBorder
            radius="md"
            p={{ base: 'xs', sm: 'md' }}
            component="section"
            aria-labelledby={`section-${section.id}`}
          >
            <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
              <Title
                order={2}
                size="h5"
                id={`section-${section.id}`}
                style={{ overflowWrap: 'anywhere', flex: '1 1 16rem' }}
              >
                {sections.length === 1 && !section.number && !section.title ? 'Мероприятия программы' : name}
              </Title>
              {canWrite && (
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    aria-label={`Добавить мероприятие в раздел ${short}`}
                    onClick={() => {
                      setFormKey((k) => k + 1);
                      setEditing({ sectionId: section.id });
                    }}
                  >
                    Добавить мероприятие
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`Переименовать раздел ${short}`}
                    onClick={() => {
                      setSectionKey((k) => k + 1);
                      setSectionForm({ section });
                    }}
                  >
                    Переименовать
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red.8"
                    aria-label={`Удалить раздел ${short}`}
                    onClick={() => {
                      removeSection.reset();
                      setDeletingSection(section);
                    }}
                  >
                    Удалить
                  </Button>
                </Group>
              )}
            </Group>
            {moveError?.sectionId === section.id && (
              <div style={{ marginBottom: 8 }}>
                <ErrorAlert
                  error={moveError.error}
                  onRefresh={() => {
                    setMoveError(null);
                    void onRefresh();
                  }}
                />
              </div>
            )}
            <ActivitiesTable
              section={section}
              columns={columns}
              canWrite={canWrite}
              onEdit={(activity) => {
                setFormKey((k) => k + 1);
                setEditing({ activityId: activity.id });
              }}
              onMove={(index, dir) => moveActivity(section.activities, index, dir)}
            />
          </Paper>
        );
      })}

      <Modal opened={editing !== null} onClose={closeEditing} title={editingTitle} size="xl" fullScreen={phone}>
        {editingId && !editingActivity ? (
          <Alert color="orange" variant="light" title="Мероприятие не найдено">
            Возможно, его удалил другой пользователь. Закройте окно: список мероприятий уже обновлён.
          </Alert>
        ) : (
          editing && (
            <ActivityForm
              key={formKey}
              programmeId={programme.id}
              period={programme.period}
              sections={sections}
              activity={editingActivity}
              sectionId={'sectionId' in editing ? editing.sectionId : (editingActivity?.sectionId ?? '')}
              onSaved={closeEditing}
              onCancel={closeEditing}
              // Start again from the fresh record once it is loaded.
              onRefresh={() => void onRefresh().then(() => setFormKey((k) => k + 1))}
              onDelete={() => {
                removeActivity.reset();
                setDeletingActivity(editingActivity ?? null);
              }}
            />
          )
        )}
      </Modal>
      <Modal
        opened={sectionForm !== null}
        onClose={() => setSectionForm(null)}
        title={sectionForm?.section ? 'Раздел' : 'Новый раздел'}
        size="lg"
      >
        {sectionForm && (
          <SectionForm
            key={sectionKey}
            programmeId={programme.id}
            section={sectionForm.section}
            onSaved={() => setSectionForm(null)}
            onCancel={() => setSectionForm(null)}
            onRefresh={() => {
              void onRefresh();
              setSectionForm(null);
            }}
          />
        )}
      </Modal>
      <Modal
        opened={deletingSection !== null && deletingSection.activities.length > 0}
        onClose={() => setDeletingSection(null)}
        title="Раздел нельзя удалить"
        size="md"
      >
        <Stack>
          <Text size="sm">
            В разделе «{deletingSection ? sectionLabel(deletingSection, 0) : ''}» есть мероприятия (
            {formatNumber(deletingSection?.activities.length ?? 0)}). Перенесите их в другой раздел («Изменить» →
            «Раздел») или удалите, затем удалите раздел.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeletingSection(null)} data-autofocus>
              Понятно
            </Button>
          </Group>
        </Stack>
      </Modal>
      <DeleteDialog
        opened={deletingSection !== null && deletingSection.activities.length === 0}
        title="Удалить раздел?"
        confirmLabel="Удалить раздел"
        remove={removeSection}
        onRefresh={() => {
          setDeletingSection(null);
          void onRefresh();
        }}
        onConfirm={() =>
          deletingSection &&
          removeSection.mutate(
            { id: deletingSection.id, version: deletingSection.version },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: 'Раздел удалён.' });
                setDeletingSection(null);
              },
            },
          )
        }
        onClose={() => setDeletingSection(null)}
      >
        Раздел «{deletingSection ? sectionLabel(deletingSection, 0) : ''}» будет удалён из программы.
      </DeleteDialog>
      <DeleteDialog
        opened={deletingActivity !== null}
        title="Удалить мероприятие?"
        confirmLabel="Удалить мероприятие"
        remove={removeActivity}
        onRefresh={() => {
          setDeletingActivity(null);
          closeEditing();
          void onRefresh();
        }}
        onConfirm={() =>
          deletingActivity &&
          removeActivity.mutate(
            { id: deletingActivity.id, version: deletingActivity.version },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: 'Мероприятие удалено.' });
                setDeletingActivity(null);
                closeEditing();
              },
            },
          )
        }
        onClose={() => setDeletingActivity(null)}
      >
        Мероприятие «{deletingActivity?.text.slice(0, 120)}» будет удалено из программы.
      </DeleteDialog>
    </Stack>
  );
}

function ActivitiesTable(props: {
  section: SectionDto;
  columns: ActivityColumns;
  canWrite: boolean;
  onEdit: (activity: ActivityDto) => void;
  onMove: (index: number, dir: -1 | 1) => void;
}) {
  const { section, columns, canWrite } = props;
  const list = section.activities;
  const resultHeader = [columns.plannedResult && 'Планируемый результат', columns.indicator && 'Показатель реализации']
    .filter(Boolean)
    .join(' / ');
  const responsibleHeader = [columns.responsible && 'Ответ\u00adственные', columns.executors && 'Испол\u00adнители']
    .filter(Boolean)
    .join(' / ');
  const minWidth = 540 + (resultHeader ? 120 : 0) + (columns.informationSupport ? 110 : 0) + (canWrite ? 124 : 0);
  return (
    <Table.ScrollContainer
      className="stack-table"
      minWidth={minWidth}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={`Мероприятия: ${sectionLabel(section, 0)}`}
    >
      <Table
        layout="fixed"
        withTableBorder
        striped
        fz="sm"
        data-testid="section-activities"
        style={{ verticalAlign: 'top' }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="6%">№</Table.Th>
            <Table.Th>Мероприятие</Table.Th>
            <Table.Th w="15%">Срок</Table.Th>
            <Table.Th w="14%">{responsibleHeader}</Table.Th>
            {resultHeader && <Table.Th w="14%">{resultHeader}</Table.Th>}
            {columns.informationSupport && <Table.Th w="12%">{'Информа\u00adционное сопро\u00adвождение'}</Table.Th>}
            {canWrite && (
              // Positioned, so the hidden caption stays inside the scrolling table on narrow screens.
              <Table.Th w={124} style={{ position: 'relative' }}>
                <VisuallyHidden>Действия</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text c="dimmed" ta="center" py="md" size="sm">
                  В разделе нет мероприятий.
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            list.map((a, index) => {
              const n = activityNumberLabel(a.number, index + 1);
              return (
                <Table.Tr key={a.id} data-activity={a.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td data-label="№">
                    <span id={`activity-${a.id}`} tabIndex={-1} style={{ outlineOffset: 2 }}>
                      {a.number || '—'}
                    </span>
                  </Table.Td>
                  <Table.Td data-label="Мероприятие" style={{ overflowWrap: 'anywhere' }}>
                    {a.text}
                  </Table.Td>
                  <Table.Td data-label="Срок">
                    {a.deadlineText || (
                      <Text span c="dimmed" size="sm">
                        не указан
                      </Text>
                    )}
                    <DeadlineReading reading={a.deadline} testId="activity-deadline-reading" maxWindows={2} />
                  </Table.Td>
                  <Table.Td data-label={responsibleHeader} style={{ overflowWrap: 'anywhere' }}>
                    {a.responsible}
                    {a.executors && (
                      <Text size="sm" c={a.responsible ? 'dimmed' : undefined} mt={a.responsible ? 4 : 0}>
                        {a.executors}
                      </Text>
                    )}
                    {!a.responsible && !a.executors && '—'}
                    <ActivityLinks links={a.links} />
                  </Table.Td>
                  {resultHeader && (
                    <Table.Td data-label={resultHeader} style={{ overflowWrap: 'anywhere' }}>
                      {columns.plannedResult && a.plannedResult}
                      {columns.indicator && a.indicator && (
                        <Text size="sm" c={columns.plannedResult ? 'dimmed' : undefined} mt={a.plannedResult ? 4 : 0}>
                          {a.indicator}
                        </Text>
                      )}
                    </Table.Td>
                  )}
                  {columns.informationSupport && (
                    <Table.Td data-label="Информационное сопровождение" style={{ overflowWrap: 'anywhere' }}>
                      {a.informationSupport}
                    </Table.Td>
                  )}
                  {canWrite && (
                    <Table.Td>
                      <Group gap={4} wrap="wrap" maw={104}>
                        <ActionIcon
                          variant="default"
                          aria-label={`Переместить выше: ${n}`}
                          title="Выше"
                          data-move={`${a.id}:-1`}
                          disabled={index === 0}
                          onClick={() => props.onMove(index, -1)}
                        >
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="default"
                          aria-label={`Переместить ниже: ${n}`}
                          title="Ниже"
                          data-move={`${a.id}:1`}
                          disabled={index === list.length - 1}
                          onClick={() => props.onMove(index, 1)}
                        >
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                        <Button
                          size="compact-sm"
                          variant="light"
                          aria-label={`Изменить мероприятие ${n}`}
                          onClick={() => props.onEdit(a)}
                        >
                          Изменить
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

// ---- passport, facts, warnings

function PassportTab({ programme, onRefresh }: { programme: ProgrammeDetail; onRefresh: () => void }) {
  const [passport, setPassport] = useState<Passport>(programme.passport);
  const update = useUpdateProgramme(programme.id);
  const changed = JSON.stringify(passport) !== JSON.stringify(programme.passport);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!changed) {
      notifications.show({ message: 'Изменений нет.' });
      return;
    }
    update.mutate(
      { passport, version: programme.version },
      { onSuccess: () => notifications.show({ color: 'teal', message: 'Паспорт сохранён.' }) },
    );
  };
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="form" onSubmit={submit} noValidate>
      <PassportFields value={passport} onChange={setPassport} idPrefix="passport" />
      <Stack gap="sm" mt="md">
        <ErrorAlert error={update.error} onRefresh={onRefresh} />
        <Group gap="sm">
          <Button type="submit" loading={update.isPending} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
            Сохранить паспорт
          </Button>
          {changed && (
            <Button variant="default" onClick={() => setPassport(programme.passport)}>
              Отменить изменения
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function FactsForm({
  programme,
  onDone,
  onRefresh,
}: {
  programme: ProgrammeDetail;
  onDone: () => void;
  onRefresh: () => void;
}) {
  const initial: ProgrammeFacts = {
    title: programme.title,
    kind: programme.kind,
    period: programme.period,
    act: programme.act,
  };
  const [facts, setFacts] = useState<ProgrammeFacts>(initial);
  const update = useUpdateProgramme(programme.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes: Record<string, unknown> = {};
    for (const key of ['title', 'kind', 'period', 'act'] as const) {
      if (JSON.stringify(facts[key]) !== JSON.stringify(initial[key])) changes[key] = facts[key];
    }
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate(
      { ...changes, version: programme.version },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Сведения о программе сохранены.' });
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ProgrammeFactsFields value={facts} onChange={(c) => setFacts((f) => ({ ...f, ...c }))} idPrefix="facts" />
        <Text size="xs" c="dimmed">
          После изменения периода сроки всех мероприятий будут прочитаны заново.
        </Text>
        <ErrorAlert error={update.error} onRefresh={onRefresh} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Отмена
          </Button>
          <Button type="submit" loading={update.isPending}>
            Сохранить
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WarningsTab({ programme, onGo }: { programme: ProgrammeDetail; onGo: (activityId: string) => void }) {
  const sections = byPosition(programme.sections).map((s) => byPosition(s.activities));
  if (programme.warnings.length === 0) {
    return (
      <Alert color="teal" variant="light" title="Предупреждений нет">
        В программе нет мест, которые требуют проверки.
      </Alert>
    );
  }
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Text size="sm" mb="sm">
        Места программы, которые стоит проверить. Исправьте значение — и предупреждение исчезнет.
      </Text>
      <List
        spacing="xs"
        size="sm"
        icon={<IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" aria-hidden />}
        data-testid="programme-warnings"
      >
        {programme.warnings.map((w) => {
          const t = parseWarningPath(w.path);
          const activity = t.kind === 'activity' ? sections[t.section]?.[t.activity] : undefined;
          return (
            <List.Item key={`${w.path}-${w.code}-${w.message}`} data-code={w.code}>
              <Text size="sm" c="var(--opora-warning-text)" span>
                {w.message}
              </Text>
              {activity && (
                <>
                  {' '}
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => onGo(activity.id)}
                    aria-label={`Перейти к мероприятию ${activityNumberLabel(activity.number, t.kind === 'activity' ? t.activity + 1 : 1)}`}
                  >
                    Перейти к мероприятию
                  </Anchor>
                </>
              )}
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}

/** The organisations and people recognised in an activity's responsible and executors, as links to their cards. */
function ActivityLinks({ links }: { links: ActivityDto['links'] }) {
  if (links.length === 0) return null;
  return (
    <Group gap={4} mt={4} data-testid="activity-links">
      {links.map((l) => (
        <Badge
          key={`${l.kind}:${l.id}`}
          component={Link}
          to={l.kind === 'organisation' ? `/organisations/${l.id}` : `/people/${l.id}`}
          size="sm"
          variant="light"
          color={l.kind === 'organisation' ? 'blue' : 'teal'}
          style={{ textTransform: 'none', cursor: 'pointer', maxWidth: '100%' }}
        >
          <VisuallyHidden>{l.kind === 'organisation' ? 'Организация: ' : 'Сотрудник: '}</VisuallyHidden>
          {l.label}
        </Badge>
      ))}
    </Group>
  );
}
