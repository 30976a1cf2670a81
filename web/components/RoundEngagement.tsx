// Engagement monitoring (seed 004 items 11 and 13): the round's criteria in two groups, and a score grid with
// a row per municipality or school — organisational and content totals, the share of the maximum and the
// level. Scores are entered while the round is open, a row at a time.
import { Badge, Button, List, NumberInput, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type RoundDetail, useSetEngagement } from '../api/execution.ts';
import {
  criterionGroupLabels,
  engagementLevelColours,
  engagementLevelLabels,
  formatShare,
} from '../lib/execution-format.ts';
import { formatNumber } from '../lib/format.ts';
import { ExecutionError } from './ExecutionError.tsx';

type Row = RoundDetail['engagement'][number];
type Criterion = RoundDetail['criteria'][number];

export function RoundEngagement({
  round,
  canWrite,
  onReload,
}: {
  round: RoundDetail;
  canWrite: boolean;
  onReload: () => void;
}) {
  const editable = canWrite && round.frozenAt === null;
  const criteria = [...round.criteria].sort((a, b) =>
    a.group === b.group ? 0 : a.group === 'organisational' ? -1 : 1,
  );
  const code = (c: Criterion) => `К${criteria.indexOf(c) + 1}`;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="engagement-criteria">
        {(['organisational', 'content'] as const).map((g) => (
          <div key={g}>
            <Title order={3} size="h5" mb={4}>
              {criterionGroupLabels[g]}
            </Title>
            <List size="sm" spacing={2}>
              {criteria
                .filter((c) => c.group === g)
                .map((c) => (
                  <List.Item key={c.key}>
                    <b>{code(c)}.</b> {c.text} (до {c.max} б.)
                  </List.Item>
                ))}
            </List>
          </div>
        ))}
      </SimpleGrid>
      {round.engagement.length === 0 ? (
        <Text size="sm" c="dimmed">
          Участников мониторинга нет: оценки выставляются муниципалитетам и школам — исполнителям программы.
        </Text>
      ) : (
        <Table.ScrollContainer
          minWidth={560 + criteria.length * 48}
          type="native"
          tabIndex={0}
          role="region"
          aria-label="Оценки вовлечённости"
        >
          <Table withTableBorder withColumnBorders striped fz="sm" data-testid="engagement-grid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={200}>Участник</Table.Th>
                {criteria.map((c) => (
                  <Table.Th key={c.key} w={48} title={c.text} ta="center" px={4}>
                    {code(c)}
                  </Table.Th>
                ))}
                <Table.Th w={70} ta="center" title={criterionGroupLabels.organisational}>
                  Орг.
                </Table.Th>
                <Table.Th w={70} ta="center" title={criterionGroupLabels.content}>
                  Сод.
                </Table.Th>
                <Table.Th w={90} ta="center">
                  Итого
                </Table.Th>
                <Table.Th w={100}>Уровень</Table.Th>
                {editable && <Table.Th w={100} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {round.engagement.map((r) => (
                <EngagementRow
                  key={`${r.kind}-${r.id}-${r.version ?? 0}`}
                  round={round}
                  row={r}
                  criteria={criteria}
                  editable={editable}
                  onReload={onReload}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function EngagementRow(props: {
  round: RoundDetail;
  row: Row;
  criteria: Criterion[];
  editable: boolean;
  onReload: () => void;
}) {
  const { row, criteria, editable } = props;
  const [scores, setScores] = useState<Record<string, number>>(row.scores);
  const save = useSetEngagement(props.round.id);
  const changed = JSON.stringify(scores) !== JSON.stringify(row.scores);
  return (
    <>
      <Table.Tr data-testid="engagement-row">
        <Table.Td>
          <Text size="sm">{row.name}</Text>
          {row.kind === 'school' && row.municipalityName && (
            <Text size="xs" c="dimmed">
              {row.municipalityName}
            </Text>
          )}
        </Table.Td>
        {criteria.map((c) => (
          <Table.Td key={c.key} ta="center" p={4}>
            {editable ? (
              <NumberInput
                aria-label={`${row.name}: ${c.text}`}
                value={scores[c.key] ?? ''}
                onChange={(v) =>
                  setScores((s) => {
                    const next = { ...s };
                    if (v === '' || v === undefined) delete next[c.key];
                    else next[c.key] = Math.min(c.max, Math.max(0, Math.round(Number(v))));
                    return next;
                  })
                }
                min={0}
                max={c.max}
                allowDecimal={false}
                hideControls
                size="xs"
                w={42}
                styles={{ input: { textAlign: 'center', paddingInline: 4 } }}
              />
            ) : (
              (row.scores[c.key] ?? '—')
            )}
          </Table.Td>
        ))}
        <Table.Td ta="center">{formatNumber(row.organisational)}</Table.Td>
        <Table.Td ta="center">{formatNumber(row.content)}</Table.Td>
        <Table.Td ta="center">
          <Text size="sm" fw={600}>
            {formatNumber(row.total)} / {formatNumber(row.max)}
          </Text>
          <Text size="xs" c="dimmed">
            {formatShare(row.percent)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Badge color={engagementLevelColours[row.level]} variant="light" tt="none" data-testid="engagement-level">
            {engagementLevelLabels[row.level]}
          </Badge>
        </Table.Td>
        {editable && (
          <Table.Td>
            <Button
              size="compact-xs"
              disabled={!changed}
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  {
                    kind: row.kind,
                    territoryId: row.id,
                    scores,
                    ...(row.version !== null && { version: row.version }),
                  },
                  { onSuccess: () => notifications.show({ color: 'teal', message: `Оценки сохранены: ${row.name}.` }) },
                )
              }
            >
              Сохранить
            </Button>
          </Table.Td>
        )}
      </Table.Tr>
      {save.error ? (
        <Table.Tr>
          <Table.Td colSpan={criteria.length + 6}>
            <ExecutionError
              error={save.error}
              onReload={() => {
                save.reset();
                props.onReload();
              }}
            />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
