// A course of professional development (КПК) a member of staff completed: what, who taught it, hours, the
// date on the certificate, and the scanned certificate itself.
import { Button, Group, Input, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { courseInput, coursePatch } from '../../contract/staff.ts';
import { type CourseCompletion, useAddCourse, useUpdateCourse, useUploadCertificate } from '../api/staff.ts';
import {
  evidenceAccept,
  evidenceFileLimit,
  evidenceLimitText,
  evidenceTypesText,
  formatFileSize,
} from '../lib/execution-format.ts';
import { changedFields, serverFieldErrors, useForm } from '../lib/form.ts';
import { DateTextInput } from './DateTextInput.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

interface FormValues extends Record<string, unknown> {
  title: string;
  provider: string;
  hours: number | null;
  completedOn: string | null;
  certificate: string;
}

interface CourseFormProps {
  personId: string;
  course?: CourseCompletion;
  onSaved: (course: CourseCompletion) => void;
  onCancel: () => void;
  onRefresh: () => void;
}

const shownFields = ['title', 'provider', 'hours', 'completedOn', 'certificate', 'file'];

export function CourseForm({ personId, course: initial, onSaved, onCancel, onRefresh }: CourseFormProps) {
  // Once created, the course is edited: a certificate refused after the course was saved does not add it twice.
  const [course, setCourse] = useState(initial);
  const form = useForm<FormValues>({
    title: initial?.title ?? '',
    provider: initial?.provider ?? '',
    hours: initial?.hours ?? null,
    completedOn: initial?.completedOn ?? null,
    certificate: initial?.certificate ?? '',
  });
  const [file, setFile] = useState<File | null>(null);
  const add = useAddCourse(personId);
  const update = useUpdateCourse(course?.id ?? '');
  const upload = useUploadCertificate();
  const { values, set, errors } = form;
  const tooLarge = file !== null && file.size > evidenceFileLimit;
  const pending = add.isPending || update.isPending || upload.isPending;
  const error = upload.error ?? (course ? update.error : add.error);

  const save = async (): Promise<CourseCompletion | null> => {
    const fields = {
      title: values.title,
      provider: values.provider,
      hours: values.hours,
      completedOn: values.completedOn,
      certificate: values.certificate,
    };
    if (!course) {
      const input = form.validate(courseInput, fields);
      return input ? add.mutateAsync(input) : null;
    }
    const changes = changedFields(fields, course);
    if (!changes) return course;
    const patch = form.validate(coursePatch, { ...changes, version: course.version });
    return patch ? update.mutateAsync(patch) : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (tooLarge) return;
    upload.reset();
    try {
      let saved = await save();
      if (!saved) return;
      setCourse(saved);
      if (file) saved = await upload.mutateAsync({ id: saved.id, version: saved.version, file });
      notifications.show({ color: 'teal', message: initial ? 'Сведения о курсе сохранены.' : 'Курс добавлен.' });
      onSaved(saved);
    } catch (e) {
      form.setErrors(serverFieldErrors(e));
    }
  };

  const inputId = `course-file-${course?.id ?? 'new'}`;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Название курса"
          {...form.text('title')}
          required
          maxLength={500}
          data-autofocus
          placeholder="Например, «Формирование функциональной грамотности»"
        />
        <TextInput
          label="Организация, проводившая обучение"
          {...form.text('provider')}
          maxLength={500}
          placeholder="ИРО, ЦНППМ, вуз"
        />
        <Group grow align="flex-start">
          <NumberInput
            label="Объём, часов"
            value={values.hours ?? ''}
            onChange={(v) => set('hours', typeof v === 'number' ? v : null)}
            min={1}
            max={2000}
            allowDecimal={false}
            allowNegative={false}
            error={errors.hours}
          />
          <DateTextInput
            label="Дата окончания"
            value={values.completedOn}
            onChange={(v) => set('completedOn', v)}
            required
            error={errors.completedOn}
          />
        </Group>
        <TextInput
          label="Удостоверение"
          description="Номер и дата удостоверения о повышении квалификации"
          {...form.text('certificate')}
          maxLength={300}
        />
        <Input.Wrapper
          label={course?.file ? 'Заменить файл удостоверения' : 'Файл удостоверения'}
          description={`Необязательно. До ${evidenceLimitText}: ${evidenceTypesText}`}
          labelProps={{ htmlFor: inputId }}
          id={`${inputId}-wrapper`}
          error={
            tooLarge
              ? `Файл больше ${evidenceLimitText} (${formatFileSize(file.size)}): отсканируйте его с меньшим разрешением.`
              : errors.file
          }
        >
          <input
            id={inputId}
            className="file-input"
            type="file"
            accept={evidenceAccept}
            aria-describedby={`${inputId}-wrapper-description`}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              upload.reset();
            }}
          />
        </Input.Wrapper>
        {course?.file && !file && (
          <Text size="xs" c="dimmed">
            Приложен файл «{course.file.name}».
          </Text>
        )}
        <ErrorAlert error={error} onRefresh={onRefresh} shownFields={shownFields} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Отмена
          </Button>
          <Button type="submit" loading={pending} disabled={tooLarge}>
            {initial ? 'Сохранить' : 'Добавить'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
