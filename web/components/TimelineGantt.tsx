// The programme's activities on a time axis, Gantt-like: each activity's windows as bars (one-day deadlines
// as marks), months along the top, a line for today, colours by timing. Plain HTML and CSS, no chart library.
import { Box, Group, ScrollArea, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatWindow } from '../lib/deadline-reading.ts';
import {
  type ExecutionStatus,
  executionStatusLabels,
  type Timing,
  timelineScale,
  timingColours,
  timingLabels,
} from '../lib/execution-format.ts';

export interface TimelineActivity {
  activityId: string;
  number: string;
  text: string;
  deadlineText: string;
  windows: { start: string | null; end: string }[];
  status: ExecutionStatus;
  timing: Timing;
  unitsTotal: number;
  unitsDone: number;
}

interface TimelineProps {
  activities: TimelineActivity[];
  today: string;
  /** The programme's period; without it the scale covers the windows. */
  period?: { start: string; end: string } | undefined;
}

const labelWidth = 260;
const rowHeight = 28;

const colourOf = (a: TimelineActivity) =>
  `var(--mantine-color-${a.status === 'cancelled' ? 'gray' : timingColours[a.timing]}-${a.timing === 'due-soon' ? 5 : 6})`;

function scaleBounds(activities: TimelineActivity[], today: string, period?: { start: string; end: string }) {
  if (period) return period;
  const dates = activities.flatMap((a) => a.windows.flatMap((w) => [w.start ?? w.end, w.end]));
  if (dates.length === 0) return { start: today, end: today };
  return { start: dates.reduce((a, b) => (a < b ? a : b)), end: dates.reduce((a, b) => (a > b ? a : b)) };
}

export function TimelineGantt({ activities, today, period }: TimelineProps) {
  const bounds = scaleBounds(activities, today, period);
  const scale = timelineScale(bounds.start, bounds.end);
  const todayAt = today >= scale.start && today < scale.end ? scale.at(today) : null;
  if (activities.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Мероприятий нет.
      </Text>
    );
  return (
    <Box data-testid="timeline">
      <ScrollArea type="auto" offsetScrollbars>
        <Box miw={760} pb={18} style={{ position: 'relative' }}>
          {/* Months along the top */}
          <Box style={{ display: 'flex', height: 24, borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            <Box w={labelWidth} style={{ flexShrink: 0 }} />
            <Box style={{ position: 'relative', flex: 1 }} aria-hidden>
              {scale.months.map((m) => (
                <Text
                  key={m.key}
                  size="xs"
                  c="dimmed"
                  style={{
                    position: 'absolute',
                    left: `${m.left}%`,
                    width: `${m.width}%`,
                    paddingLeft: 3,
                    whiteSpace: 'nowrap',
                    overflow: 'hidden',
                    borderLeft: '1px solid var(--mantine-color-gray-3)',
                  }}
                >
                  {m.label}
                </Text>
              ))}
            </Box>
          </Box>
          <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Мероприятия на шкале времени">
            {activities.map((a) => {
              const windows = a.windows.map(formatWindow).join('; ') || 'без дат';
              const label = `${a.number} ${a.text}`.trim();
              return (
                <Box
                  component="li"
                  key={a.activityId}
                  style={{ display: 'flex', height: rowHeight, borderBottom: '1px solid var(--mantine-color-gray-1)' }}
                  data-testid="timeline-row"
                  data-timing={a.timing}
                >
                  <Text
                    size="xs"
                    w={labelWidth}
                    pr={8}
                    truncate
                    style={{ flexShrink: 0, lineHeight: `${rowHeight}px` }}
                    title={label}
                  >
                    <b>{a.number}</b> {a.text}
                  </Text>
                  <Box style={{ position: 'relative', flex: 1 }}>
                    {scale.months.map((m) => (
                      <Box
                        key={m.key}
                        aria-hidden
                        style={{
                          position: 'absolute',
                          top: 0,
                          bottom: 0,
                          left: `${m.left}%`,
                          borderLeft: '1px solid var(--mantine-color-gray-1)',
                        }}
                      />
                    ))}
                    <Tooltip
                      label={`${executionStatusLabels[a.status]}${a.status === 'done' || a.status === 'cancelled' ? '' : `, ${timingLabels[a.timing].toLowerCase()}`}; срок: ${a.deadlineText || 'не указан'} (${windows}); исполнено ${a.unitsDone} из ${a.unitsTotal}`}
                      multiline
                      maw={360}
                      withArrow
                    >
                      <Box
                        style={{ position: 'absolute', inset: 0 }}
                        role="img"
                        aria-label={`${label}: ${executionStatusLabels[a.status]}; ${windows}`}
                      >
                        {a.windows.map((w) => {
                          const point = w.start === null || w.start === w.end;
                          const left = scale.at(point ? w.end : (w.start as string));
                          const right = scale.at(w.end) + 100 / Math.max(1, scale.months.length * 30);
                          return (
                            <Box
                              key={`${w.start}-${w.end}`}
                              style={{
                                position: 'absolute',
                                top: point ? 8 : 7,
                                height: point ? 12 : 14,
                                left: point ? `calc(${left}% - 6px)` : `${left}%`,
                                width: point ? 12 : `max(4px, ${right - left}%)`,
                                background: colourOf(a),
                                borderRadius: point ? 2 : 3,
                                transform: point ? 'rotate(45deg)' : undefined,
                                opacity: a.status === 'cancelled' ? 0.5 : 1,
                              }}
                            />
                          );
                        })}
                      </Box>
                    </Tooltip>
                  </Box>
                </Box>
              );
            })}
          </Box>
          {todayAt !== null && (
            <Box
              aria-hidden
              data-testid="timeline-today"
              style={{
                position: 'absolute',
                top: 0,
                bottom: 0,
                left: `calc(${labelWidth}px + (100% - ${labelWidth}px) * ${todayAt / 100})`,
                borderLeft: '2px solid var(--mantine-color-red-7)',
                pointerEvents: 'none',
              }}
            >
              <Text
                size="xs"
                c="red.7"
                fw={600}
                style={{ position: 'absolute', bottom: 0, left: 4, whiteSpace: 'nowrap', lineHeight: '16px' }}
              >
                сегодня
              </Text>
            </Box>
          )}
        </Box>
      </ScrollArea>
      <TimingLegend />
    </Box>
  );
}

/** What the colours of activities mean, on the timeline and in the calendar. */
export function TimingLegend({ children }: { children?: ReactNode }) {
  return (
    <Group gap="md" mt="xs" aria-label="Обозначения">
      {(['overdue', 'due-soon', 'on-time', 'closed', 'no-deadline'] as const).map((t) => (
        <Group key={t} gap={6} wrap="nowrap">
          <Box
            w={14}
            h={10}
            style={{
              borderRadius: 2,
              background: `var(--mantine-color-${timingColours[t]}-${t === 'due-soon' ? 5 : 6})`,
            }}
          />
          <Text size="xs">{t === 'closed' ? 'Завершено' : timingLabels[t]}</Text>
        </Group>
      ))}
      {children}
    </Group>
  );
}
