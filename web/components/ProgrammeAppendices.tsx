// The appendices of a programme as read-only tables: working group, target indicators, consultations,
// tutor pairs, listed schools, monitoring rounds. Shared by the import preview and the programme card.
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ProgrammeDraftDto } from '../../contract/programmes.ts';
import { isoToRu } from '../lib/deadline-reading.ts';
import { schoolRoleLabels } from '../lib/programme-format.ts';
import { type Column, DataTable } from './DataTable.tsx';
import { DeadlineReading } from './DeadlineReading.tsx';

type Indexed<T> = T & { i: number };
const indexed = <T,>(rows: readonly T[]): Indexed<T>[] => rows.map((r, i) => ({ ...r, i }));
const key = (r: { i: number }) => String(r.i);
const dash = (text: string) => (text.trim() === '' ? '—' : text);

/** Several short values in one cell, a line each; a dash when there are none. */
function lines<T>(items: readonly T[], keyOf: (item: T) => string, render: (item: T) => ReactNode) {
  return items.length === 0
    ? '—'
    : items.map((item) => (
        <Text key={keyOf(item)} size="sm">
          {render(item)}
        </Text>
      ));
}

interface AppendixTableProps<T> {
  label: string;
  testId: string;
  columns: Column<Indexed<T>>[];
  /** Rows numbered in the order they are shown. */
  rows: Indexed<T>[];
  minWidth: number;
  empty: string;
}

function AppendixTable<T>(props: AppendixTableProps<T>) {
  return <DataTable {...props} rowKey={key} />;
}

type Member = ProgrammeDraftDto['workingGroup'][number];
type Indicator = ProgrammeDraftDto['indicators'][number];
type Consultation = ProgrammeDraftDto['consultations'][number];
type TutorPair = ProgrammeDraftDto['tutorPairs'][number];
type School = ProgrammeDraftDto['schools'][number];
type Round = ProgrammeDraftDto['monitoringRounds'][number];

const memberColumns: Column<Indexed<Member>>[] = [
  { key: 'n', header: '№', render: (m) => m.i + 1, width: 48 },
  { key: 'name', header: 'ФИО', render: (m) => dash(m.fullName), width: 240 },
  { key: 'position', header: 'Должность', render: (m) => dash(m.position) },
  { key: 'role', header: 'Роль в группе', render: (m) => dash(m.role), width: 200 },
];

export function WorkingGroupTable({ rows }: { rows: readonly Member[] }) {
  return (
    <AppendixTable
      label="Рабочая группа"
      testId="working-group-table"
      columns={memberColumns}
      rows={indexed(rows)}
      minWidth={640}
      empty="Рабочая группа не указана."
    />
  );
}

const indicatorColumns: Column<Indexed<Indicator>>[] = [
  { key: 'n', header: '№', render: (r) => dash(r.number || String(r.i + 1)), width: 56 },
  {
    key: 'name',
    header: 'Показатель',
    render: (r) => (
      <>
        {r.direction && (
          <Text size="xs" c="dimmed">
            {r.direction}
          </Text>
        )}
        {dash(r.name)}
      </>
    ),
  },
  { key: 'unit', header: 'Ед. изм.', render: (r) => dash(r.unit), width: 90 },
  { key: 'baseline', header: 'Базовое значение', render: (r) => dash(r.baseline), width: 140 },
  { key: 'actual', header: 'Фактическое значение', render: (r) => dash(r.actual), width: 160 },
  {
    key: 'targets',
    header: 'Целевые значения',
    width: 200,
    render: (r) =>
      lines(
        r.targets,
        (t) => `${t.period}-${t.value}`,
        (t) => (
          <>
            {t.period ? `${t.period}: ` : ''}
            {t.value}
          </>
        ),
      ),
  },
];

export function IndicatorsTable({ rows }: { rows: readonly Indicator[] }) {
  return (
    <AppendixTable
      label="Целевые показатели"
      testId="indicators-table"
      columns={indicatorColumns}
      rows={indexed(rows)}
      minWidth={760}
      empty="Целевые показатели не указаны."
    />
  );
}

const consultationColumns: Column<Indexed<Consultation>>[] = [
  { key: 'n', header: '№', render: (c) => c.i + 1, width: 48 },
  { key: 'topic', header: 'Тема', render: (c) => dash(c.topic) },
  {
    key: 'when',
    header: 'Срок',
    width: 220,
    render: (c) => (
      <>
        {dash(c.whenText)}
        {c.when && <DeadlineReading reading={c.when} maxWindows={2} />}
      </>
    ),
  },
  {
    key: 'responsible',
    header: 'Ответственные',
    width: 280,
    render: (c) =>
      lines(
        c.responsible,
        (r) => r,
        (r) => r,
      ),
  },
];

export function ConsultationsTable({ rows }: { rows: readonly Consultation[] }) {
  return (
    <AppendixTable
      label="График консультаций"
      testId="consultations-table"
      columns={consultationColumns}
      rows={indexed(rows)}
      minWidth={760}
      empty="Консультации не запланированы."
    />
  );
}

const pairColumns: Column<Indexed<TutorPair>>[] = [
  { key: 'n', header: '№', render: (p) => p.i + 1, width: 48 },
  { key: 'school', header: 'Школа', render: (p) => dash(p.school) },
  { key: 'tutor', header: 'Школа-тьютор', render: (p) => dash(p.tutor) },
];

export function TutorPairsTable({ rows }: { rows: readonly TutorPair[] }) {
  return (
    <AppendixTable
      label="Пары «школа — тьютор»"
      testId="tutor-pairs-table"
      columns={pairColumns}
      rows={indexed(rows)}
      minWidth={520}
      empty="Пары «школа — тьютор» не указаны."
    />
  );
}

const schoolColumns: Column<Indexed<School>>[] = [
  { key: 'n', header: '№', render: (s) => s.i + 1, width: 48 },
  { key: 'name', header: 'Школа', render: (s) => dash(s.name) },
  { key: 'role', header: 'Роль в программе', render: (s) => schoolRoleLabels[s.role], width: 260 },
];

export function SchoolsTable({ rows }: { rows: readonly School[] }) {
  // Grouped by role in the order the roles are listed, then as written.
  const order = Object.keys(schoolRoleLabels);
  const sorted = indexed(rows).sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.i - b.i);
  return (
    <AppendixTable
      label="Школы программы"
      testId="schools-table"
      columns={schoolColumns}
      rows={sorted.map((s, i) => ({ ...s, i }))}
      minWidth={520}
      empty="Школы не перечислены."
    />
  );
}

const roundColumns: Column<Indexed<Round>>[] = [
  { key: 'date', header: 'Дата', render: (r) => isoToRu(r.date), width: 120, nowrap: true },
  {
    key: 'share',
    header: 'Доля выполненных мероприятий',
    render: (r) => (r.minPercent === r.maxPercent ? `${r.minPercent} %` : `${r.minPercent}–${r.maxPercent} %`),
  },
  { key: 'text', header: 'Как записано', render: (r) => dash(r.text) },
];

export function MonitoringRoundsTable({ rows }: { rows: readonly Round[] }) {
  return (
    <AppendixTable
      label="Контрольные точки мониторинга"
      testId="monitoring-rounds-table"
      columns={roundColumns}
      rows={indexed(rows)}
      minWidth={480}
      empty="Контрольные точки не указаны."
    />
  );
}
