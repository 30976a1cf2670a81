// A new questionnaire campaign of a region: its title, dates (ДД.ММ.ГГГГ), the diagnostic model, the schools —
// the approved list («перечень») in one go, or chosen one by one — and which respondent groups answer anonymously.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import type { TerritoryTree } from '../../contract/api.ts';
import { campaignInput } from '../../contract/diagnosis.ts';
import { type Campaign, useCreateCampaign, useDiagnosisModels } from '../api/diagnosis.ts';
import { useSchoolList, useSchoolLists } from '../api/identification.ts';
import { addDays, groupTitles, type RespondentGroup, respondentGroups, todayIso } from '../lib/diagnosis-format.ts';
import { serverFieldErrors, useForm } from '../lib/form.ts';
import { formatDate, formatNumber, plural } from '../lib/format.ts';
import { DateTextInput } from './DateTextInput.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { SchoolsMultiSelect } from './EventSchoolsSelect.tsx';
import { RegionSelect } from './TerritorySelects.tsx';

interface CampaignFormProps {
  tree: TerritoryTree;
  regionId: string | null;
  onSaved: (campaign: Campaign) => void;
  onCancel: () => void;
}

interface FormValues extends Record<string, unknown> {
  regionId: string | null;
  title: string;
  opensOn: string | null;
  closesOn: string | null;
  model: string | null;
  source: 'list' | 'manual';
  listId: string | null;
  organisationIds: string[];
  anonymousGroups: RespondentGroup[];
  note: string;
}

const shownFields = ['regionId', 'title', 'opensOn', 'closesOn', 'model', 'organisationIds', 'note'];

