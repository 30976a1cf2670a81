// «Мероприятия»: consultations, seminars, webinars, courses, council meetings and school visits the user's
// territory organises or is invited to, filtered by period, kind, programme and words; with attendance counts.
// Reached from the menu and from a programme («/events?programmeId=…»).
import { Anchor, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCalendar, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type NetworkEvent, useEvents } from '../api/network.ts';
import { useProgrammes } from '../api/programmes.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { type Column, PagedTable } from '../components/DataTable.tsx';
import { DateTextInput } from '../components/DateTextInput.tsx';
import { EventKindBadge, EventResponsible, EventStatusBadge, EventWhen } from '../components/EventBadges.tsx';
import { EventForm } from '../components/EventForm.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { SearchInput } from '../components/SearchInput.tsx';
import { formatNumber } from '../lib/format.ts';
import { countsText, type EventKind, eventKindOptions } from '../lib/network-format.ts';
import { useUrlFilters } from '../lib/search-params.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const pageSize = 50;

export default function EventsPage() {
  const me = useCurrentUser();
  if (!can(me, 'event.read')) return <AccessDenied title="Мероприятия" />;
  return <EventsList canWrite={can(me, 'event.write')} />;
}

const isDate = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

function EventsList({ canWrite }: { canWrite: boolean }) {
  const { values, page, update } = useUrlFilters(['from', 'to', 'kind', 'programmeId', 'q'] as const);
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 48em)');
  const kind = eventKindOptions.some((o) => o.value === values.kind) ? (values.kind as EventKind) : undefined;
  const list = useEvents({
    from: isDate(values.from),
    to: isDate(values.to),
    kind,
    programmeId: values.programmeId,
    q: values.q,
    page,
    pageSize,
  });
  const programmes = useProgrammes({ pageSize: 200 });
  const [creating, setCreating] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const programme = programmes.data?.items.find((p) => p.id === values.programmeId);

  const columns: Column<NetworkEvent>[] = [
    { key: 'when', header: 'Когда', render: (e) => <EventWhen event={e} />, width: 160 },
    {
      key: 'topic',
      header: 'Мероприятие',
      render: (e) => (
        <Stack gap={4}>
          <Group gap={6}>
            <EventKindBadge kind={e.kind} />
            <EventStatusBadge status={e.status} />
          </Group>
          <Anchor component={Link} to={`/events/${e.id}`} fw={500} size="sm" lineClamp={3} data-testid="event-link">
            {e.topic}
          </Anchor>
          {!values.programmeId && e.programme && (
            <Text size="xs" c="dimmed" lineClamp={1} title={e.programme.title}>
              {e.programme.title}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'responsible',
      header: 'Ответственные и организатор',
      render: (e) => (
        <>
          <EventResponsible event={e} compact />
          <Text size="xs" c="dimmed" mt={2}>
            Организатор: {e.organiserName}
          </Text>
        </>
      ),
      width: 280,
    },
    {
      key: 'counts',
      header: 'Участники',
      render: (e) => (
        <div data-testid="event-counts">
          {e.counts.audience + e.counts.registered + e.counts.attended === 0 ? (
            <Text size="sm" c="dimmed">
              {countsText(e.counts)}
            </Text>
          ) : (
            <>
              <Text size="sm">
                присутствовали {formatNumber(e.counts.attended)} из {formatNumber(e.counts.audience)}
              </Text>
              <Text size="xs" c="dimmed">
                зарегистрировано {formatNumber(e.counts.registered)}
              </Text>
            </>
          )}
        </div>
      ),
      width: 170,
    },
  ];

  return (
    <>
      <PageHeader
        title="Мероприятия"
        description={
          programme
            ? `Программа: ${programme.title}`
            : 'Консультации, семинары, вебинары, курсы, заседания и выезды в школы: даты, ответственные, участники и посещаемость.'
        }
        back={programme ? { to: `/programmes/${programme.id}`, label: 'К программе' } : undefined}
        actions={
          <>
            <Button
              component={Link}
              to={values.programmeId ? `/calendar?programmeId=${values.programmeId}` : '/calendar'}
              variant="default"
              leftSection={<IconCalendar size={18} aria-hidden />}
            >
              Календарь
            </Button>
            {canWrite && (
              <Button
                leftSection={<IconPlus size={18} aria-hidden />}
                onClick={() => {
                  setFormKey((k) => k + 1);
                  setCreating(true);
                }}
                data-testid="event-create"
              >
                Запланировать мероприятие
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <SearchInput
            label="Поиск"
            placeholder="Тема или ответственные"
            value={values.q}
            onChange={(q) => update({ q })}
          />
          <Select
            label="Вид"
            placeholder="Все виды"
            data={eventKindOptions}
            value={kind ?? null}
            onChange={(v) => update({ kind: v })}
            clearable
            w={{ base: '100%', xs: 240 }}
          />
          <Select
            label="Программа"
            placeholder="Все программы"
            data={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
            value={values.programmeId ?? null}
            onChange={(v) => update({ programmeId: v })}
            searchable
            clearable
            w={{ base: '100%', sm: 320 }}
            comboboxProps={{ width: 520, position: 'bottom-start' }}
          />
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <DateTextInput
              label="Период с"
              value={isDate(values.from) ?? null}
              onChange={(v) => update({ from: v })}
              allowEmpty
              w={130}
            />
            <DateTextInput
              label="по"
              value={isDate(values.to) ?? null}
              onChange={(v) => update({ to: v })}
              allowEmpty
              w={130}
            />
          </Group>
        </Group>
        <PagedTable
          query={list}
          page={page}
          pageSize={pageSize}
          onPage={(p) => update({ page: p })}
          label="Мероприятия"
          testId="events-table"
          columns={columns}
          rowKey={(e) => e.id}
          minWidth={860}
          empty={
            values.q || kind || values.from || values.to
              ? 'По условиям отбора мероприятий нет.'
              : 'Мероприятий пока нет. Они появляются из графиков консультаций программ или планируются здесь.'
          }
        />
      </Stack>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title="Новое мероприятие"
        size="xl"
        fullScreen={phone}
      >
        <EventForm
          key={formKey}
          programmeId={values.programmeId ?? null}
          onSaved={(e) => {
            setCreating(false);
            navigate(`/events/${e.id}`);
          }}
          onCancel={() => setCreating(false)}
          onRefresh={() => setCreating(false)}
        />
      </Modal>
    </>
  );
}
