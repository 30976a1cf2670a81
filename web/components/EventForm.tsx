// Planning an event or changing it: its kind and topic, the date as the plan words it («Март 2022 года») read
// live into dates (which the user may correct), an optional time, place or link, the responsible, and the
// audience — staff categories, subjects and which schools. The organiser is the user's own territory.
import {
  Button,
  Group,
  MultiSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useMemo, useState } from 'react';
import { eventInput, eventPatch } from '../../contract/network.ts';
import { readDeadline } from '../../domain/deadline/read-deadline.ts';
import { type NetworkEvent, useCreateEvent, useUpdateEvent } from '../api/network.ts';
import { useProgrammes } from '../api/programmes.ts';
import { useTerritoryTree } from '../api/queries.ts';
import { formatWindow } from '../lib/deadline-reading.ts';
import { serverFieldErrors, useForm } from '../lib/form.ts';
import {
  audienceSchoolsLabels,
  categoryOptions,
  type EventKind,
  type EventStatus,
  eventKindOptions,
  eventStatusOptions,
  localTimeOf,
  momentOf,
  type StaffCategory,
  subjectOptions,
} from '../lib/network-format.ts';
import { useCurrentUser } from '../lib/session.ts';
import { DateTextInput } from './DateTextInput.tsx';
import { SchoolsMultiSelect } from './EventSchoolsSelect.tsx';
import { ExecutionError } from './ExecutionError.tsx';
import { RegionSelect } from './TerritorySelects.tsx';

type Schools = NetworkEvent['audience']['schools'];

interface FormValues extends Record<string, unknown> {
  regionId: string | null;
  programmeId: string | null;
  kind: EventKind;
  topic: string;
  dateText: string;
  windowStart: string | null;
  windowEnd: string | null;
  startTime: string;
  endTime: string;
  place: string;
  link: string;
  responsible: string;
  categories: StaffCategory[];
  subjects: string[];
  schools: Schools;
  organisationIds: string[];
  status: EventStatus;
}

interface EventFormProps {
  event?: NetworkEvent;
  /** A new event of this programme (the list filtered by a programme). */
  programmeId?: string | null;
  onSaved: (event: NetworkEvent) => void;
  onCancel: () => void;
  onRefresh: () => void;
}

const shownFields = [
  'kind',
  'topic',
  'dateText',
  'windowStart',
  'windowEnd',
  'startsAt',
  'endsAt',
  'place',
  'link',
  'responsible',
  'programmeId',
  'regionId',
];

const currentYear = new Date().getFullYear();

