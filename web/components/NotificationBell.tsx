// The bell in the header: the count of unread reminders (due soon, overdue, escalations) and their list, each
// leading to the unit it is about. Loaded lazily by the layout, so the first load does not carry it.
import { ActionIcon, Anchor, Button, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Notification, useMarkAllRead, useMarkRead, useNotifications } from '../api/execution.ts';
import { notificationKindViews } from '../lib/execution-format.ts';
import { formatDateTime, formatNumber, plural } from '../lib/format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ViewBadge } from './ExecutionBadges.tsx';

const linkOf = (n: Notification) =>
  n.eventId
    ? `/events/${n.eventId}`
    : n.programmeId
      ? `/programmes/${n.programmeId}/execution${n.executionId ? `?unit=${encodeURIComponent(n.executionId)}` : ''}`
      : null;

export default function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const unread = useNotifications(true);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = unread.data ?? [];
  const count = items.length;
  const label =
    count > 0
      ? `Уведомления: ${formatNumber(count)} ${plural(count, ['непрочитанное', 'непрочитанных', 'непрочитанных'])}`
      : 'Уведомления: непрочитанных нет';
  return (
    <Popover opened={opened} onChange={setOpened} width={380} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Indicator
          label={count > 99 ? '99+' : count}
          size={18}
          color="red"
          disabled={count === 0}
          offset={4}
          data-testid="notifications-count"
          data-count={count}
        >
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={label}
            title={label}
            onClick={() => setOpened((o) => !o)}
            data-testid="notifications-bell"
          >
            <IconBell size={18} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" mb="xs" px={4}>
          <Text fw={600} size="sm">
            Уведомления
          </Text>
          {count > 0 && (
            <Button size="compact-xs" variant="subtle" loading={markAll.isPending} onClick={() => markAll.mutate()}>
              Прочитать все
            </Button>
          )}
        </Group>
        {unread.isError ? (
          <ErrorAlert error={unread.error} onRetry={() => unread.refetch()} />
        ) : count === 0 ? (
          <Text size="sm" c="dimmed" px={4} pb={4}>
            Непрочитанных уведомлений нет.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack
              gap={4}
              component="ul"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
              data-testid="notifications-list"
            >
              {items.map((n) => {
                const to = linkOf(n);
                return (
                  <Stack
                    key={n.id}
                    component="li"
                    gap={2}
                    p={6}
                    style={{ borderRadius: 4, background: 'var(--mantine-color-gray-0)' }}
                  >
                    <Group gap={6} justify="space-between" wrap="nowrap">
                      <ViewBadge view={notificationKindViews[n.kind]} size="xs" />
                      <Text size="xs" c="dimmed">
                        {formatDateTime(n.createdAt)}
                      </Text>
                    </Group>
                    {to ? (
                      <Anchor
                        component={Link}
                        to={to}
                        size="sm"
                        fw={500}
                        onClick={() => {
                          markRead.mutate(n.id);
                          setOpened(false);
                        }}
                      >
                        {n.subject}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={500}>
                        {n.subject}
                      </Text>
                    )}
                    {n.body && (
                      <Text size="xs" lineClamp={3}>
                        {n.body}
                      </Text>
                    )}
                    <Group justify="flex-end">
                      <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate(n.id)}>
                        Прочитано
                      </Button>
                    </Group>
                  </Stack>
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
