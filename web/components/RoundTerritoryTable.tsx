// Execution by municipality or by school, lagging first: the share done of what is not cancelled, overdue,
// in progress. On a dashboard a row opens the level below.
import { Anchor, Text } from '@mantine/core';
import type { TerritoryFiguresDto } from '../../contract/execution.ts';
import { cancelledNote, compareLagging } from '../lib/execution-format.ts';
import { formatNumber } from '../lib/format.ts';
import { type Column, DataTable } from './DataTable.tsx';
import { PercentBar } from './ExecutionBadges.tsx';

interface TerritoryTableProps {
  label: string;
  rows: TerritoryFiguresDto[];
  kind: 'municipality' | 'school';
  threshold?: { min: number; max: number } | null;
  onOpen?: (row: TerritoryFiguresDto) => void;
  testId?: string;
}

export function RoundTerritoryTable({ label, rows, kind, threshold = null, onOpen, testId }: TerritoryTableProps) {
  const columns: Column<TerritoryFiguresDto>[] = [
    {
      key: 'name',
      header: kind === 'municipality' ? 'Муниципалитет' : 'Школа',
      render: (t) => (
        <>
          {onOpen ? (
            <Anchor
              component="button"
              type="button"
              size="sm"
              ta="left"
              onClick={() => onOpen(t)}
              data-testid="territory-open"
            >
              {t.name}
            </Anchor>
          ) : (
            <Text size="sm">{t.name}</Text>
          )}
          {kind === 'school' && t.municipalityName && (
            <Text size="xs" c="dimmed">
              {t.municipalityName}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'percent',
      header: 'Исполнение',
      width: 160,
      render: (t) => <PercentBar percent={t.percent} threshold={threshold} testId="territory-percent" />,
    },
    {
      key: 'done',
      header: 'Исполнено',
      width: 190,
      render: (t) => (
        <>
          {formatNumber(t.done)} из {formatNumber(t.total - t.cancelled)}
          {t.cancelled > 0 && (
            <Text size="xs" c="dimmed">
              {cancelledNote(t.cancelled)}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'overdue',
      header: 'Просрочено',
      width: 110,
      render: (t) => (
        <Text size="sm" c={t.overdue > 0 ? 'red.8' : undefined} fw={t.overdue > 0 ? 600 : undefined}>
          {formatNumber(t.overdue)}
        </Text>
      ),
    },
    { key: 'progress', header: 'Выполняется', width: 120, render: (t) => formatNumber(t.inProgress) },
    { key: 'planned', header: 'Запланировано', width: 130, render: (t) => formatNumber(t.planned) },
  ];
  return (
    <DataTable
      label={label}
      testId={testId}
      columns={columns}
      rows={[...rows].sort(compareLagging)}
      rowKey={(t) => t.id}
      minWidth={820}
      empty="Исполнителей на этом уровне нет."
    />
  );
}
