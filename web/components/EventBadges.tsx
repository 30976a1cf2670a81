// The marks of an event every screen shares: its kind with an icon and colour (the same in the list, on the
// event's page and in the calendar), its status, the people and organisations its responsible names, and
// its attendance in words.
import { Anchor, Badge, Group, Text } from '@mantine/core';
import {
  IconCalendarEvent,
  IconCertificate,
  IconDeviceLaptop,
  IconMapPin,
  IconMessages,
  IconPresentation,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { Link } from 'react-router';
import type { NetworkEvent } from '../api/network.ts';
import {
  capitalise,
  countsText,
  type EventKind,
  eventKindColours,
  eventKindLabels,
  eventStatusViews,
  eventWhen,
} from '../lib/network-format.ts';
import { ViewBadge } from './ExecutionBadges.tsx';

const kindIcons: Record<EventKind, ComponentType<{ size?: number; 'aria-hidden'?: boolean }>> = {
  consultation: IconMessages,
  seminar: IconPresentation,
  webinar: IconDeviceLaptop,
  course: IconCertificate,
  council: IconUsersGroup,
  visit: IconMapPin,
  meeting: IconUsers,
  other: IconCalendarEvent,
};

export function EventKindIcon({ kind, size = 14 }: { kind: EventKind; size?: number }) {
  const Icon = kindIcons[kind];
  return <Icon size={size} aria-hidden />;
}

export function EventKindBadge({ kind }: { kind: EventKind }) {
  return (
    <Badge
      color={eventKindColours[kind]}
      variant="light"
      size="sm"
      tt="none"
      leftSection={<EventKindIcon kind={kind} size={12} />}
      style={{ flexShrink: 0, maxWidth: '100%' }}
      data-testid="event-kind"
    >
      {capitalise(eventKindLabels[kind])}
    </Badge>
  );
}

export function EventStatusBadge({ status }: { status: NetworkEvent['status'] }) {
  return <ViewBadge view={eventStatusViews[status]} testId="event-status" />;
}

/** The date as exact as known, with what it stands for under it. */
export function EventWhen({ event }: { event: NetworkEvent }) {
  const when = eventWhen(event);
  return (
    <>
      <Text size="sm">{when.main}</Text>
      {when.detail && (
        <Text size="xs" c="dimmed">
          {when.detail}
        </Text>
      )}
    </>
  );
}

/** The responsible as written, then the people and organisations recognised in it as links. */
export function EventResponsible({ event, compact = false }: { event: NetworkEvent; compact?: boolean }) {
  if (!event.responsible && event.links.length === 0)
    return (
      <Text size="sm" c="dimmed">
        не указаны
      </Text>
    );
  return (
    <>
      <Text size="sm" lineClamp={compact ? 3 : undefined}>
        {event.responsible}
      </Text>
      {event.links.length > 0 && (
        <Group gap={8} mt={2}>
          {event.links.map((l) => (
            <Anchor
              key={`${l.kind}-${l.id}`}
              component={Link}
              to={l.kind === 'person' ? `/people/${l.id}` : `/organisations/${l.id}`}
              size="xs"
            >
              {l.label}
            </Anchor>
          ))}
        </Group>
      )}
    </>
  );
}

export function EventCounts({ counts }: { counts: NetworkEvent['counts'] }) {
  return (
    <Text size="sm" data-testid="event-counts">
      {countsText(counts)}
    </Text>
  );
}
