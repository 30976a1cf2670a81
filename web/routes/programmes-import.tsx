// Loading a programme from its document: read it (nothing saved), look at the draft as the programme will be,
// correct what the warnings point at right where they point, choose the owner, save in one go.
import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Input,
  List,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconDeviceFloppy, IconFileText } from '@tabler/icons-react';
import { type FormEvent, memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useBlocker, useNavigate } from 'react-router';
import type { Me } from '../../contract/api.ts';
import { type ImportPreview, type ProgrammeDraftDto, saveProgrammeBody } from '../../contract/programmes.ts';
import { readDeadline } from '../../domain/deadline/read-deadline.ts';
import { usePreviewProgramme, useSaveProgramme } from '../api/programmes.ts';
import { useTerritoryTree } from '../api/queries.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { DeadlineReading } from '../components/DeadlineReading.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { OrganisationSelect } from '../components/OrganisationSelect.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PassportFields } from '../components/PassportFields.tsx';
import {
  ConsultationsTable,
  IndicatorsTable,
  MonitoringRoundsTable,
  SchoolsTable,
  TutorPairsTable,
  WorkingGroupTable,
} from '../components/ProgrammeAppendices.tsx';
import { type ProgrammeFacts, ProgrammeFactsFields } from '../components/ProgrammeFactsFields.tsx';
import { MunicipalitySelect, RegionSelect } from '../components/TerritorySelects.tsx';
import type { DeadlineReadingDto } from '../lib/deadline-reading.ts';
import {
  activityKey,
  currentDraftWarnings,
  type DraftWarning,
  issuePath,
  messageInPlace,
  parseWarningPath,
  type ReadDeadline,
  warningKey,
  warningPlace,
  warningsByActivity,
  warningTargetId,
} from '../lib/draft-warnings.ts';
import { formatNumber } from '../lib/format.ts';
import {
  type ActivityColumns,
  activityColumns,
  activityNumberLabel,
  levelLabels,
  type ProgrammeLevel,
} from '../lib/programme-format.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const back = { to: '/programmes', label: 'К списку программ' };
/** Above this many activities, sections start folded (those with warnings open), so the page stays quick. */
const foldAbove = 150;

export default function ProgrammeImportPage() {
  const me = useCurrentUser();
  if (!can(me, 'programme.write')) return <AccessDenied title="Загрузка программы" />;
  return <ProgrammeImport me={me} />;
}

function ProgrammeImport({ me }: { me: Me }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<{ n: number; data: ImportPreview } | null>(null);
  const read = usePreviewProgramme();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    read.mutate(file, { onSuccess: (data) => setPreview((p) => ({ n: (p?.n ?? 0) + 1, data })) });
  };

  return (
    <>
      <PageHeader
        title="Загрузка программы"
        description="Дорожная карта, программа или план-график из документа DOCX, TXT или HTML"
        back={back}
      />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="form" onSubmit={submit}>
          <Title order={2} size="h4" mb="xs">
            1. Выберите документ
          </Title>
          <Text size="sm" mb="sm">
            Подойдёт приказ с приложением или сама программа: таблица мероприятий со сроками и ответственными, паспорт,
            показатели, приложения. Чтение ничего не сохраняет: вы увидите программу такой, какой она будет, и сможете
            исправить всё, на что укажут предупреждения.
          </Text>
          <Stack gap="sm" align="flex-start">
            <Input.Wrapper
              label="Документ программы"
              description="Файл .docx, .txt или .html"
              id="programme-file-wrapper"
              labelProps={{ htmlFor: 'programme-file' }}
              w="100%"
              maw={520}
            >
              <input
                id="programme-file"
                className="file-input"
                type="file"
                accept=".docx,.txt,.html,.htm,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/html"
                aria-describedby="programme-file-wrapper-description"
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  read.reset();
                }}
              />
            </Input.Wrapper>
            <Button
              type="submit"
              disabled={!file}
              loading={read.isPending}
              leftSection={<IconFileText size={18} aria-hidden />}
            >
              Прочитать
            </Button>
          </Stack>
        </Paper>
        <ErrorAlert error={read.error} />
        {preview && <DraftEditor key={preview.n} preview={preview.data} me={me} />}
      </Stack>
    </>
  );
}

// ---- the draft