export function CampaignForm({ tree, regionId, onSaved, onCancel }: CampaignFormProps) {
  const today = todayIso();
  const form = useForm<FormValues>({
    regionId: regionId ?? (tree.length === 1 ? (tree[0]?.id ?? null) : null),
    title: `Анкетирование для рисковых профилей школ, ${new Date().getFullYear()}`,
    opensOn: today,
    closesOn: addDays(today, 30),
    model: null,
    source: 'list',
    listId: null,
    organisationIds: [],
    anonymousGroups: ['student', 'parent'],
    note: '',
  });
  const { values, set, errors } = form;
  const models = useDiagnosisModels();
  const lists = useSchoolLists(values.regionId ?? undefined, Boolean(values.regionId));
  const listItems = lists.data ?? [];
  const source = listItems.length === 0 && !lists.isPending ? 'manual' : values.source;
  const listId = values.listId ?? listItems[0]?.id ?? null;
  const list = useSchoolList(source === 'list' ? (listId ?? '') : '');
  const create = useCreateCampaign();
  const model = values.model ?? models.data?.[0]?.code ?? null;

  const schoolIds =
    source === 'list' ? (list.data?.members.map((m) => m.organisationId) ?? []) : values.organisationIds;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.opensOn || !values.closesOn) {
      form.setErrors({
        opensOn: values.opensOn ? undefined : 'Введите дату в формате ДД.ММ.ГГГГ.',
        closesOn: values.closesOn ? undefined : 'Введите дату в формате ДД.ММ.ГГГГ.',
      });
      return;
    }
    if (values.closesOn < values.opensOn) {
      form.setErrors({ closesOn: 'Дата окончания раньше даты начала.' });
      return;
    }
    const input = form.validate(campaignInput, {
      regionId: values.regionId,
      title: values.title,
      opensOn: values.opensOn,
      closesOn: values.closesOn,
      model: model ?? '',
      organisationIds: schoolIds,
      anonymousGroups: values.anonymousGroups,
      ...(values.note.trim() ? { note: values.note } : {}),
    });
    if (!input) return;
    create.mutate(input, {
      onSuccess: (c) => {
        notifications.show({
          color: 'teal',
          message: `Кампания «${c.title}» открыта: ${formatNumber(c.schools.length)} ${plural(c.schools.length, ['школа', 'школы', 'школ'])}.`,
        });
        onSaved(c);
      },
      onError: (e) => form.setErrors(serverFieldErrors(e)),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {tree.length > 1 && (
          <RegionSelect
            tree={tree}
            value={values.regionId}
            onChange={(v) => {
              set('regionId', v);
              set('listId', null);
              set('organisationIds', []);
            }}
            error={errors.regionId}
            required
          />
        )}
        <TextInput label="Название кампании" {...form.text('title')} required maxLength={300} />
        <Group gap="sm" align="flex-start">
          <DateTextInput
            label="Открывается"
            value={values.opensOn}
            onChange={(v) => set('opensOn', v)}
            error={errors.opensOn}
            required
            w={160}
          />
          <DateTextInput
            label="Закрывается"
            value={values.closesOn}
            onChange={(v) => set('closesOn', v)}
            error={errors.closesOn}
            required
            w={160}
          />
        </Group>
        <Select
          label="Модель диагностики"
          description={
            models.data?.find((m) => m.code === model)
              ? `${models.data.find((m) => m.code === model)?.factors} факторов риска, ${models.data.find((m) => m.code === model)?.questions} вопросов анкет`
              : undefined
          }
          data={(models.data ?? []).map((m) => ({ value: m.code, label: m.title }))}
          value={model}
          onChange={(v) => set('model', v)}
          error={errors.model}
          allowDeselect={false}
          required
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="campaign-schools-label">
            Школы
          </Text>
          <SegmentedControl
            aria-labelledby="campaign-schools-label"
            value={source}
            onChange={(v) => set('source', v as FormValues['source'])}
            data={[
              { value: 'list', label: 'Школы из утверждённого перечня', disabled: listItems.length === 0 },
              { value: 'manual', label: 'Выбрать школы' },
            ]}
            fullWidth
          />
        </Stack>
        {source === 'list' ? (
          <Stack gap={4}>
            <Select
              label="Перечень"
              data={listItems.map((l) => ({
                value: l.id,
                label: `№ ${l.number} от ${formatDate(l.approvedAt)}: ${l.title} (${l.schools} ${plural(l.schools, ['школа', 'школы', 'школ'])})`,
              }))}
              value={listId}
              onChange={(v) => set('listId', v)}
              allowDeselect={false}
              comboboxProps={{ width: 560, position: 'bottom-start' }}
            />
            {list.data && (
              <Text size="sm" c="dimmed" data-testid="campaign-list-schools">
                {list.data.members.length === 0
                  ? 'В перечне нет школ.'
                  : `${list.data.members.length} ${plural(list.data.members.length, ['школа', 'школы', 'школ'])}: ${list.data.members
                      .slice(0, 5)
                      .map((m) => m.name)
                      .join(', ')}${list.data.members.length > 5 ? ' …' : ''}`}
              </Text>
            )}
            {errors.organisationIds && (
              <Text size="sm" c="red.8">
                {errors.organisationIds}
              </Text>
            )}
          </Stack>
        ) : (
          <SchoolsMultiSelect
            label="Школы кампании"
            regionId={values.regionId}
            value={values.organisationIds}
            onChange={(ids) => set('organisationIds', ids)}
            error={errors.organisationIds}
            required
          />
        )}
        {listItems.length === 0 && !lists.isPending && (
          <Text size="xs" c="dimmed">
            Утверждённых перечней в регионе нет: выберите школы по наименованию или коду.
          </Text>
        )}
        <Checkbox.Group
          label="Анонимные анкеты"
          description="Для этих групп имя и контакты не спрашиваются."
          value={values.anonymousGroups}
          onChange={(v) => set('anonymousGroups', v as RespondentGroup[])}
        >
          <Group gap="md" mt={6}>
            {respondentGroups.map((g) => (
              <Checkbox key={g} value={g} label={groupTitles[g]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea label="Примечание" {...form.text('note')} autosize minRows={2} maxLength={1000} />
        {values.opensOn && values.opensOn < today && (
          <Alert color="yellow" variant="light">
            Дата открытия в прошлом: анкеты будут доступны сразу.
          </Alert>
        )}
        <ErrorAlert error={create.error} shownFields={shownFields} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Отмена
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="campaign-create-submit">
            Открыть кампанию
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
