// «Мероприятие»: one consultation, seminar, webinar, course, council meeting or school visit — when (as the plan
// words it and as dates), where, who is responsible, who is invited; the organiser changes, cancels or deletes
// it and marks attendance; schools register their staff.
import { Anchor, Button, Group, Modal, Paper, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBan, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDeleteEvent, useEvent, useUpdateEvent } from '../api/network.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { DetailsList } from '../components/DetailsList.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import {
  EventCounts,
  EventKindBadge,
  EventResponsible,
  EventStatusBadge,
  EventWhen,
} from '../components/EventBadges.tsx';
import { EventForm } from '../components/EventForm.tsx';
import { EventParticipants } from '../components/EventParticipants.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { DeleteDialog } from '../components/RecordActions.tsx';
import { managesProgramme } from '../lib/execution-format.ts';
import {
  audienceText,
  capitalise,
  eventKindLabels,
  eventStatusViews,
  eventWhen,
  windowText,
} from '../lib/network-format.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const back = { to: '/events', label: 'К списку мероприятий' };

export default function EventPage() {
  const me = useCurrentUser();
  if (!can(me, 'event.read')) return <AccessDenied title="Мероприятие" />;
  return <EventCard />;
}

function EventCard() {
  const me = useCurrentUser();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 48em)');
  const event = useEvent(id);
  const update = useUpdateEvent(id);
  const remove = useDeleteEvent();
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [cancelling, setCancelling] = useState(false);
  const [deleting, setDeleting] = useState(false);

  if (event.isPending) return <PageLoader />;
  if (event.isError)
    return (
      <>
        <PageHeader title="Мероприятие" back={back} />
        <ErrorAlert error={event.error} onRetry={() => event.refetch()} />
      </>
    );
  const e = event.data;
  const organiser = can(me, 'event.write') && managesProgramme(me, e);
  const reload = () => void event.refetch();

  const cancel = () =>
    update.mutate(
      { status: 'cancelled', version: e.version },
      {
        onSuccess: () => {
          setCancelling(false);
          notifications.show({ color: 'teal', message: 'Мероприятие отменено.' });
        },
      },
    );
  const confirmDelete = () =>
    remove.mutate(
      { id: e.id, version: e.version },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Мероприятие удалено.' });
          navigate(e.programme ? `/events?programmeId=${e.programme.id}` : '/events', { replace: true });
        },
      },
    );

  return (
    <>
      <PageHeader
        title={e.topic}
        description={`${capitalise(eventKindLabels[e.kind])} · ${eventWhen(e).main} · ${eventStatusViews[e.status].label.toLowerCase()}`}
        back={e.programme ? { to: `/events?programmeId=${e.programme.id}`, label: 'К мероприятиям программы' } : back}
        actions={
          organiser && (
            <>
              <Button
                leftSection={<IconPencil size={18} aria-hidden />}
                onClick={() => {
                  update.reset();
                  setFormKey((k) => k + 1);
                  setEditing(true);
                }}
              >
                Изменить
              </Button>
              {e.status !== 'cancelled' && (
                <Button
                  variant="default"
                  leftSection={<IconBan size={18} aria-hidden />}
                  onClick={() => {
                    update.reset();
                    setCancelling(true);
                  }}
                >
                  Отменить мероприятие
                </Button>
              )}
              {e.counts.attended === 0 && (
                <Button
                  variant="outline"
                  color="red.8"
                  leftSection={<IconTrash size={18} aria-hidden />}
                  onClick={() => {
                    remove.reset();
                    setDeleting(true);
                  }}
                >
                  Удалить
                </Button>
              )}
            </>
          )
        }
      />
      <Stack gap="xl">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <DetailsList
            items={[
              {
                label: 'Вид и статус',
                value: (
                  <Group gap="xs">
                    <EventKindBadge kind={e.kind} />
                    <EventStatusBadge status={e.status} />
                  </Group>
                ),
              },
              { label: 'Когда', value: <EventWhen event={e} /> },
              ...(e.dateText && e.dateText !== windowText(e.windowStart, e.windowEnd)
                ? [{ label: 'Дата как в плане', value: e.dateText }]
                : []),
              ...(e.windowStart !== e.windowEnd || (!e.startsAt && !e.dateText)
                ? [{ label: 'Период', value: windowText(e.windowStart, e.windowEnd) }]
                : []),
              { label: 'Место', value: e.place },
              {
                label: 'Ссылка на подключение',
                value: e.link && (
                  <Anchor href={e.link} target="_blank" rel="noopener noreferrer">
                    {e.link}
                  </Anchor>
                ),
              },
              { label: 'Ответственные', value: <EventResponsible event={e} /> },
              { label: 'Организатор', value: e.organiserName },
              {
                label: 'Программа',
                value: e.programme && (
                  <Anchor component={Link} to={`/programmes/${e.programme.id}`}>
                    {e.programme.title}
                    {e.activity ? ` (мероприятие ${e.activity.number})` : ''}
                  </Anchor>
                ),
              },
              { label: 'Участники', value: audienceText(e.audience) },
              { label: 'Посещаемость', value: <EventCounts counts={e.counts} /> },
            ]}
          />
        </Paper>
        <section aria-labelledby="participants-title">
          <Title order={2} size="h4" mb="sm" id="participants-title">
            Участники и посещаемость
          </Title>
          <EventParticipants
            event={e}
            canMark={organiser}
            canRegister={can(me, 'event.register')}
            onReloadEvent={reload}
          />
        </section>
      </Stack>

      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title="Изменение мероприятия"
        size="xl"
        fullScreen={phone}
      >
        <EventForm
          key={formKey}
          event={e}
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
          onRefresh={() => void event.refetch().then(() => setFormKey((k) => k + 1))}
        />
      </Modal>
      <ConfirmDialog
        opened={cancelling}
        title="Отменить мероприятие?"
        confirmLabel="Отменить мероприятие"
        danger
        loading={update.isPending}
        error={update.error}
        onRefresh={() => {
          update.reset();
          reload();
        }}
        onConfirm={cancel}
        onClose={() => setCancelling(false)}
      >
        Мероприятие останется в списке и календаре со статусом «отменено»; регистрация и отметки посещаемости станут
        недоступны. Вернуть его можно, изменив статус.
      </ConfirmDialog>
      <DeleteDialog
        opened={deleting}
        title="Удалить мероприятие?"
        remove={remove}
        onRefresh={reload}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(false)}
      >
        Мероприятие «{e.topic}» будет удалено вместе с регистрацией участников. Запись об удалении сохранится в журнале
        изменений. Если мероприятие не состоится, лучше отменить его.
      </DeleteDialog>
    </>
  );
}