type Draft = ProgrammeDraftDto;
type DraftActivity = Draft['sections'][number]['activities'][number];
type ActivityField = Exclude<keyof DraftActivity, 'deadline' | 'source'>;
type SetActivity = (si: number, ai: number, field: ActivityField, value: string) => void;

/** readDeadline with a memory: typing one character must not read every deadline of the programme again. */
function useCachedReader(): ReadDeadline {
  return useMemo(() => {
    const cache = new Map<string, DeadlineReadingDto>();
    return (text, period) => {
      const key = `${period.start}|${period.end}|${text}`;
      let reading = cache.get(key);
      if (!reading) {
        reading = readDeadline(text, period);
        cache.set(key, reading);
      }
      return reading;
    };
  }, []);
}

interface Owner {
  level: ProgrammeLevel;
  regionId: string | null;
  municipalityId: string | null;
  organisationId: string | null;
}

function DraftEditor({ preview, me }: { preview: ImportPreview; me: Me }) {
  const navigate = useNavigate();
  const read = useCachedReader();
  const [draft, setDraft] = useState<Draft>(preview.draft);
  const current = useMemo(() => currentDraftWarnings(preview, draft, read), [preview, draft, read]);
  // Warnings the user has checked against the original and found right (the act really is № 3872).
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const warnings = useMemo(() => current.filter((w) => !checked.has(warningKey(w))), [current, checked]);
  const checkedCount = current.length - warnings.length;
  const byRow = useMemo(() => warningsByActivity(warnings), [warnings]);
  const columns = useMemo(() => activityColumns(preview.draft.sections.flatMap((s) => s.activities)), [preview]);
  const total = preview.draft.sections.reduce((n, s) => n + s.activities.length, 0);
  const [folded, setFolded] = useState<Set<number>>(() => {
    if (total <= foldAbove) return new Set();
    const warned = new Set(
      preview.warnings.map((w) => parseWarningPath(w.path)).flatMap((t) => (t.kind === 'activity' ? [t.section] : [])),
    );
    // The first section stays open so the table is seen as it will be.
    return new Set(preview.draft.sections.map((_, i) => i).filter((i) => i > 0 && !warned.has(i)));
  });
  const passportWarned = preview.warnings.some((w) => parseWarningPath(w.path).kind === 'passport');
  const [passportOpen, setPassportOpen] = useState<string | null>(passportWarned ? 'passport' : null);
  const [appendicesOpen, setAppendicesOpen] = useState<string[]>([]);
  const [focusId, setFocusId] = useState<string | null>(null);

  // Corrections live only on this page until saved: ask before leaving it (in the app or the browser).
  const saved = useRef(false);
  const dirty = draft !== preview.draft;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !saved.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (!saved.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const setActivity = useCallback<SetActivity>((si, ai, field, value) => {
    setDraft((d) => ({
      ...d,
      sections: d.sections.map((s, i) =>
        i !== si ? s : { ...s, activities: s.activities.map((a, j) => (j !== ai ? a : { ...a, [field]: value })) },
      ),
    }));
  }, []);
  const setFacts = useCallback((changes: Partial<ProgrammeFacts>) => setDraft((d) => ({ ...d, ...changes })), []);

  // A warning link opens what hides its place, then moves the focus there once it is on the page.
  const goTo = (w: DraftWarning) => {
    const t = parseWarningPath(w.path);
    if (t.kind === 'activity' || t.kind === 'section') {
      setFolded((f) => {
        const next = new Set(f);
        next.delete(t.section);
        return next;
      });
    }
    if (t.kind === 'passport') setPassportOpen('passport');
    if (t.kind === 'table') setAppendicesOpen((open) => (open.length ? open : ['tables']));
    setFocusId(warningTargetId(t));
  };
  useEffect(() => {
    if (!focusId) return;
    const frame = requestAnimationFrame(() => {
      const el = document.getElementById(focusId);
      if (el) {
        el.scrollIntoView({ block: 'center' });
        el.focus({ preventScroll: true });
        const row = el.closest('tr') ?? el;
        row.classList.remove('flash-target');
        void (row as HTMLElement).offsetWidth;
        row.classList.add('flash-target');
      }
      setFocusId(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusId]);

  const facts: ProgrammeFacts = { title: draft.title, kind: draft.kind, period: draft.period, act: draft.act };
  const passportNotes = Object.fromEntries(
    warnings.flatMap((w) => {
      const t = parseWarningPath(w.path);
      return t.kind === 'passport' && t.field ? [[t.field, w.message]] : [];
    }),
  );
  const topWarnings = warnings.filter((w) => ['act', 'title', 'period'].includes(parseWarningPath(w.path).kind));

  return (
    <Stack gap="lg" id="draft-top">
      <section aria-labelledby="draft-summary-title">
        <Title order={2} size="h4" mb="xs" id="draft-summary-title">
          2. Что прочитано из «{preview.fileName}»
        </Title>
        <SimpleGrid cols={{ base: 2, xs: 4, lg: 7 }} spacing="xs" data-testid="import-summary">
          <Stat label="Мероприятий" value={preview.summary.activities} />
          <Stat label="Разделов" value={preview.summary.sections} />
          <Stat label="Показателей" value={preview.summary.indicators} />
          <Stat label="Консультаций" value={preview.summary.consultations} />
          <Stat label="Пар «школа — тьютор»" value={preview.summary.tutorPairs} />
          <Stat label="Рабочая группа" value={preview.summary.workingGroup} />
          <Stat label="Предупреждений" value={warnings.length} warn={warnings.length > 0} />
        </SimpleGrid>
      </section>

      <WarningsList
        warnings={warnings}
        draft={draft}
        onGo={goTo}
        checked={checkedCount}
        onCheck={(w) => setChecked((c) => new Set(c).add(warningKey(w)))}
        onUncheckAll={() => setChecked(new Set())}
      />

      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="draft-facts">
        <Title order={2} size="h4" mb="sm" id="draft-facts">
          Программа и утверждающий акт
        </Title>
        <ProgrammeFactsFields
          value={facts}
          onChange={setFacts}
          idPrefix="draft"
          periodNote={draft.periodText ? `В документе: «${draft.periodText}»` : undefined}
        />
        {topWarnings.map((w) => (
          <InlineWarning key={`${w.path}-${w.code}`} message={w.message} />
        ))}
        <Accordion mt="md" variant="contained" value={passportOpen} onChange={setPassportOpen} id="draft-passport">
          <Accordion.Item value="passport">
            <Accordion.Control>
              Паспорт программы
              {Object.keys(passportNotes).length > 0 && (
                <Badge ml="xs" color="orange" variant="light" style={{ textTransform: 'none' }}>
                  есть предупреждения
                </Badge>
              )}
            </Accordion.Control>
            <Accordion.Panel>
              <PassportFields
                value={draft.passport}
                onChange={(passport) => setDraft((d) => ({ ...d, passport }))}
                idPrefix="draft-passport"
                notes={passportNotes}
              />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Paper>

      <section aria-labelledby="draft-activities">
        <Group justify="space-between" align="flex-end" mb="xs" gap="xs">
          <Title order={2} size="h4" id="draft-activities">
            Мероприятия
          </Title>
          {draft.sections.length > 1 && (
            <Group gap="xs">
              <Button variant="subtle" size="compact-sm" onClick={() => setFolded(new Set())}>
                Развернуть все разделы
              </Button>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setFolded(new Set(draft.sections.map((_, i) => i)))}
              >
                Свернуть все
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm" c="dimmed" mb="sm">
          Каждую ячейку можно исправить прямо в таблице. Под сроком показано, как он прочитан: исправленный срок
          читается заново сразу.
        </Text>
        <Stack gap="md">
          {draft.sections.map((section, si) => (
            <DraftSection
              // biome-ignore lint/suspicious/noArrayIndexKey: sections of the draft keep their places.
              key={si}
              si={si}
              section={section}
              many={draft.sections.length > 1}
              period={draft.period}
              columns={columns}
              byRow={byRow}
              read={read}
              folded={folded.has(si)}
              onFold={(fold) =>
                setFolded((f) => {
                  const next = new Set(f);
                  if (fold) next.add(si);
                  else next.delete(si);
                  return next;
                })
              }
              onChange={setActivity}
            />
          ))}
          {draft.sections.length === 0 && (
            <Alert color="orange" variant="light" title="Мероприятия не найдены">
              В документе не найдена таблица мероприятий. Проверьте, что загружен нужный файл.
            </Alert>
          )}
        </Stack>
      </section>

      <Appendices draft={draft} open={appendicesOpen} onOpen={setAppendicesOpen} />

      <OwnerAndSave
        me={me}
        preview={preview}
        draft={draft}
        warnings={warnings.length}
        onSaved={(id) => {
          saved.current = true;
          navigate(`/programmes/${id}`);
        }}
      />
      <ConfirmDialog
        opened={blocker.state === 'blocked'}
        title="Уйти со страницы?"
        confirmLabel="Уйти без сохранения"
        danger
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      >
        Исправления в прочитанной программе ещё не сохранены и будут потеряны.
      </ConfirmDialog>
    </Stack>
  );
}

function Stat({ label, value, warn = false }: { label: string; value: number; warn?: boolean }) {
  return (
    <Paper withBorder p="xs" radius="md" style={warn ? { borderColor: 'var(--opora-warning-border)' } : undefined}>
      <Text size="xs" c="dimmed" lh={1.3}>
        {label}
      </Text>
      <Text fz={{ base: 22, sm: 26 }} fw={700} c={warn ? 'var(--opora-warning-text)' : undefined}>
        {formatNumber(value)}
      </Text>
    </Paper>
  );
}

function InlineWarning({ message, id }: { message: string; id?: string }) {
  return (
    <Group gap={4} wrap="nowrap" align="flex-start" mt={4} id={id}>
      <IconAlertTriangle
        size={14}
        aria-hidden
        color="var(--mantine-color-orange-7)"
        style={{ flexShrink: 0, marginTop: 2 }}
      />
      <Text size="xs" c="var(--opora-warning-text)">
        {message}
      </Text>
    </Group>
  );
}

interface WarningsListProps {
  warnings: DraftWarning[];
  draft: Draft;
  onGo: (w: DraftWarning) => void;
  /** How many warnings the user has marked as checked. */
  checked: number;
  onCheck: (w: DraftWarning) => void;
  onUncheckAll: () => void;
}

function WarningsList(props: WarningsListProps) {
  const { warnings, draft, onGo } = props;
  const checkedNote = props.checked > 0 && (
    <Group gap="xs" mt="xs">
      <Text size="sm">Отмечено как проверенное: {formatNumber(props.checked)}.</Text>
      <Button variant="subtle" size="compact-sm" onClick={props.onUncheckAll}>
        Показать снова
      </Button>
    </Group>
  );
  if (warnings.length === 0) {
    return (
      <Alert
        color="teal"
        variant="light"
        title="Предупреждений нет"
        icon={<IconCircleCheck aria-hidden />}
        data-testid="import-warnings"
        role="status"
      >
        {props.checked > 0
          ? 'Все предупреждения исправлены или проверены. Проверьте программу ниже и сохраните её.'
          : 'Всё прочитано без замечаний. Проверьте программу ниже и сохраните её.'}
        {checkedNote}
      </Alert>
    );
  }
  return (
    <Alert
      color="orange"
      variant="light"
      title={`Предупреждения: ${formatNumber(warnings.length)}`}
      icon={<IconAlertTriangle aria-hidden />}
      data-testid="import-warnings"
      styles={{ title: { color: 'var(--opora-warning-text)' } }}
    >
      <Text size="sm" mb="xs">
        Это места, которые стоит проверить по подлиннику. Нажмите на предупреждение, чтобы перейти к нему; когда
        значение исправлено, предупреждение исчезнет. Если в документе всё верно, нажмите «Проверено». Сохранить
        программу можно и с предупреждениями.
      </Text>
      <List size="sm" spacing={6} aria-live="polite">
        {warnings.map((w) => {
          const target = warningTargetId(parseWarningPath(w.path));
          const place = warningPlace(parseWarningPath(w.path), draft);
          return (
            <List.Item key={`${w.path}-${w.code}-${w.message}`} data-code={w.code} data-path={w.path}>
              <Anchor
                href={`#${target}`}
                size="sm"
                onClick={(e) => {
                  e.preventDefault();
                  onGo(w);
                }}
              >
                {place}
              </Anchor>
              {' — '}
              {messageInPlace(w)}{' '}
              <Button
                variant="subtle"
                size="compact-xs"
                aria-label={`Проверено: ${place}`}
                onClick={() => props.onCheck(w)}
                style={{ verticalAlign: 'baseline' }}
              >
                Проверено
              </Button>
            </List.Item>
          );
        })}
      </List>
      {checkedNote}
    </Alert>
  );
}

// ---- sections and activities, edited in place

interface DraftSectionProps {
  si: number;
  section: Draft['sections'][number];
  many: boolean;
  period: Draft['period'];
  columns: ActivityColumns;
  byRow: Map<string, DraftWarning[]>;
  read: ReadDeadline;
  folded: boolean;
  onFold: (fold: boolean) => void;
  onChange: SetActivity;
}

function DraftSection(props: DraftSectionProps) {
  const { si, section, columns, folded } = props;
  const titleId = `draft-section-${si}-title`;
  const bodyId = `draft-section-${si}-body`;
  const warned = section.activities.some((_, ai) => props.byRow.has(activityKey(si, ai)));
  const heading =
    [section.number, section.title].filter(Boolean).join(' ') ||
    (props.many ? `Раздел ${si + 1}` : 'Мероприятия программы');
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'xs', sm: 'md' }}
      id={`draft-section-${si}`}
      component="section"
      aria-labelledby={titleId}
    >
      <Group justify="space-between" align="flex-start" gap="xs" mb={folded ? 0 : 'sm'} wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={3} size="h5" id={titleId} style={{ overflowWrap: 'anywhere' }}>
            {heading}
          </Title>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              Мероприятий: {formatNumber(section.activities.length)}
            </Text>
            {warned && (
              <Badge size="sm" color="orange" variant="light" style={{ textTransform: 'none' }}>
                есть предупреждения
              </Badge>
            )}
          </Group>
        </Stack>
        <Button
          variant="subtle"
          size="xs"
          aria-expanded={!folded}
          aria-controls={bodyId}
          onClick={() => props.onFold(!folded)}
          style={{ flexShrink: 0 }}
        >
          {folded ? 'Развернуть' : 'Свернуть'}
        </Button>
      </Group>
      {!folded && (
        <Table.ScrollContainer className="stack-table" minWidth={columnsWidth(columns)} type="native" id={bodyId}>
          <Table
            layout="fixed"
            withTableBorder
            withColumnBorders
            verticalSpacing={6}
            fz="sm"
            aria-labelledby={titleId}
            data-testid="draft-activities"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="8%">№</Table.Th>
                <Table.Th>Мероприятие</Table.Th>
                <Table.Th w="17%">Срок</Table.Th>
                <Table.Th w="15%">{responsibleHeader(columns)}</Table.Th>
                {(columns.plannedResult || columns.indicator) && <Table.Th w="15%">{resultHeader(columns)}</Table.Th>}
                {columns.informationSupport && (
                  <Table.Th w="13%">{'Информа\u00adционное сопро\u00adвождение'}</Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {section.activities.map((activity, ai) => (
                <DraftActivityRow
                  // biome-ignore lint/suspicious/noArrayIndexKey: activities of the draft keep their places.
                  key={ai}
                  si={si}
                  ai={ai}
                  activity={activity}
                  period={props.period}
                  columns={columns}
                  warnings={props.byRow.get(activityKey(si, ai))}
                  read={props.read}
                  onChange={props.onChange}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

const columnsWidth = (c: ActivityColumns) =>
  600 + (c.plannedResult || c.indicator ? 130 : 0) + (c.informationSupport ? 120 : 0);

const responsibleHeader = (c: ActivityColumns) =>
  [c.responsible && 'Ответ\u00adственные', c.executors && 'Испол\u00adнители'].filter(Boolean).join(' / ');
const resultHeader = (c: ActivityColumns) =>
  [c.plannedResult && 'Планируемый результат', c.indicator && 'Показатель реализации'].filter(Boolean).join(' / ');

interface RowProps {
  si: number;
  ai: number;
  activity: DraftActivity;
  period: Draft['period'];
  columns: ActivityColumns;
  warnings: DraftWarning[] | undefined;
  read: ReadDeadline;
  onChange: SetActivity;
}

const signature = (w: DraftWarning[] | undefined) => (w ?? []).map((x) => x.path + x.message).join('|');

const DraftActivityRow = memo(
  function DraftActivityRow({ si, ai, activity, period, columns, warnings = [], read, onChange }: RowProps) {
    const reading = read(activity.deadlineText, period);
    const n = activityNumberLabel(activity.number, ai + 1);
    const id = (field: ActivityField) => `draft-${activityKey(si, ai)}-${field}`;
    const notes = (field: string) =>
      warnings.filter(
        (w) =>
          parseWarningPath(w.path).kind === 'activity' &&
          (parseWarningPath(w.path) as { field: string }).field === field,
      );
    const numberNotes = notes('number');
    const responsibleNotes = notes('responsible');
    const otherNotes = warnings.filter((w) => {
      const t = parseWarningPath(w.path);
      return t.kind === 'activity' && !['number', 'responsible', 'deadline'].includes(t.field);
    });
    // Two fields share a cell (responsible and executors …): then each gets a visible caption.
    const captioned = (field: ActivityField, label: string, show: boolean, warned = false) => (
      <div>
        {show && (
          <Text size="xs" c="dimmed" component="div" aria-hidden>
            {label}
          </Text>
        )}
        {cell(field, label, { warned })}
      </div>
    );
    const cell = (field: ActivityField, label: string, extra: { warned?: boolean; describedBy?: string } = {}) => (
      <textarea
        id={id(field)}
        className="cell-input"
        aria-label={`${label}, мероприятие ${n}`}
        value={activity[field]}
        rows={field === 'number' ? 1 : 2}
        data-warning={extra.warned ? '' : undefined}
        aria-invalid={extra.warned || undefined}
        aria-describedby={extra.describedBy}
        onChange={(e) => onChange(si, ai, field, e.currentTarget.value)}
      />
    );
    const readingId = `${id('deadlineText')}-reading`;
    return (
      <Table.Tr
        data-warning={warnings.length > 0 ? '' : undefined}
        data-row={activityKey(si, ai)}
        style={{ verticalAlign: 'top' }}
      >
        <Table.Td data-label="№">
          {warnings.length > 0 && (
            <IconAlertTriangle
              size={16}
              color="var(--mantine-color-orange-7)"
              aria-label={`Предупреждений: ${warnings.length}`}
              role="img"
              style={{ display: 'block', marginBottom: 4 }}
            />
          )}
          {cell('number', 'Номер', { warned: numberNotes.length > 0 })}
          {numberNotes.map((w) => (
            <InlineWarning key={w.message} message={messageInPlace(w)} />
          ))}
        </Table.Td>
        <Table.Td data-label="Мероприятие">
          {cell('text', 'Текст', { warned: otherNotes.length > 0 })}
          {otherNotes.map((w) => (
            <InlineWarning key={w.message} message={messageInPlace(w)} />
          ))}
        </Table.Td>
        <Table.Td data-label="Срок">
          <textarea
            id={id('deadlineText')}
            className="cell-input"
            aria-label={`Срок, мероприятие ${n}`}
            value={activity.deadlineText}
            rows={1}
            data-warning={reading.kind !== 'unreadable' && reading.warnings.length > 0 ? '' : undefined}
            data-unreadable={reading.kind === 'unreadable' ? '' : undefined}
            aria-invalid={reading.warnings.length > 0 || undefined}
            aria-describedby={readingId}
            onChange={(e) => onChange(si, ai, 'deadlineText', e.currentTarget.value)}
          />
          <DeadlineReading reading={reading} id={readingId} testId="draft-deadline-reading" maxWindows={2} />
        </Table.Td>
        <Table.Td data-label={responsibleHeader(columns)}>
          <Stack gap={6}>
            {columns.responsible &&
              captioned('responsible', 'Ответственные', columns.executors, responsibleNotes.length > 0)}
            {columns.executors &&
              captioned('executors', 'Исполнители', columns.responsible, responsibleNotes.length > 0)}
          </Stack>
          {responsibleNotes.map((w) => (
            <InlineWarning key={w.message} message={messageInPlace(w)} />
          ))}
        </Table.Td>
        {(columns.plannedResult || columns.indicator) && (
          <Table.Td data-label={resultHeader(columns)}>
            <Stack gap={6}>
              {columns.plannedResult && captioned('plannedResult', 'Планируемый результат', columns.indicator)}
              {columns.indicator && captioned('indicator', 'Показатель реализации', columns.plannedResult)}
            </Stack>
          </Table.Td>
        )}
        {columns.informationSupport && (
          <Table.Td data-label="Информационное сопровождение">
            {cell('informationSupport', 'Информационное сопровождение')}
          </Table.Td>
        )}
      </Table.Tr>
    );
  },
  (a, b) =>
    a.activity === b.activity &&
    a.period === b.period &&
    a.columns === b.columns &&
    a.onChange === b.onChange &&
    a.read === b.read &&
    a.si === b.si &&
    a.ai === b.ai &&
    signature(a.warnings) === signature(b.warnings),
);

// ---- appendices

function Appendices({ draft, open, onOpen }: { draft: Draft; open: string[]; onOpen: (v: string[]) => void }) {
  const parts = [
    {
      value: 'group',
      title: 'Рабочая группа',
      count: draft.workingGroup.length,
      body: <WorkingGroupTable rows={draft.workingGroup} />,
    },
    {
      value: 'indicators',
      title: 'Целевые показатели',
      count: draft.indicators.length,
      body: <IndicatorsTable rows={draft.indicators} />,
    },
    {
      value: 'rounds',
      title: 'Контрольные точки мониторинга',
      count: draft.monitoringRounds.length,
      body: <MonitoringRoundsTable rows={draft.monitoringRounds} />,
    },
    {
      value: 'consultations',
      title: 'Консультации',
      count: draft.consultations.length,
      body: <ConsultationsTable rows={draft.consultations} />,
    },
    {
      value: 'tutors',
      title: 'Пары «школа — тьютор»',
      count: draft.tutorPairs.length,
      body: <TutorPairsTable rows={draft.tutorPairs} />,
    },
    {
      value: 'schools',
      title: 'Школы программы',
      count: draft.schools.length,
      body: <SchoolsTable rows={draft.schools} />,
    },
  ].filter((p) => p.count > 0);
  return (
    <section aria-labelledby="draft-appendices-title" id="draft-appendices" tabIndex={-1}>
      <Title order={2} size="h4" mb="xs" id="draft-appendices-title">
        Приложения
      </Title>
      {parts.length === 0 ? (
        <Text size="sm" c="dimmed">
          В документе нет рабочей группы, показателей, консультаций, пар «школа — тьютор» и списков школ.
        </Text>
      ) : (
        <Accordion multiple variant="contained" value={open} onChange={onOpen}>
          {parts.map((p) => (
            <Accordion.Item key={p.value} value={p.value}>
              <Accordion.Control>
                {p.title}: {formatNumber(p.count)}
              </Accordion.Control>
              <Accordion.Panel>{p.body}</Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </section>
  );
}

// ---- owner and saving

const levelOrder: ProgrammeLevel[] = ['region', 'municipality', 'school'];

/**
 * The owner to start from: the level the document names, but never above the user's own territory (a school
 * that loads the regional roadmap it follows can only own it as a school programme), in the user's territory.
 */
function ownerDefaults(me: Me, documentLevel: ProgrammeLevel, onlyRegion: string | null): Owner {
  const own: ProgrammeLevel = me.organisationId ? 'school' : me.municipalityId ? 'municipality' : 'region';
  const level = levelOrder[Math.max(levelOrder.indexOf(documentLevel), levelOrder.indexOf(own))] ?? documentLevel;
  return {
    level,
    regionId: me.regionId ?? onlyRegion,
    municipalityId: level === 'region' ? null : me.municipalityId,
    organisationId: level === 'school' ? me.organisationId : null,
  };
}

function OwnerAndSave(props: {
  me: Me;
  preview: ImportPreview;
  draft: Draft;
  warnings: number;
  onSaved: (id: string) => void;
}) {
  const { me, preview, draft } = props;
  const tree = useTerritoryTree();
  const regions = tree.data ?? [];
  const onlyRegion = regions.length === 1 ? (regions[0]?.id ?? null) : null;
  const [owner, setOwner] = useState<Owner>(() => ownerDefaults(me, draft.level, onlyRegion));
  const [errors, setErrors] = useState<Partial<Record<keyof Owner, string>>>({});
  const [problems, setProblems] = useState<string[]>([]);
  const save = useSaveProgramme();
  const regionId = owner.regionId ?? onlyRegion;
  const set = (changes: Partial<Owner>) => {
    setOwner((o) => ({ ...o, ...changes }));
    setErrors({});
  };

  const submit = () => {
    const found: typeof errors = {};
    if (!regionId) found.regionId = 'Выберите регион.';
    if (owner.level !== 'region' && !owner.municipalityId) found.municipalityId = 'Выберите муниципалитет.';
    if (owner.level === 'school' && !owner.organisationId) found.organisationId = 'Выберите школу.';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setProblems([]);
      return;
    }
    // Readings are left to the server, which reads every deadline again on saving.
    const sections = draft.sections.map((s) => ({
      ...s,
      activities: s.activities.map(({ deadline: _reading, ...a }) => a),
    }));
    const body = {
      draft: { ...draft, level: owner.level, sections },
      owner: {
        regionId,
        municipalityId: owner.level === 'region' ? null : owner.municipalityId,
        organisationId: owner.level === 'school' ? owner.organisationId : null,
      },
      sourceName: preview.fileName,
    };
    const parsed = saveProgrammeBody.safeParse(body);
    if (!parsed.success) {
      setProblems(
        parsed.error.issues.map((issue) => {
          const path = issuePath(issue.path);
          return `${warningPlace(parseWarningPath(path), draft)}: ${issue.message}`;
        }),
      );
      return;
    }
    setProblems([]);
    save.mutate(parsed.data, {
      onSuccess: (programme) => {
        notifications.show({ color: 'teal', message: 'Программа сохранена.' });
        props.onSaved(programme.id);
      },
    });
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="draft-owner">
      <Title order={2} size="h4" mb="xs" id="draft-owner">
        3. Владелец программы
      </Title>
      <Text size="sm" mb="sm">
        Чья это программа: региона, муниципалитета или школы. Её увидят пользователи этой территории и те, кто выше.
      </Text>
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="owner-level-label">
            Уровень
          </Text>
          <SegmentedControl
            aria-labelledby="owner-level-label"
            value={owner.level}
            onChange={(v) => {
              const level = v as ProgrammeLevel;
              set({
                level,
                municipalityId: level === 'region' ? null : owner.municipalityId,
                organisationId: level === 'school' ? owner.organisationId : null,
              });
            }}
            data={(['region', 'municipality', 'school'] as const).map((l) => ({ value: l, label: levelLabels[l] }))}
            w="fit-content"
          />
        </Stack>
        <Group align="flex-start" gap="md" wrap="wrap">
          {regions.length > 1 ? (
            <RegionSelect
              tree={regions}
              value={regionId}
              onChange={(v) => set({ regionId: v, municipalityId: null, organisationId: null })}
              error={errors.regionId}
              required
            />
          ) : (
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                Регион
              </Text>
              <Text size="sm">{regions[0]?.name ?? '—'}</Text>
              {errors.regionId && (
                <Text size="xs" c="red.9">
                  {errors.regionId}
                </Text>
              )}
            </Stack>
          )}
          {owner.level !== 'region' && (
            <MunicipalitySelect
              tree={regions}
              regionId={regionId}
              value={owner.municipalityId}
              onChange={(v) => set({ municipalityId: v, organisationId: null })}
              error={errors.municipalityId}
              required
            />
          )}
          {owner.level === 'school' && (
            <div style={{ minWidth: 280, flex: '1 1 280px', maxWidth: 480 }}>
              <OrganisationSelect
                label="Школа"
                kind="school"
                regionId={regionId}
                municipalityId={owner.municipalityId}
                value={owner.organisationId}
                onChange={(v) => set({ organisationId: v })}
                error={errors.organisationId}
                required
              />
            </div>
          )}
        </Group>
        {problems.length > 0 && (
          <Alert
            color="red"
            variant="light"
            title="Проверьте программу"
            icon={<IconAlertTriangle aria-hidden />}
            role="alert"
          >
            <List size="sm">
              {problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <ErrorAlert error={save.error} />
        <Group gap="sm" mt="xs">
          <Button onClick={submit} loading={save.isPending} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
            Сохранить программу
          </Button>
          {props.warnings > 0 && (
            <Text size="sm" c="dimmed">
              Предупреждений: {formatNumber(props.warnings)}. Их можно исправить и после сохранения.
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
