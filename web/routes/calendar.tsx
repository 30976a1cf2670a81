// «Календарь»: the user's activity deadlines and windows by month (previous / next), filtered by programme,
// with the support's events (consultations, seminars, courses …) in their kinds' colours — on their day, or
// «в течение месяца» when the plan gives only a month; a personal feed to subscribe to in any calendar
// application, and a programme's .ics file to download.
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  CopyButton,
  Group,
  Modal,
  Paper,
  Popover,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCalendarDown, IconCheck, IconChevronLeft, IconChevronRight, IconCopy, IconRss } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  type CalendarEvent,
  programmeIcsUrl,
  useCalendar,
  useCalendarFeed,
  useRegionDashboard,
} from '../api/execution.ts';
import { type NetworkEvent, useEvents } from '../api/network.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import {
  EventKindLegend,
  eventsByDay,
  eventsOfMonth,
  MonthEventsList,
  SupportEventChip,
} from '../components/EventCalendar.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { TimingLegend } from '../components/TimelineGantt.tsx';
import { isoToRu } from '../lib/deadline-reading.ts';
import {
  executionStatusLabels,
  gridRange,
  type Month,
  monthGrid,
  monthKey,
  monthOfDate,
  monthTitle,
  parseMonthKey,
  shiftMonth,
  timingColours,
  weekdayShort,
} from '../lib/execution-format.ts';
import { formatNumber, plural } from '../lib/format.ts';
import { useUrlFilters } from '../lib/search-params.ts';
import { can, useCurrentUser } from '../lib/session.ts';

export default function CalendarPage() {
  const me = useCurrentUser();
  if (!can(me, 'execution.read')) return <AccessDenied title="Календарь" />;
  return <Calendar />;
}

const pad = (n: number) => String(n).padStart(2, '0');
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

function Calendar() {
  const { values, update } = useUrlFilters(['month', 'programmeId'] as const);
  const today = localToday();
  const month: Month = parseMonthKey(values.month) ?? monthOfDate(today);
  const range = gridRange(month);
  const calendar = useCalendar({ ...range, programmeId: values.programmeId });
  const me = useCurrentUser();
  const support = useEvents({ ...range, programmeId: values.programmeId, pageSize: 1000 }, can(me, 'event.read'));
  const programmes = useRegionDashboard();
  const [feedOpen, setFeedOpen] = useState(false);
  const go = (m: Month) => update({ month: monthKey(m) });
  const events = calendar.data ?? [];
  const monthStart = `${monthKey(month)}-01`;
  const monthEnd = `${monthKey(month)}-${pad(new Date(Date.UTC(month.year, month.month, 0)).getUTCDate())}`;
  const ongoing = useMemo(
    () =>
      events
        .filter((e) => e.start < e.end && e.start <= monthEnd && e.end >= monthStart)
        .sort((a, b) => a.end.localeCompare(b.end)),
    [events, monthStart, monthEnd],
  );
  const supportEvents = useMemo(() => support.data?.items ?? [], [support.data]);
  const supportByDay = useMemo(() => eventsByDay(supportEvents), [supportEvents]);
  const monthEvents = useMemo(
    () => eventsOfMonth(supportEvents, monthStart, monthEnd),
    [supportEvents, monthStart, monthEnd],
  );

  return (
    <>
      <PageHeader
        title="Календарь"
        description="Сроки мероприятий программ, которые вы исполняете или курируете, и консультации, семинары, курсы сети поддержки."
        actions={
          <>
            {values.programmeId && (
              <Button
                component="a"
                href={programmeIcsUrl(values.programmeId)}
                download
                variant="default"
                leftSection={<IconCalendarDown size={18} aria-hidden />}
                data-testid="calendar-ics"
              >
                Скачать .ics программы
              </Button>
            )}
            <Button
              leftSection={<IconRss size={18} aria-hidden />}
              onClick={() => setFeedOpen(true)}
              data-testid="calendar-subscribe"
            >
              Подписаться на календарь
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="xs" wrap="nowrap">
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => go(shiftMonth(month, -1))}
              aria-label="Предыдущий месяц"
              data-testid="calendar-prev"
            >
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <Title order={2} size="h3" miw={190} ta="center" data-testid="calendar-month" aria-live="polite">
              {monthTitle(month)}
            </Title>
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => go(shiftMonth(month, 1))}
              aria-label="Следующий месяц"
              data-testid="calendar-next"
            >
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
            <Button variant="subtle" size="compact-sm" onClick={() => update({ month: null })}>
              Сегодня
            </Button>
          </Group>
          <Select
            aria-label="Программа"
            placeholder="Все программы"
            data={(programmes.data ?? []).map((p) => ({ value: p.programmeId, label: p.title }))}
            value={values.programmeId ?? null}
            onChange={(v) => update({ programmeId: v })}
            clearable
            searchable
            w={{ base: '100%', sm: 420 }}
            comboboxProps={{ width: 520, position: 'bottom-end' }}
          />
        </Group>

        {calendar.isError && <ErrorAlert error={calendar.error} onRetry={() => calendar.refetch()} />}
        {support.isError && <ErrorAlert error={support.error} onRetry={() => support.refetch()} />}

        <MonthGrid
          month={month}
          events={events}
          support={supportByDay}
          today={today}
          loading={calendar.isPending || calendar.isPlaceholderData || support.isPlaceholderData}
        />

        <Legend />
        <EventKindLegend kinds={[...new Set(supportEvents.map((e) => e.kind))]} />

        {can(me, 'event.read') && <MonthEventsList events={monthEvents} monthName={monthTitle(month)} />}

        <section aria-labelledby="ongoing-title">
          <Title order={2} size="h4" id="ongoing-title" mb="xs">
            Периоды исполнения в этом месяце
          </Title>
          {ongoing.length === 0 ? (
            <Text size="sm" c="dimmed">
              Мероприятий, которые исполняются в течение периода, в этом месяце нет.
            </Text>
          ) : (
            <Stack
              gap={4}
              component="ul"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
              data-testid="calendar-ongoing"
            >
              {ongoing.map((e) => (
                <Group key={e.id} component="li" gap="sm" wrap="nowrap" align="flex-start">
                  <Text size="sm" w={190} style={{ flexShrink: 0 }}>
                    {isoToRu(e.start)}–{isoToRu(e.end)}
                  </Text>
                  <EventLink event={e} />
                </Group>
              ))}
            </Stack>
          )}
        </section>
      </Stack>
      <FeedModal opened={feedOpen} onClose={() => setFeedOpen(false)} />
    </>
  );
}

