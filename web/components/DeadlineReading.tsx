import { Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleX } from '@tabler/icons-react';
import { type DeadlineReadingDto, describeReading } from '../lib/deadline-reading.ts';

interface DeadlineReadingProps {
  reading: DeadlineReadingDto;
  id?: string;
  testId?: string;
  /** Windows listed before «и ещё N». */
  maxWindows?: number;
  /** Announce changes to screen readers (under an input the user is typing in). */
  live?: boolean;
}

/** How a deadline was read: kind and windows; warnings in orange, «не распознан» in red. */
export function DeadlineReading({ reading, id, testId, maxWindows = 3, live = false }: DeadlineReadingProps) {
  const view = describeReading(reading, maxWindows);
  const unreadable = view.tone === 'unreadable';
  const warningColor = unreadable ? 'red.9' : 'var(--opora-warning-text)';
  return (
    <Stack
      gap={2}
      id={id}
      data-testid={testId}
      data-kind={reading.kind}
      data-tone={view.tone}
      aria-live={live ? 'polite' : undefined}
      mt={4}
    >
      <Text size="xs" c={unreadable ? 'red.9' : 'dimmed'} component="div">
        {unreadable ? (
          <Group gap={4} wrap="nowrap" align="center">
            <IconCircleX size={14} aria-hidden style={{ flexShrink: 0 }} />
            <Text span size="xs" fw={700} c="red.9">
              Срок {view.kind}
            </Text>
          </Group>
        ) : (
          <>
            <Text span size="xs" fw={600} c="dark.6">
              {view.kind}
            </Text>
            {view.windows && `: ${view.windows}`}
            {view.more > 0 && ` и ещё ${view.more}`}
          </>
        )}
      </Text>
      {view.warnings.map((message) => (
        <Group key={message} gap={4} wrap="nowrap" align="flex-start">
          {!unreadable && (
            <IconAlertTriangle
              size={14}
              aria-hidden
              color="var(--mantine-color-orange-7)"
              style={{ flexShrink: 0, marginTop: 2 }}
            />
          )}
          <Text size="xs" c={warningColor}>
            {message}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
