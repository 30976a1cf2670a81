import { Button, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { type Organisation, organisationInput, organisationPatch, type TerritoryTree } from '../../contract/api.ts';
import { useCreateOrganisation, useUpdateOrganisation } from '../api/queries.ts';
import { changedFields, serverFieldErrors, useForm } from '../lib/form.ts';
import { typesOfKind } from '../lib/labels.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { MunicipalitySelect, RegionSelect } from './TerritorySelects.tsx';

type Urban = 'urban' | 'rural' | 'unknown';
const urbanOf = (v: boolean | null): Urban => (v === true ? 'urban' : v === false ? 'rural' : 'unknown');
const urbanValue = (v: Urban): boolean | null => (v === 'urban' ? true : v === 'rural' ? false : null);

interface OrganisationFormProps {
  tree: TerritoryTree;
  /** Absent: a new organisation. */
  organisation?: Organisation;
  defaults?: { regionId?: string | null; municipalityId?: string | null; kind?: 'school' | 'support' };
  onSaved: (organisation: Organisation) => void;
  onCancel: () => void;
  /** Reload the record after a stale-version conflict. */
  onRefresh?: () => void;
}

interface FormValues extends Record<string, unknown> {
  kind: 'school' | 'support';
  regionId: string | null;
  municipalityId: string | null;
  type: string | null;
  code: string;
  name: string;
  shortName: string;
  urban: Urban;
  address: string;
}

const shownFields = ['regionId', 'municipalityId', 'kind', 'type', 'code', 'name', 'shortName', 'urban', 'address'];

export function OrganisationForm({
  tree,
  organisation,
  defaults,
  onSaved,
  onCancel,
  onRefresh,
}: OrganisationFormProps) {
  const onlyRegion = tree.length === 1 ? tree[0] : undefined;
  const onlyMunicipality = onlyRegion?.municipalities.length === 1 ? onlyRegion.municipalities[0] : undefined;
  const form = useForm<FormValues>({
    kind: organisation?.kind ?? defaults?.kind ?? 'school',
    regionId: organisation?.regionId ?? defaults?.regionId ?? onlyRegion?.id ?? null,
    municipalityId: organisation?.municipalityId ?? defaults?.municipalityId ?? onlyMunicipality?.id ?? null,
    type: organisation?.type ?? null,
    code: organisation?.code ?? '',
    name: organisation?.name ?? '',
    shortName: organisation?.shortName ?? '',
    urban: urbanOf(organisation?.urban ?? null),
    address: organisation?.address ?? '',
  });
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation(organisation?.id ?? '');
  const mutation = organisation ? update : create;
  const { values, set, errors } = form;

  const onError = (error: unknown) => form.setErrors(serverFieldErrors(error));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      municipalityId: values.municipalityId,
      type: values.type ?? '',
      code: values.code,
      name: values.name,
      shortName: values.shortName,
      urban: values.kind === 'school' ? urbanValue(values.urban) : (organisation?.urban ?? null),
      address: values.address,
    };
    if (!organisation) {
      const input = form.validate(organisationInput, { ...fields, regionId: values.regionId, kind: values.kind });
      if (!input) return;
      create.mutate(input, {
        onSuccess: (created) => {
          notifications.show({
            color: 'teal',
            message: `Организация «${created.shortName || created.name}» добавлена.`,
          });
          onSaved(created);
        },
        onError,
      });
      return;
    }
    const changes = changedFields(fields, organisation);
    if (!changes) {
      notifications.show({ message: 'Изменений нет.' });
      onCancel();
      return;
    }
    const patch = form.validate(organisationPatch, { ...changes, version: organisation.version });
    if (!patch) return;
    update.mutate(patch, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: 'Изменения сохранены.' });
        onSaved(saved);
      },
      onError,
    });
  };

  const typeOptions = typesOfKind(values.kind).map((t) => ({ value: t, label: t }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {!organisation && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="organisation-kind-label">
              Вид организации
            </Text>
            <SegmentedControl
              aria-labelledby="organisation-kind-label"
              value={values.kind}
              onChange={(v) => {
                set('kind', v as 'school' | 'support');
                set('type', null);
              }}
              data={[
                { value: 'school', label: 'Школа' },
                { value: 'support', label: 'Организация поддержки' },
              ]}
              fullWidth
            />
          </Stack>
        )}
        {!organisation && tree.length > 1 && (
          <RegionSelect
            tree={tree}
            value={values.regionId}
            onChange={(v) => {
              set('regionId', v);
              set('municipalityId', null);
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
          description="Не указывается для организаций регионального подчинения."
        />
        <Select
          label="Тип"
          data={typeOptions}
          value={values.type}
          onChange={(v) => set('type', v)}
          error={errors.type}
          required
          placeholder="Выберите тип"
          allowDeselect={false}
        />
        <TextInput
          label="Код"
          description="Код организации в региональной системе (например, ИНН или код ОО)."
          {...form.text('code')}
          required
          maxLength={64}
        />
        <Textarea label="Полное наименование" {...form.text('name')} required autosize minRows={2} maxLength={1000} />
        <TextInput label="Краткое наименование" {...form.text('shortName')} maxLength={500} />
        {values.kind === 'school' && (
          <Select
            label="Местность"
            data={[
              { value: 'urban', label: 'Городская' },
              { value: 'rural', label: 'Сельская' },
              { value: 'unknown', label: 'Не указана' },
            ]}
            value={values.urban}
            onChange={(v) => set('urban', (v ?? 'unknown') as Urban)}
            error={errors.urban}
            allowDeselect={false}
          />
        )}
        <TextInput label="Адрес" {...form.text('address')} maxLength={1000} />
        <ErrorAlert error={mutation.error} onRefresh={onRefresh} shownFields={shownFields} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Отмена
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {organisation ? 'Сохранить' : 'Добавить'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
