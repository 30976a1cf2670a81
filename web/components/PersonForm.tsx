import { Button, Group, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import {
  type Person,
  personInput,
  personPatch,
  type StaffCategoryName,
  type TerritoryTree,
} from '../../contract/api.ts';
import { staffCategoryOf } from '../../domain/network/staff.ts';
import { useCreatePerson, useUpdatePerson } from '../api/queries.ts';
import { changedFields, serverFieldErrors, useForm } from '../lib/form.ts';
import { categoryLabel, categoryOptions, subjectOptions } from '../lib/staff-format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { OrganisationSelect } from './OrganisationSelect.tsx';
import { MunicipalitySelect, RegionSelect } from './TerritorySelects.tsx';

interface FormValues extends Record<string, unknown> {
  regionId: string | null;
  municipalityId: string | null;
  organisationId: string | null;
  fullName: string;
  position: string;
  email: string;
  phone: string;
  category: StaffCategoryName | null;
  subjects: string[];
}

interface PersonFormProps {
  tree: TerritoryTree;
  person?: Person;
  defaults?: { regionId?: string | null; municipalityId?: string | null; organisationId?: string | null };
  onSaved: (person: Person) => void;
  onCancel: () => void;
  onRefresh?: () => void;
}

const shownFields = [
  'regionId',
  'municipalityId',
  'organisationId',
  'fullName',
  'position',
  'email',
  'phone',
  'category',
  'subjects',
];

export function PersonForm({ tree, person, defaults, onSaved, onCancel, onRefresh }: PersonFormProps) {
  const onlyRegion = tree.length === 1 ? tree[0] : undefined;
  const onlyMunicipality = onlyRegion?.municipalities.length === 1 ? onlyRegion.municipalities[0] : undefined;
  const form = useForm<FormValues>({
    regionId: person?.regionId ?? defaults?.regionId ?? onlyRegion?.id ?? null,
    municipalityId: person?.municipalityId ?? defaults?.municipalityId ?? onlyMunicipality?.id ?? null,
    organisationId: person?.organisationId ?? defaults?.organisationId ?? null,
    fullName: person?.fullName ?? '',
    position: person?.position ?? '',
    email: person?.email ?? '',
    phone: person?.phone ?? '',
    category: person?.category ?? null,
    subjects: person?.subjects ?? [],
  });
  // Until the user picks a category, the server reads it from the position (also when the position changes).
  const [categoryChosen, setCategoryChosen] = useState(false);
  const create = useCreatePerson();
  const update = useUpdatePerson(person?.id ?? '');
  const mutation = person ? update : create;
  const { values, set, errors } = form;
  const onError = (error: unknown) => form.setErrors(serverFieldErrors(error));
  const derivedCategory = staffCategoryOf(values.position);
  const shownCategory = categoryChosen
    ? values.category
    : person && values.position === person.position
      ? person.category
      : derivedCategory;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      municipalityId: values.municipalityId,
      organisationId: values.organisationId,
      fullName: values.fullName,
      position: values.position,
      email: values.email,
      phone: values.phone,
      ...(categoryChosen && values.category ? { category: values.category } : {}),
    };
    if (!person) {
      // Without subjects, a teacher's subjects are read from the position on the server.
      const subjects = values.subjects.length > 0 ? { subjects: values.subjects } : {};
      const input = form.validate(personInput, { ...fields, ...subjects, regionId: values.regionId });
      if (!input) return;
      create.mutate(input, {
        onSuccess: (created) => {
          notifications.show({ color: 'teal', message: `Сотрудник «${created.fullName}» добавлен.` });
          onSaved(created);
        },
        onError,
      });
      return;
    }
    const subjectsChanged = JSON.stringify(values.subjects) !== JSON.stringify(person.subjects);
    const changes = changedFields(subjectsChanged ? { ...fields, subjects: values.subjects } : fields, person);
    // A chosen category goes with a new position even when unchanged, or the server would read it anew.
    if (changes && changes.position !== undefined && categoryChosen && values.category)
      changes.category = values.category;
    if (!changes) {
      notifications.show({ message: 'Изменений нет.' });
      onCancel();
      return;
    }
    const patch = form.validate(personPatch, { ...changes, version: person.version });
    if (!patch) return;
    update.mutate(patch, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: 'Изменения сохранены.' });
        onSaved(saved);
      },
      onError,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="ФИО" {...form.text('fullName')} required maxLength={300} autoComplete="off" data-autofocus />
        <TextInput label="Должность" {...form.text('position')} maxLength={300} />
        <Select
          label="Категория"
          data={categoryOptions}
          value={shownCategory}
          onChange={(v) => {
            set('category', v as StaffCategoryName | null);
            setCategoryChosen(v !== null);
          }}
          description={
            categoryChosen
              ? 'Выбрана вручную; очистите поле, чтобы определять по должности.'
              : person && values.position === person.position
                ? 'При смене должности определяется заново, если не выбрать её вручную.'
                : `Определяется по должности: ${categoryLabel(derivedCategory).toLowerCase()}. Выберите, если неверно.`
          }
          clearable={categoryChosen}
          allowDeselect={false}
          error={errors.category}
        />
        <TagsInput
          label="Предметы"
          description="Выберите из списка или введите свой предмет и нажмите Enter. Предметы учителя, если не указаны, определяются по должности."
          data={subjectOptions}
          value={values.subjects}
          onChange={(v) => set('subjects', v)}
          splitChars={[',', ';']}
          acceptValueOnBlur
          clearable
          maxTags={30}
          error={errors.subjects}
        />
        {!person && tree.length > 1 && (
          <RegionSelect
            tree={tree}
            value={values.regionId}
            onChange={(v) => {
              set('regionId', v);
              set('municipalityId', null);
              set('organisationId', null);
            }}
            error={errors.regionId}
            required
          />
        )}
        <MunicipalitySelect
          tree={tree}
          regionId={values.regionId}
          value={values.municipalityId}
          onChange={(v) => set('municipalityId', v)}
          error={errors.municipalityId}
          clearable
        />
        <OrganisationSelect
          regionId={values.regionId}
          municipalityId={values.municipalityId}
          value={values.organisationId}
          onChange={(id, organisation) => {
            set('organisationId', id);
            if (organisation?.municipalityId) set('municipalityId', organisation.municipalityId);
          }}
          error={errors.organisationId}
        />
        <TextInput label="Эл. почта" type="email" {...form.text('email')} maxLength={254} autoComplete="off" />
        <TextInput label="Телефон" type="tel" {...form.text('phone')} maxLength={40} autoComplete="off" />
        <ErrorAlert error={mutation.error} onRefresh={onRefresh} shownFields={shownFields} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Отмена
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {person ? 'Сохранить' : 'Добавить'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
