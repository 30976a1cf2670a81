// A professional deficit of a member of staff: its area, what was found, when and by which diagnostic.
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { deficitInput, deficitPatch } from '../../contract/staff.ts';
import { type StaffDeficit, useAddDeficit, useUpdateDeficit } from '../api/staff.ts';
import { changedFields, serverFieldErrors, useForm } from '../lib/form.ts';
import { DateTextInput } from './DateTextInput.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

interface FormValues extends Record<string, unknown> {
  area: string;
  description: string;
  identifiedOn: string | null;
  source: string;
}

interface DeficitFormProps {
  personId: string;
  deficit?: StaffDeficit;
  onSaved: () => void;
  onCancel: () => void;
  onRefresh: () => void;
}

const shownFields = ['area', 'description', 'identifiedOn', 'source'];

export function DeficitForm({ personId, deficit, onSaved, onCancel, onRefresh }: DeficitFormProps) {
  const form = useForm<FormValues>({
    area: deficit?.area ?? '',
    description: deficit?.description ?? '',
    identifiedOn: deficit?.identifiedOn ?? null,
    source: deficit?.source ?? '',
  });
  const add = useAddDeficit(personId);
  const update = useUpdateDeficit();
  const mutation = deficit ? update : add;
  const { values, set, errors } = form;
  const onError = (error: unknown) => form.setErrors(serverFieldErrors(error));
  const done = (message: string) => () => {
    notifications.show({ color: 'teal', message });
    onSaved();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { ...values };
    if (!deficit) {
      const input = form.validate(deficitInput, fields);
      if (input) add.mutate(input, { onSuccess: done('Дефицит добавлен.'), onError });
      return;
    }
    const changes = changedFields(fields, deficit);
    if (!changes) return onCancel();
    const patch = form.validate(deficitPatch, { ...changes, version: deficit.version });
    if (patch) update.mutate({ ...patch, id: deficit.id }, { onSuccess: done('Изменения сохранены.'), onError });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Область дефицита"
          placeholder="Например, «Формирующее оценивание», «Работа с детьми с ОВЗ»"
          {...form.text('area')}
          required
          maxLength={300}
          data-autofocus
        />
        <Textarea label="Описание" {...form.text('description')} autosize minRows={2} maxLength={3000} />
        <Group grow align="flex-start">
          <DateTextInput
            label="Дата выявления"
            value={values.identifiedOn}
            onChange={(v) => set('identifiedOn', v)}
            allowEmpty
            error={errors.identifiedOn}
          />
          <TextInput
            label="Источник"
            placeholder="Диагностика, самоанализ, посещение уроков"
            {...form.text('source')}
            maxLength={300}
          />
        </Group>
        <ErrorAlert error={mutation.error} onRefresh={onRefresh} shownFields={shownFields} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Отмена
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {deficit ? 'Сохранить' : 'Добавить'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
