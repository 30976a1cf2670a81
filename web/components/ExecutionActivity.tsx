// One activity on the execution screen: its status and timing, the deadline as written and its reading, the
// roll-up over executors; expanded, the executors with their status, date and evidence.
import { Anchor, Box, Button, Collapse, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import {
  IconChevronDown,
  IconChevronRight,
  IconMessage,
  IconPaperclip,
  IconSitemap,
  IconUsers,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { ActivityExecution, ExecutionUnit } from '../api/execution.ts';
import { isoToRu } from '../lib/deadline-reading.ts';
import { activityDays, rollupText } from '../lib/execution-format.ts';
import { formatNumber } from '../lib/format.ts';
import { DeadlineReading } from './DeadlineReading.tsx';
import { StatusAndTiming } from './ExecutionBadges.tsx';

interface ActivityProps {
  activity: ActivityExecution;
  /** The units to list (after the filters). */
  units: ExecutionUnit[];
  manage: boolean;
  onOpenUnit: (unitId: string) => void;
  onTargets: () => void;
  onCascade: () => void;
}

export function ExecutionActivity({ activity: a, units, manage, onOpenUnit, onTargets, onCascade }: ActivityProps) {
  const single = a.units.length === 1 && units.length === 1;
  const [open, setOpen] = useState(false);
  // A user who sees one unit of one (a school its own share) needs no roll-up.
  const rollup = single ? null : rollupText(a.figures, a.targetKind);
  const listId = `units-${a.activityId}`;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="execution-activity" data-activity={a.activityId}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap="xs" align="flex-start" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 18rem' }}>
            <Text fw={700} size="sm" miw={36}>
              {a.number || '—'}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {a.text}
            </Text>
          </Group>
          <Box style={{ flexShrink: 0 }}>
            <StatusAndTiming status={a.status} timing={a.timing} {...activityDays(a.units)} testId="activity-status" />
          </Box>
        </Group>
        <Group gap="lg" align="flex-start" wrap="wrap" pl={{ base: 0, sm: 44 }}>
          <Box maw={360}>
            <Text size="xs" c="dimmed">
              Срок
            </Text>
            <Text size="sm">{a.deadlineText || 'не указан'}</Text>
            <DeadlineReading reading={a.deadline} maxWindows={2} testId="activity-deadline-reading" />
          </Box>
          {a.responsible && (
            <Box maw={320}>
              <Text size="xs" c="dimmed">
                Ответственные
              </Text>
              <Text size="sm" lineClamp={3}>
                {a.responsible}
              </Text>
            </Box>
          )}
          {rollup && (
            <Box miw={200}>
              <Text size="xs" c="dimmed">
                Исполнение
              </Text>
              <Text size="sm" data-testid="activity-rollup">
                {rollup}
              </Text>
              <Progress
                value={a.figures.percent ?? 0}
                color={a.figures.percent === 100 ? 'teal' : a.timing === 'overdue' ? 'red' : 'blue'}
                size="sm"
                mt={4}
                aria-hidden
              />
            </Box>
          )}
        </Group>
        <Group gap="xs" pl={{ base: 0, sm: 44 }} wrap="wrap">
          {single ? (
            <Button size="compact-sm" variant="light" onClick={() => onOpenUnit(units[0]!.id)} data-testid="open-unit">
              {units[0]!.canReport ? 'Отметить исполнение' : 'Открыть'}
            </Button>
          ) : (
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
              aria-controls={listId}
              leftSection={
                open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />
              }
              data-testid="toggle-units"
            >
              Исполнители: {formatNumber(units.length)}
              {units.length !== a.units.length ? ` из ${formatNumber(a.units.length)}` : ''}
            </Button>
          )}
          {manage && (
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconUsers size={16} aria-hidden />}
              onClick={onTargets}
              data-testid="activity-targets"
            >
              Исполнители и подтверждение
            </Button>
          )}
          {manage && a.suggestedCascade && (
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconSitemap size={16} aria-hidden />}
              onClick={onCascade}
              data-testid="activity-cascade"
            >
              Создать проекты дорожных карт
            </Button>
          )}
        </Group>
        {!single && (
          <Collapse expanded={open} id={listId}>
            {open && <UnitsTable units={units} onOpen={onOpenUnit} />}
          </Collapse>
        )}
      </Stack>
    </Paper>
  );
}

function UnitsTable({ units, onOpen }: { units: ExecutionUnit[]; onOpen: (id: string) => void }) {
  return (
    <Table.ScrollContainer minWidth={640} type="native" mt="xs">
      <Table striped withTableBorder fz="sm" data-testid="units-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Исполнитель</Table.Th>
            <Table.Th w={220}>Статус</Table.Th>
            <Table.Th w={110}>Исполнено</Table.Th>
            <Table.Th w={150}>Подтверждения</Table.Th>
            <Table.Th w={110} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.id} data-testid="unit-row" data-unit={u.id}>
              <Table.Td>
                <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onOpen(u.id)}>
                  {u.executorName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusAndTiming
                  status={u.status}
                  timing={u.timing}
                  daysOverdue={u.daysOverdue}
                  daysLeft={u.daysLeft}
                  testId="unit-status"
                />
              </Table.Td>
              <Table.Td className="nowrap">{u.completedOn ? isoToRu(u.completedOn) : '—'}</Table.Td>
              <Table.Td>
                <Group gap={8} wrap="nowrap">
                  <Group gap={2} wrap="nowrap" title="Подтверждений" aria-label={`Подтверждений: ${u.evidence.length}`}>
                    <IconPaperclip size={14} aria-hidden />
                    <Text size="sm">{u.evidence.length}</Text>
                  </Group>
                  {u.comments > 0 && (
                    <Group gap={2} wrap="nowrap" title="Сообщений" aria-label={`Сообщений: ${u.comments}`}>
                      <IconMessage size={14} aria-hidden />
                      <Text size="sm">{u.comments}</Text>
                    </Group>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => onOpen(u.id)}
                  aria-label={`Открыть: ${u.executorName}`}
                >
                  {u.canReport ? 'Отметить' : 'Открыть'}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