export function EventForm({ event, onSaved, onCancel, onRefresh, ...props }: EventFormProps) {
  const me = useCurrentUser();
  const tree = useTerritoryTree();
  const programmes = useProgrammes({ pageSize: 200 }, !event);
  const regions = tree.data ?? [];
  const form = useForm<FormValues>({
    regionId: event?.regionId ?? me.regionId ?? (regions.length === 1 ? (regions[0]?.id ?? null) : null),
    programmeId: event?.programme?.id ?? props.programmeId ?? null,
    kind: event?.kind ?? 'consultation',
    topic: event?.topic ?? '',
    dateText: event?.dateText ?? '',
    windowStart: event?.windowStart ?? null,
    windowEnd: event?.windowEnd ?? null,
    startTime: localTimeOf(event?.startsAt ?? null, event?.timezone),
    endTime: localTimeOf(event?.endsAt ?? null, event?.timezone),
    place: event?.place ?? '',
    link: event?.link ?? '',
    responsible: event?.responsible ?? '',
    categories: event?.audience.categories ?? [],
    subjects: event?.audience.subjects ?? [],
    schools: event?.audience.schools ?? (props.programmeId ? 'programme' : 'territory'),
    organisationIds: event?.audience.organisationIds ?? [],
    status: event?.status ?? 'planned',
  });
  const { values, set, errors } = form;
  // Dates typed by hand are kept; until then they follow the reading of «дата как в плане».
  const [datesTouched, setDatesTouched] = useState(false);
  const create = useCreateEvent();
  const update = useUpdateEvent(event?.id ?? '');
  const mutation = event ? update : create;

  const programme = programmes.data?.items.find((p) => p.id === values.programmeId);
  const regionId = programme?.regionId ?? values.regionId ?? (regions.length === 1 ? (regions[0]?.id ?? null) : null);
  // Times are typed and shown on the region's clocks, wherever the user's browser is.
  const timezone = event?.timezone ?? regions.find((r) => r.id === regionId)?.timezone;
  const period = useMemo(
    () => programme?.period ?? { start: `${currentYear}-01-01`, end: `${currentYear + 1}-12-31` },
    [programme?.period],
  );
  const reading = useMemo(
    () => (values.dateText.trim() ? readDeadline(values.dateText, period) : null),
    [values.dateText, period],
  );
  const readWindow = (() => {
    const windows = reading?.windows ?? [];
    if (windows.length === 0) return null;
    const starts = windows.map((w) => w.start ?? w.end).sort();
    const ends = windows.map((w) => w.end).sort();
    return { start: starts[0]!, end: ends[ends.length - 1]! };
  })();

  const setDateText = (text: string) => {
    set('dateText', text);
    if (datesTouched) return;
    const windows = text.trim() ? readDeadline(text, period).windows : [];
    if (windows.length === 0) return;
    set('windowStart', windows.map((w) => w.start ?? w.end).sort()[0]!);
    set('windowEnd', windows.map((w) => w.end).sort()[windows.length - 1]!);
  };

  const onError = (error: unknown) => form.setErrors(serverFieldErrors(error));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const startsAt = momentOf(values.windowStart, values.startTime, timezone);
    const endsAt = momentOf(values.windowEnd ?? values.windowStart, values.endTime, timezone);
    const timeErrors = {
      startsAt: startsAt === undefined ? 'Время в формате ЧЧ:ММ, например 10:00.' : undefined,
      endsAt: endsAt === undefined ? 'Время в формате ЧЧ:ММ, например 12:30.' : undefined,
    };
    const audience = {
      categories: values.categories,
      subjects: values.subjects,
      schools: values.schools,
      organisationIds: values.schools === 'chosen' ? values.organisationIds : [],
    };
    const fields = {
      kind: values.kind,
      topic: values.topic,
      dateText: values.dateText.trim(),
      windowStart: values.windowStart ?? '',
      windowEnd: values.windowEnd ?? values.windowStart ?? '',
      startsAt: startsAt ?? null,
      endsAt: endsAt ?? null,
      place: values.place,
      link: values.link.trim(),
      responsible: values.responsible,
      audience,
    };
    const dateErrors = {
      windowStart: values.windowStart ? undefined : 'Укажите дату начала (ДД.ММ.ГГГГ).',
      // Without a start the end has nothing to be checked against: only the start is asked for.
      windowEnd: undefined,
      chosen:
        values.schools === 'chosen' && values.organisationIds.length === 0 ? 'Выберите хотя бы одну школу.' : undefined,
    };
    if (!event) {
      const input = form.validate(eventInput, {
        ...fields,
        regionId,
        municipalityId: me.municipalityId,
        organisationId: me.organisationId,
        programmeId: values.programmeId,
      });
      const extra = { ...timeErrors, ...dateErrors, ...(regionId ? {} : { regionId: 'Выберите регион.' }) };
      if (!input || Object.values(extra).some(Boolean)) {
        form.setErrors((prev) => ({ ...(input ? {} : prev), ...extra }));
        return;
      }
      create.mutate(input, {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: 'Мероприятие запланировано.' });
          onSaved(saved);
        },
        onError,
      });
      return;
    }
    if (Object.values({ ...timeErrors, ...dateErrors }).some(Boolean)) {
      form.setErrors({ ...timeErrors, ...dateErrors });
      return;
    }
    // Only what changed, so a colleague's edit of another field (or the attendance) is not overwritten.
    const before: Record<string, unknown> = {
      kind: event.kind,
      topic: event.topic,
      dateText: event.dateText,
      windowStart: event.windowStart,
      windowEnd: event.windowEnd,
      startsAt: event.startsAt ? new Date(event.startsAt).toISOString() : null,
      endsAt: event.endsAt ? new Date(event.endsAt).toISOString() : null,
      place: event.place,
      link: event.link,
      responsible: event.responsible,
      status: event.status,
    };
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries({ ...fields, status: values.status }))
      if (key === 'audience' ? JSON.stringify(value) !== JSON.stringify(event.audience) : value !== before[key])
        changes[key] = value;
    if (Object.keys(changes).length === 0) {
      notifications.show({ message: 'Изменений нет.' });
      onCancel();
      return;
    }
    const patch = form.validate(eventPatch, { ...changes, version: event.version });
    if (!patch) return;
    update.mutate(patch, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: 'Изменения сохранены.' });
        onSaved(saved);
      },
      onError,
    });
  };

  const programmeOptions = (programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }));

  return (
    <form onSubmit={submit} noValidate data-testid="event-form">
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label="Вид"
            data={eventKindOptions}
            value={values.kind}
            onChange={(v) => v && set('kind', v as EventKind)}
            allowDeselect={false}
            error={errors.kind}
            w={300}
          />
          {event && (
            <Select
              label="Статус"
              data={eventStatusOptions}
              value={values.status}
              onChange={(v) => v && set('status', v as EventStatus)}
              allowDeselect={false}
              w={200}
            />
          )}
        </Group>
        <Textarea
          label="Тема"
          {...form.text('topic')}
          required
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          data-autofocus
        />
        {event ? (
          event.programme && (
            <Text size="sm">
              <Text span c="dimmed">
                Программа:{' '}
              </Text>
              {event.programme.title}
            </Text>
          )
        ) : (
          <Select
            label="Программа"
            description="Необязательно. Участие в мероприятиях программы учитывается в показателях охвата."
            placeholder="Без программы"
            data={programmeOptions}
            value={values.programmeId}
            onChange={(v) => {
              set('programmeId', v);
              if (!v && values.schools === 'programme') set('schools', 'territory');
              if (v && values.schools === 'territory') set('schools', 'programme');
            }}
            searchable
            clearable
            error={errors.programmeId}
            comboboxProps={{ width: 'target' }}
          />
        )}
        {!event && !me.regionId && !programme && regions.length > 1 && (
          <RegionSelect
            tree={regions}
            value={values.regionId}
            onChange={(v) => set('regionId', v)}
            error={errors.regionId}
            required
          />
        )}

        <TextInput
          label="Дата как в плане"
          description="Как записано в документе: «Март 2022 года», «15.03.2022», «01.02–15.05.2023». Даты ниже заполнятся сами."
          value={values.dateText}
          onChange={(e) => setDateText(e.currentTarget.value)}
          error={errors.dateText}
          maxLength={200}
        />
        {reading && (
          <Text size="xs" c={readWindow ? 'dimmed' : 'orange.8'} mt={-6} data-testid="event-date-reading">
            {readWindow
              ? `Прочитано: ${reading.windows.map(formatWindow).join('; ')}`
              : 'Дата не распознана: укажите даты начала и окончания вручную.'}
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <DateTextInput
            label="Начало"
            value={values.windowStart}
            onChange={(v) => {
              setDatesTouched(true);
              set('windowStart', v);
              if (v && (!values.windowEnd || values.windowEnd < v)) set('windowEnd', v);
            }}
            required
            error={errors.windowStart}
            w="100%"
          />
          <DateTextInput
            label="Окончание"
            value={values.windowEnd}
            onChange={(v) => {
              setDatesTouched(true);
              set('windowEnd', v);
            }}
            allowEmpty
            error={errors.windowEnd}
            w="100%"
          />
          <TextInput
            label="Время начала"
            type="time"
            {...form.text('startTime')}
            error={errors.startsAt}
            description="Необязательно, время региона"
          />
          <TextInput
            label="Время окончания"
            type="time"
            {...form.text('endTime')}
            error={errors.endsAt}
            description="Необязательно, время региона"
          />
        </SimpleGrid>
        <Group gap="sm" align="flex-start" grow wrap="wrap">
          <TextInput label="Место" {...form.text('place')} maxLength={1000} />
          <TextInput label="Ссылка на подключение" placeholder="https://" {...form.text('link')} maxLength={2000} />
        </Group>
        <Textarea
          label="Ответственные"
          description="ФИО, должность, организация — как в плане; знакомые системе люди и организации станут ссылками."
          {...form.text('responsible')}
          autosize
          minRows={1}
          maxRows={4}
          maxLength={2000}
        />

        <Text fw={600} size="sm" mt="xs">
          Участники
        </Text>
        <Group gap="sm" align="flex-start" grow wrap="wrap">
          <MultiSelect
            label="Категории сотрудников"
            description="Пусто — все сотрудники"
            data={categoryOptions}
            value={values.categories}
            onChange={(v) => set('categories', v as StaffCategory[])}
            clearable
          />
          <TagsInput
            label="Предметы учителей"
            description="Пусто — любые; выберите или введите"
            data={subjectOptions}
            value={values.subjects}
            onChange={(v) => set('subjects', v)}
            clearable
          />
        </Group>
        <Radio.Group
          label="Школы"
          value={values.schools}
          onChange={(v) => set('schools', v as Schools)}
          error={errors.chosen}
        >
          <Stack gap={6} mt={4}>
            {(['programme', 'chosen', 'territory'] as const).map((s) => (
              <Radio
                key={s}
                value={s}
                label={audienceSchoolsLabels[s]}
                disabled={s === 'programme' && !values.programmeId}
              />
            ))}
          </Stack>
        </Radio.Group>
        {values.schools === 'chosen' && (
          <SchoolsMultiSelect
            label="Выбранные школы"
            regionId={regionId}
            value={values.organisationIds}
            onChange={(ids) => set('organisationIds', ids)}
            error={errors.chosen}
          />
        )}
        {!event && (
          <Text size="xs" c="dimmed">
            Организатор — {me.territoryName}.
          </Text>
        )}

        <ExecutionError
          error={mutation.error}
          shownFields={shownFields}
          onReload={() => {
            mutation.reset();
            onRefresh();
          }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Отмена
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {event ? 'Сохранить' : 'Запланировать'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
