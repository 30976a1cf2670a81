import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { sectionInput, sectionPatch } from '../../contract/programmes.ts';
import { type SectionDto, useCreateSection, useUpdateSection } from '../api/programmes.ts';
import { serverFieldErrors, useForm } from '../lib/form.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

interface SectionFormProps {
  programmeId: string;
  /** Absent: a new section, added at the end. */
  section?: SectionDto;
  onSaved: () => void;
  onCancel: () => void;
  onRefresh?: () => void;
}

/** A section's number and title: adding one, or renaming. */
export function SectionForm({ programmeId, section, onSaved, onCancel, onRefresh }: SectionFormProps) {
  const form = useForm({ number: section?.number ?? '', title: section?.title ?? '' });
  const create = useCreateSection(programmeId);
  const update = useUpdateSection(programmeId);
  const mutation = section ? update : create;
  const { values } = form;
  const onError = (error: unknown) => form.setErrors(serverFieldErrors(error));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!section) {
      const input = form.validate(sectionInput, values);
      if (!input) return;
      create.mutate(input, {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Раздел добавлен.' });
          onSaved();
        },
        onError,
      });
      return;
    }
    const changes: Record<string, unknown> = {};
    if (values.number !== section.number) changes.number = values.number;
    if (values.title !== section.title) changes.title = values.title;
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    const patch = form.validate(sectionPatch, { ...changes, version: section.version });
    if (!patch) return;
    update.mutate(
      { id: section.id, ...patch },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Раздел переименован.' });
          onSaved();
        },
        onError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Номер раздела"
          description="Например, «1.» или «I». Можно оставить пустым."
          {...form.text('number')}
          maxLength={50}
          w={200}
        />
        <Textarea
          label="Наименование раздела"
          {...form.text('title')}
          required
          autosize
          minRows={2}
          maxLength={3000}
          data-autofocus
        />
        <ErrorAlert error={mutation.error} onRefresh={onRefresh} shownFields={['number', 'title']} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Отмена
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {section ? 'Сохранить' : 'Добавить'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
