// The support's events in the calendar, next to the activities' deadlines: a chip per event on its day, in its
// kind's colour with its kind's icon (deadlines are grey with a timing stripe), and a list «в течение месяца» for
// events the plan dates only by a month («Март 2022 года») or by a long period.
import { Anchor, Box, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { NetworkEvent } from '../api/network.ts';
import {
  capitalise,
  type EventKind,
  eventDay,
  eventKindColours,
  eventKindLabels,
  eventKindOptions,
  eventWhen,
  isWholeMonth,
  localTimeOf,
  windowText,
} from '../lib/network-format.ts';
import { EventKindIcon } from './EventBadges.tsx';

/** The events of each day of the grid (those with a day of their own). */
export function eventsByDay(events: readonly NetworkEvent[]): Map<string, NetworkEvent[]> {
  const days = new Map<string, NetworkEvent[]>();
  for (const e of events) {
    const day = eventDay(e);
    if (!day) continue;
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  return days;
}

/** Events dated by a month or a long period that overlap the month shown. */
export function eventsOfMonth(events: readonly NetworkEvent[], monthStart: string, monthEnd: string): NetworkEvent[] {
  return events
    .filter((e) => eventDay(e) === null && e.windowStart <= monthEnd && e.windowEnd >= monthStart)
    .sort((a, b) => a.windowStart.localeCompare(b.windowStart) || a.windowEnd.localeCompare(b.windowEnd));
}

const colour = (kind: EventKind, shade: number) => `var(--mantine-color-${eventKindColours[kind]}-${shade})`;

export function SupportEventChip({ event: e }: { event: NetworkEvent }) {
  const time = e.startsAt ? `${localTimeOf(e.startsAt, e.timezone)} ` : '';
  const cancelled = e.status === 'cancelled';
  return (
    <Tooltip
      label={`${capitalise(eventKindLabels[e.kind])}: ${e.topic} — ${eventWhen(e).main}${cancelled ? '; отменено' : ''}`}
      multiline
      maw={360}
      withArrow
      openDelay={200}
    >
      <Anchor
        component={Link}
        to={`/events/${e.id}`}
        size="xs"
        underline="never"
        data-testid="calendar-support-event"
        data-kind={e.kind}
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 3,
          padding: '1px 4px',
          borderRadius: 3,
          borderLeft: `3px solid ${colour(e.kind, cancelled ? 3 : 6)}`,
          background: colour(e.kind, 0),
          color: `var(--mantine-color-${eventKindColours[e.kind]}-9)`,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textDecoration: cancelled ? 'line-through' : undefined,
        }}
      >
        <span style={{ display: 'inline-flex', flexShrink: 0 }}>
          <EventKindIcon kind={e.kind} size={12} />
        </span>
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {time}
          {e.topic}
        </span>
      </Anchor>
    </Tooltip>
  );
}

/** «В течение месяца»: the events a plan dates by a month or a long period. */
export function MonthEventsList({ events, monthName }: { events: NetworkEvent[]; monthName: string }) {
  return (
    <section aria-labelledby="month-events-title">
      <Title order={2} size="h4" id="month-events-title" mb="xs">
        Мероприятия в течение месяца
      </Title>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          Мероприятий, которые план относит ко всему месяцу ({monthName.toLowerCase()}) или к длинному периоду, нет.
        </Text>
      ) : (
        <Stack
          gap={6}
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          data-testid="calendar-month-events"
        >
          {events.map((e) => (
            <Group key={e.id} component="li" gap="sm" wrap="nowrap" align="flex-start">
              <Text size="sm" w={190} style={{ flexShrink: 0 }}>
                {e.dateText || windowText(e.windowStart, e.windowEnd)}
                {!isWholeMonth(e.windowStart, e.windowEnd) && e.dateText && (
                  <Text span size="xs" c="dimmed" display="block">
                    {windowText(e.windowStart, e.windowEnd)}
                  </Text>
                )}
              </Text>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="nowrap">
                  <Box c={colour(e.kind, 7)} style={{ display: 'flex', flexShrink: 0 }}>
                    <EventKindIcon kind={e.kind} size={16} />
                  </Box>
                  <Anchor
                    component={Link}
                    to={`/events/${e.id}`}
                    size="sm"
                    lineClamp={2}
                    td={e.status === 'cancelled' ? 'line-through' : undefined}
                  >
                    {e.topic}
                  </Anchor>
                </Group>
                <Text size="xs" c="dimmed" pl={22} lineClamp={1}>
                  {capitalise(eventKindLabels[e.kind])}
                  {e.responsible ? ` · ${e.responsible}` : ''}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </section>
  );
}

/** The kinds' colours and icons, for the legend under the grid. */
export function EventKindLegend({ kinds }: { kinds: readonly EventKind[] }) {
  if (kinds.length === 0) return null;
  return (
    <Group gap="md" wrap="wrap" aria-label="Виды мероприятий">
      {eventKindOptions
        .filter((o) => kinds.includes(o.value))
        .map((o) => (
          <Group key={o.value} gap={4} wrap="nowrap">
            <Box
              c={colour(o.value, 7)}
              bg={colour(o.value, 0)}
              style={{ display: 'flex', padding: 2, borderRadius: 3, borderLeft: `3px solid ${colour(o.value, 6)}` }}
            >
              <EventKindIcon kind={o.value} size={12} />
            </Box>
            <Text size="xs" c="dimmed">
              {o.label}
            </Text>
          </Group>
        ))}
    </Group>
  );
}
