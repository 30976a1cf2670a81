// The activities that hold a round back: not done by the date, with how many executors did their share.
import { Text } from '@mantine/core';
import type { RoundDetail } from '../api/execution.ts';
import { formatNumber } from '../lib/format.ts';
import { type Column, DataTable } from './DataTable.tsx';
import { StatusBadge, TimingBadge } from './ExecutionBadges.tsx';

type Lagging = RoundDetail['lagging'][number];

export function RoundLagging({ rows }: { rows: Lagging[] }) {
  const columns: Column<Lagging>[] = [
    { key: 'number', header: '№', width: 60, render: (a) => a.number || '—' },
    {
      key: 'text',
      header: 'Мероприятие',
      render: (a) => (
        <>
          <Text size="sm" lineClamp={3}>
            {a.text}
          </Text>
          {a.responsible && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {a.responsible}
            </Text>
          )}
        </>
      ),
    },
    { key: 'deadline', header: 'Срок', width: 170, render: (a) => a.deadlineText || '—' },
    {
      key: 'units',
      header: 'Исполнители',
      width: 130,
      render: (a) => `${formatNumber(a.unitsDone)} из ${formatNumber(a.unitsTotal)}`,
    },
    {
      key: 'status',
      header: 'Состояние',
      width: 210,
      render: (a) => (
        <>
          <StatusBadge status={a.status} />{' '}
          {a.daysOverdue !== null && a.daysOverdue > 0 && <TimingBadge timing="overdue" daysOverdue={a.daysOverdue} />}
        </>
      ),
    },
  ];
  return (
    <DataTable
      label="Отстающие мероприятия"
      testId="round-lagging"
      columns={columns}
      rows={rows}
      rowKey={(a) => a.activityId}
      minWidth={820}
      empty="Отстающих мероприятий нет."
    />
  );
}
