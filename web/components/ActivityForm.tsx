import { Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { type FormEvent, useMemo } from 'react';
import { type ActivityDto, activityInput, activityPatch } from '../../contract/programmes.ts';
import { readDeadline } from '../../domain/deadline/read-deadline.ts';
import { type SectionDto, useCreateActivity, useUpdateActivity } from '../api/programmes.ts';
import { serverFieldErrors, useForm } from '../lib/form.ts';
import { DeadlineReading } from './DeadlineReading.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

interface ActivityFormProps {
  programmeId: string;
  period: { start: string; end: string };
  sections: SectionDto[];
  /** Absent: a new activity in `sectionId`. */
  activity?: ActivityDto;
  sectionId: string;
  onSaved: () => void;
  onCancel: () => void;
  /** Reload the programme after a stale-version conflict. */
  onRefresh?: () => void;
  onDelete?: () => void;
}

interface FormValues extends Record<string, unknown> {
  sectionId: string;
  number: string;
  text: string;
  deadlineText: string;
  responsible: string;
  executors: string;
  plannedResult: string;
  indicator: string;
  informationSupport: string;
}

const textFields = [
  'number',
  'text',
  'deadlineText',
  'responsible',
  'executors',
  'plannedResult',
  'indicator',
  'informationSupport',
] as const;
const shownFields = ['sectionId', ...textFields];

/** An orange border while the deadline has a warning, a red one while it cannot be read. */
const readingBorder = (r: { kind: string; warnings: unknown[] }) =>
  r.kind === 'unreadable'
    ? { borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 }
    : r.warnings.length > 0
      ? { borderColor: 'var(--opora-warning-border)', borderWidth: 2 }
      : undefined;

export const sectionLabel = (s: Pick<SectionDto, 'number' | 'title'>, index: number) =>
  [s.number, s.title].filter(Boolean).join(' ') || `Раздел ${index + 1}`;

/** An activity with every field; the deadline is read live, as typed, against the programme's period. */
export function ActivityForm(props: ActivityFormProps) {
  const { activity, period } = props;
  const form = useForm<FormValues>({
    sectionId: activity?.sectionId ?? props.sectionId,
    number: activity?.number ?? '',
    text: activity?.text ?? '',
    deadlineText: activity?.deadlineText ?? '',
    responsible: activity?.responsible ?? '',
    executors: activity?.executors ?? '',
    plannedResult: activity?.plannedResult ?? '',
    indicator: activity?.indicator ?? '',
    informationSupport: activity?.informationSupport ?? '',
  });
  const create = useCreateActivity(props.programmeId);
  const update = useUpdateActivity(props.programmeId);
  const mutation = activity ? update : create;
  const { values, set, errors } = form;
  const reading = useMemo(() => readDeadline(values.deadlineText, period), [values.deadlineText, period]);

  const onError = (error: unknown) => form.setErrors(serverFieldErrors(error));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!activity) {
      const input = form.validate(activityInput, values);
      if (!input) return;
      create.mutate(input, {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Мероприятие добавлено.' });
          props.onSaved();
        },
        onError,
      });
      return;
    }
    // Only what changed, so a colleague's edit of another field is not overwritten.
    const changes: Record<string, unknown> = {};
    for (const key of textFields) if (values[key] !== activity[key]) changes[key] = values[key];
    if (values.sectionId !== activity.sectionId) changes.sectionId = values.sectionId;
    if (Object.keys(changes).length === 0) {
      notifications.show({ message: 'Изменений нет.' });
      props.onCancel();
      return;
    }
    const patch = form.validate(activityPatch, { ...changes, version: activity.version });
    if (!patch) return;
    update.mutate(
      { id: activity.id, ...patch },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Изменения сохранены.' });
          props.onSaved();
        },
        onError,
      },
    );
  };

  const area = (key: (typeof textFields)[number], label: string, rows = 2, max = 10_000) => (
    <Textarea label={label} {...form.text(key)} autosize minRows={rows} maxRows={10} maxLength={max} />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label="Раздел"
            description={activity ? 'Выберите другой раздел, чтобы перенести мероприятие.' : undefined}
            data={props.sections.map((s, i) => ({ value: s.id, label: sectionLabel(s, i) }))}
            value={values.sectionId}
            onChange={(v) => v && set('sectionId', v)}
            error={errors.sectionId}
            allowDeselect={false}
            style={{ flex: '1 1 260px' }}
          />
          <TextInput
            label="Номер"
            description="Как в документе: 1.2."
            {...form.text('number')}
            maxLength={50}
            w={140}
          />
        </Group>
        <Textarea
          label="Мероприятие"
          {...form.text('text')}
          required
          autosize
          minRows={2}
          maxRows={10}
          maxLength={10_000}
          data-autofocus
        />
        <TextInput
          label="Срок"
          {...form.text('deadlineText')}
          maxLength={1000}
          autoComplete="off"
          styles={{ input: readingBorder(reading) }}
          // The reading is the field's description (aria-describedby), under the input as the user types.
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          descriptionProps={{ component: 'div' }}
          description={
            <>
              <DeadlineReading reading={reading} testId="deadline-reading" live maxWindows={4} />
              <Text size="xs" c="dimmed" mt={4}>
                Как в документе: «Февраль 2023», «до 25.08.2023», «ежемесячно», «по графику ИРО».
              </Text>
            </>
          }
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {area('responsible', 'Ответственные', 2, 5000)}
          {area('executors', 'Исполнители', 2, 5000)}
          {area('plannedResult', 'Планируемый результат')}
          {area('indicator', 'Показатель реализации')}
        </SimpleGrid>
        {area('informationSupport', 'Информационное сопровождение', 1)}
        <ErrorAlert error={mutation.error} onRefresh={props.onRefresh} shownFields={shownFields} />
        <Group justify="space-between" mt="xs" gap="sm">
          <div>
            {activity && props.onDelete && (
              <Button
                variant="subtle"
                color="red.8"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={props.onDelete}
              >
                Удалить мероприятие
              </Button>
            )}
          </div>
          <Group gap="sm">
            <Button variant="default" onClick={props.onCancel}>
              Отмена
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {activity ? 'Сохранить' : 'Добавить'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
