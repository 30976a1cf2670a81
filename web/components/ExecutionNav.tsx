// The ways around one programme: its card, execution, indicators, approval, monitoring rounds, dashboard and
// its events (consultations, seminars, courses — the network's list filtered by the programme).
// Shown at the top of each of these screens, the current one marked.
import { Button, Group } from '@mantine/core';
import {
  IconCalendarEvent,
  IconChartBar,
  IconChecklist,
  IconFileDescription,
  IconGauge,
  IconListCheck,
  IconTarget,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export type ProgrammeScreen = 'card' | 'execution' | 'indicators' | 'approval' | 'rounds' | 'dashboard' | 'events';

const screens: { key: ProgrammeScreen; label: string; icon: ReactNode; path: (id: string) => string }[] = [
  {
    key: 'card',
    label: 'Карточка',
    icon: <IconFileDescription size={16} aria-hidden />,
    path: (id) => `/programmes/${id}`,
  },
  {
    key: 'execution',
    label: 'Исполнение',
    icon: <IconListCheck size={16} aria-hidden />,
    path: (id) => `/programmes/${id}/execution`,
  },
  {
    key: 'indicators',
    label: 'Показатели',
    icon: <IconTarget size={16} aria-hidden />,
    path: (id) => `/programmes/${id}?tab=indicators`,
  },
  {
    key: 'approval',
    label: 'Согласование',
    icon: <IconChecklist size={16} aria-hidden />,
    path: (id) => `/programmes/${id}?tab=approval`,
  },
  {
    key: 'rounds',
    label: 'Мониторинг',
    icon: <IconChartBar size={16} aria-hidden />,
    path: (id) => `/programmes/${id}/rounds`,
  },
  {
    key: 'dashboard',
    label: 'Дашборд',
    icon: <IconGauge size={16} aria-hidden />,
    path: (id) => `/programmes/${id}/dashboard`,
  },
  {
    key: 'events',
    // Not «Мероприятия»: on the card that word names the roadmap's activities.
    label: 'Консультации и семинары',
    icon: <IconCalendarEvent size={16} aria-hidden />,
    path: (id) => `/events?programmeId=${id}`,
  },
];

/** Links between the screens of a programme; `hide` leaves out what the card shows as its own tabs. */
export function ExecutionNav({
  programmeId,
  current,
  hide = [],
}: {
  programmeId: string;
  current: ProgrammeScreen;
  hide?: readonly ProgrammeScreen[];
}) {
  const id = encodeURIComponent(programmeId);
  return (
    <Group gap={6} wrap="wrap" component="nav" aria-label="Разделы программы" data-testid="programme-nav">
      {screens
        .filter((s) => !hide.includes(s.key))
        .map((s) => (
          <Button
            key={s.key}
            component={Link}
            to={s.path(id)}
            size="compact-sm"
            variant={s.key === current ? 'light' : 'subtle'}
            leftSection={s.icon}
            aria-current={s.key === current ? 'page' : undefined}
          >
            {s.label}
          </Button>
        ))}
    </Group>
  );
}