/** What a day shows: deadlines (window ends) and starts of windows. */
function dayEvents(events: readonly CalendarEvent[], day: string) {
  return events.filter((e) => e.end === day || (e.start === day && e.start !== e.end));
}

function MonthGrid(props: {
  month: Month;
  events: CalendarEvent[];
  support: ReadonlyMap<string, NetworkEvent[]>;
  today: string;
  loading: boolean;
}) {
  const weeks = monthGrid(props.month);
  const current = monthKey(props.month);
  return (
    <Paper
      withBorder
      radius="md"
      style={{ overflow: 'hidden', opacity: props.loading ? 0.6 : 1 }}
      aria-busy={props.loading || undefined}
    >
      <Box
        role="grid"
        aria-label={`Календарь: ${monthTitle(props.month)}`}
        data-testid="calendar-grid"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))' }}
      >
        {weekdayShort.map((d) => (
          <Text key={d} role="columnheader" size="xs" fw={700} c="dimmed" ta="center" py={4} bg="gray.0">
            {d}
          </Text>
        ))}
        {weeks.flat().map((day) => {
          const list = dayEvents(props.events, day);
          const supportList = props.support.get(day) ?? [];
          const count = list.length + supportList.length;
          const inMonth = day.startsWith(current);
          const isToday = day === props.today;
          return (
            <Box
              key={day}
              role="gridcell"
              aria-label={`${isoToRu(day)}${count ? `: ${count} ${plural(count, ['событие', 'события', 'событий'])}` : ''}`}
              data-day={day}
              p={4}
              mih={96}
              style={{
                borderTop: '1px solid var(--mantine-color-gray-3)',
                borderLeft: '1px solid var(--mantine-color-gray-2)',
                background: isToday
                  ? 'var(--mantine-color-blue-0)'
                  : inMonth
                    ? undefined
                    : 'var(--mantine-color-gray-0)',
                minWidth: 0,
              }}
            >
              <Text size="xs" fw={isToday ? 700 : 500} c={inMonth ? (isToday ? 'blue.8' : undefined) : 'dimmed'}>
                {Number(day.slice(8))}
              </Text>
              <Stack gap={2} mt={2}>
                {supportList.slice(0, 3).map((e) => (
                  <SupportEventChip key={e.id} event={e} />
                ))}
                {list.slice(0, Math.max(0, 3 - supportList.length)).map((e) => (
                  <EventChip key={`${e.id}-${day}`} event={e} day={day} />
                ))}
                {count > 3 && <MoreEvents events={list} support={supportList} day={day} />}
              </Stack>
            </Box>
          );
        })}
      </Box>
    </Paper>
  );
}

