// The small marks every execution screen shares: status, timing, a percentage with its bar.
import { Badge, Group, Progress, Text, Tooltip } from '@mantine/core';
import {
  type BadgeView,
  type ExecutionStatus,
  executionStatusLabels,
  percentColour,
  percentText,
  statusColours,
  type Timing,
  timingView,
} from '../lib/execution-format.ts';

/** A badge with its longer explanation as a tooltip (and as text for screen readers). */
export function ViewBadge({
  view,
  testId,
  size = 'sm',
}: {
  view: BadgeView;
  testId?: string;
  size?: 'xs' | 'sm' | 'md';
}) {
  const badge = (
    <Badge
      color={view.colour}
      variant="light"
      size={size}
      tt="none"
      data-testid={testId}
      aria-label={view.title ? `${view.label}: ${view.title}` : undefined}
      style={{ flexShrink: 0 }}
    >
      {view.label}
    </Badge>
  );
  return view.title ? (
    <Tooltip label={view.title} withArrow openDelay={200}>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

export function StatusBadge({ status, testId }: { status: ExecutionStatus; testId?: string }) {
  return (
    <Badge
      color={statusColours[status]}
      variant={status === 'cancelled' ? 'outline' : 'light'}
      size="sm"
      tt="none"
      data-testid={testId}
      data-status={status}
      style={{ flexShrink: 0 }}
    >
      {executionStatusLabels[status]}
    </Badge>
  );
}

export function TimingBadge(props: {
  timing: Timing;
  daysOverdue?: number | null;
  daysLeft?: number | null;
  testId?: string;
}) {
  const view = timingView(props.timing, props.daysOverdue ?? null, props.daysLeft ?? null);
  return view ? <ViewBadge view={view} testId={props.testId} /> : null;
}

export function StatusAndTiming(props: {
  status: ExecutionStatus;
  timing: Timing;
  daysOverdue?: number | null;
  daysLeft?: number | null;
  testId?: string;
}) {
  return (
    <Group gap={6} wrap="wrap">
      <StatusBadge status={props.status} testId={props.testId} />
      <TimingBadge
        timing={props.timing}
        daysOverdue={props.daysOverdue}
        daysLeft={props.daysLeft}
        testId={props.testId && `${props.testId}-timing`}
      />
    </Group>
  );
}

/** «36,7 %» over a bar coloured against the threshold. */
export function PercentBar({
  percent,
  threshold = null,
  testId,
  width = 140,
}: {
  percent: number | null;
  threshold?: { min: number; max: number } | null;
  testId?: string;
  width?: number | string;
}) {
  return (
    <div style={{ minWidth: 80, width }}>
      <Text size="sm" fw={600} data-testid={testId}>
        {percentText(percent)}
      </Text>
      <Progress
        value={percent ?? 0}
        color={percentColour(percent, threshold)}
        size="sm"
        aria-hidden
        mt={2}
        bg="gray.2"
      />
    </div>
  );
}
