// Execution across the rounds of a programme: each round's date and percentage as a bar, frozen ones marked.
import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { isoToRu } from '../lib/deadline-reading.ts';
import { percentColour, percentText } from '../lib/execution-format.ts';

interface TrendPoint {
  date: string;
  executionPercent: number | null;
  frozen: boolean;
}

export function RoundTrend({ points, current }: { points: TrendPoint[]; current?: string }) {
  if (points.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Других мониторингов исполнения пока не было.
      </Text>
    );
  return (
    <Stack gap={8} data-testid="round-trend" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {[...points]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((p) => (
          <Group key={p.date} component="li" gap="sm" wrap="nowrap" data-current={p.date === current || undefined}>
            <Text size="sm" w={96} fw={p.date === current ? 700 : undefined}>
              {isoToRu(p.date)}
            </Text>
            <Progress
              value={p.executionPercent ?? 0}
              color={percentColour(p.executionPercent, null)}
              size="lg"
              style={{ flex: 1 }}
              aria-hidden
            />
            <Text size="sm" w={64} ta="right" fw={600}>
              {percentText(p.executionPercent)}
            </Text>
            <Badge size="xs" variant={p.frozen ? 'filled' : 'outline'} color="gray" tt="none" w={110}>
              {p.frozen ? 'зафиксировано' : 'текущие данные'}
            </Badge>
          </Group>
        ))}
    </Stack>
  );
}