const colourVar = (e: CalendarEvent) =>
  `var(--mantine-color-${e.status === 'cancelled' ? 'gray' : timingColours[e.timing]}-${e.timing === 'due-soon' ? 5 : 6})`;

function EventChip({ event: e, day }: { event: CalendarEvent; day: string }) {
  const starts = e.start === day && e.start !== e.end;
  return (
    <Tooltip
      label={`${e.programmeTitle}: ${e.number} ${e.title} — ${starts ? 'начало' : 'срок'}; ${executionStatusLabels[e.status].toLowerCase()}`}
      multiline
      maw={360}
      withArrow
      openDelay={200}
    >
      <Anchor
        component={Link}
        to={`/programmes/${e.programmeId}/execution`}
        size="xs"
        underline="never"
        data-testid="calendar-event"
        data-timing={e.timing}
        style={{
          display: 'block',
          padding: '1px 4px',
          borderRadius: 3,
          borderLeft: `3px solid ${colourVar(e)}`,
          background: 'var(--mantine-color-gray-0)',
          color: 'var(--mantine-color-dark-7)',
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        }}
      >
        {starts ? '▸ ' : ''}
        {e.number} {e.title}
      </Anchor>
    </Tooltip>
  );
}

function MoreEvents({ events, support, day }: { events: CalendarEvent[]; support: NetworkEvent[]; day: string }) {
  return (
    <Popover width={340} withArrow shadow="md" position="bottom">
      <Popover.Target>
        <Anchor component="button" type="button" size="xs">
          и ещё {formatNumber(events.length + support.length - 3)}
        </Anchor>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600} mb={4}>
          {isoToRu(day)}
        </Text>
        <Stack gap={2}>
          {support.map((e) => (
            <SupportEventChip key={e.id} event={e} />
          ))}
          {events.map((e) => (
            <EventChip key={e.id} event={e} day={day} />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function EventLink({ event: e }: { event: CalendarEvent }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Group gap={6} wrap="nowrap">
        <Box w={10} h={10} style={{ borderRadius: 2, background: colourVar(e), flexShrink: 0 }} />
        <Anchor component={Link} to={`/programmes/${e.programmeId}/execution`} size="sm" lineClamp={2}>
          {e.number} {e.title}
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed" pl={16} lineClamp={1}>
        {e.programmeTitle} · {executionStatusLabels[e.status]}
      </Text>
    </Stack>
  );
}

function Legend() {
  return (
    <TimingLegend>
      <Text size="xs" c="dimmed">
        ▸ — начало периода
      </Text>
    </TimingLegend>
  );
}

/** The personal feed's address is shown once: the server keeps only its hash. */
function FeedModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const feed = useCalendarFeed();
  const close = () => {
    feed.reset();
    onClose();
  };
  // The server answers with a path; calendar applications need the whole address.
  const url = feed.data ? new URL(feed.data.url, window.location.origin).href : '';
  return (
    <Modal opened={opened} onClose={close} title="Подписка на календарь" size="lg">
      <Stack gap="sm">
        <Text size="sm">
          Личная ссылка подключает сроки ваших мероприятий к календарю на телефоне или в почте (Яндекс Календарь,
          Outlook, Google Календарь): добавьте календарь «по ссылке» или «из интернета». Календарь обновляется сам.
        </Text>
        {feed.data ? (
          <>
            <Alert color="orange" variant="light">
              Ссылка показывается один раз. Сохраните её сейчас; по ней виден ваш календарь, не передавайте её другим.
              Новая ссылка отменяет прежнюю.
            </Alert>
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                label="Ссылка для подписки"
                value={url}
                readOnly
                onFocus={(e) => e.currentTarget.select()}
                style={{ flex: 1 }}
                data-testid="calendar-feed-url"
              />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button
                    onClick={copy}
                    variant={copied ? 'light' : 'filled'}
                    color={copied ? 'teal' : undefined}
                    leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  >
                    {copied ? 'Скопировано' : 'Копировать'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Готово
              </Button>
            </Group>
          </>
        ) : (
          <>
            <ErrorAlert error={feed.error} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Отмена
              </Button>
              <Button loading={feed.isPending} onClick={() => feed.mutate()} data-testid="calendar-feed-create">
                Получить ссылку
              </Button>
            </Group>
          </>
        )}
        <Badge variant="transparent" color="gray" tt="none" p={0}>
          Формат iCalendar (.ics)
        </Badge>
      </Stack>
    </Modal>
  );
}
