// A big figure with its label and the parts it is made of, for the heads of execution, round and dashboard
// screens.
import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface FigureProps {
  label: string;
  value: ReactNode;
  /** The parts: «Исполнено 11 из 30 (без учёта 2 отменённых)». */
  detail?: ReactNode;
  /** Mantine colour of the value (red for overdue …). */
  colour?: string | undefined;
  testId?: string;
}

export function DashboardFigure({ label, value, detail, colour, testId }: FigureProps) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text
        fz={typeof value === 'string' && value.length > 12 ? 22 : 28}
        fw={700}
        lh={1.25}
        mt={4}
        c={colour}
        data-testid={testId}
      >
        {value}
      </Text>
      {detail && (
        <Text size="sm" mt={4} component="div">
          {detail}
        </Text>
      )}
    </Paper>
  );
}
