// Who executes an activity and what closes it: the owner alone, every target school, their municipalities, or
// chosen ones; the kinds of evidence accepted and whether a comment is required. For those who manage the
// programme. Units already reported on are never dropped (the server refuses and names them).
import { Checkbox, Group, Modal, MultiSelect, Radio, Stack, Switch, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useMemo, useState } from 'react';
import type { ProgrammeDetail } from '../../contract/programmes.ts';
import { type ActivityExecution, useSetTargets } from '../api/execution.ts';
import { useMunicipalities, useOrganisations } from '../api/queries.ts';
import { evidenceKindTitles, type TargetKind, targetKindLabels } from '../lib/execution-format.ts';
import { activityNumberLabel } from '../lib/programme-format.ts';
import { SaveCancel } from './ExecutionError.tsx';

type Choice = 'owner' | 'schools' | 'municipalities' | 'chosen-schools' | 'chosen-municipalities';
type Kind = 'file' | 'link' | 'document';

interface TargetsProps {
  programme: ProgrammeDetail;
  activity: ActivityExecution;
  onClose: () => void;
  onReload: () => void;
}

export function ExecutionTargets({ programme, activity, onClose, onReload }: TargetsProps) {
  const version = programme.sections.flatMap((s) => s.activities).find((a) => a.id === activity.activityId)?.version;
  const [choice, setChoice] = useState<Choice>(activity.targetKind);
  const [schools, setSchools] = useState<string[]>(
    activity.units.flatMap((u) => (u.organisationId && !u.own ? [u.organisationId] : [])),
  );
  const [municipalities, setMunicipalities] = useState<string[]>(
    activity.units.flatMap((u) => (u.municipalityId && !u.organisationId && !u.own ? [u.municipalityId] : [])),
  );
  const [kinds, setKinds] = useState<Kind[]>(activity.evidenceRule.kinds);
  const [commentRequired, setCommentRequired] = useState(activity.evidenceRule.commentRequired);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSetTargets();
  const schoolLevel = programme.level === 'school';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kinds.length === 0) return setProblem('Укажите хотя бы один вид подтверждения.');
    if (choice === 'chosen-schools' && schools.length === 0) return setProblem('Выберите хотя бы одну школу.');
    if (choice === 'chosen-municipalities' && municipalities.length === 0)
      return setProblem('Выберите хотя бы один муниципалитет.');
    if (version === undefined) return setProblem('Мероприятие не найдено в программе: обновите страницу.');
    setProblem(null);
    const targetKind: TargetKind =
      choice === 'chosen-schools' ? 'schools' : choice === 'chosen-municipalities' ? 'municipalities' : choice;
    save.mutate(
      {
        activityId: activity.activityId,
        targetKind,
        ...(choice === 'chosen-schools' && { territoryIds: schools }),
        ...(choice === 'chosen-municipalities' && { territoryIds: municipalities }),
        evidenceRule: { kinds, commentRequired },
        version,
      },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'teal',
            message: `Исполнители мероприятия сохранены: ${result.units.length}.`,
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={`Исполнители мероприятия ${activityNumberLabel(activity.number, 1)}`}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="targets-form">
        <Stack gap="md">
          <Text size="sm" c="dimmed" lineClamp={3}>
            {activity.text}
          </Text>
          <Radio.Group label="Кто исполняет" value={choice} onChange={(v) => setChoice(v as Choice)}>
            <Stack gap={8} mt={6}>
              <Radio value="owner" label={`${targetKindLabels.owner} (${programme.territoryName})`} />
              {!schoolLevel && (
                <>
                  <Radio
                    value="schools"
                    label={targetKindLabels.schools}
                    description={
                      programme.schoolList
                        ? `Школы перечня № ${programme.schoolList.number}: ${programme.schoolList.schools}`
                        : 'Перечень целевых школ не выбран в карточке программы'
                    }
                    disabled={!programme.schoolList}
                  />
                  <Radio
                    value="municipalities"
                    label={targetKindLabels.municipalities}
                    disabled={!programme.schoolList}
                  />
                  <Radio value="chosen-schools" label="Выбранные школы" />
                  <Radio value="chosen-municipalities" label="Выбранные муниципалитеты" />
                </>
              )}
            </Stack>
          </Radio.Group>
          {choice === 'chosen-schools' && (
            <SchoolPicker
              regionId={programme.regionId}
              municipalityId={programme.municipalityId}
              value={schools}
              onChange={setSchools}
              known={activity.units}
            />
          )}
          {choice === 'chosen-municipalities' && (
            <MunicipalityPicker regionId={programme.regionId} value={municipalities} onChange={setMunicipalities} />
          )}
          <Checkbox.Group
            label="Что подтверждает исполнение"
            description="Любой из отмеченных видов закрывает мероприятие"
            value={kinds}
            onChange={(v) => setKinds(v as Kind[])}
          >
            <Group gap="md" mt={6}>
              {(['file', 'link', 'document'] as const).map((k) => (
                <Checkbox key={k} value={k} label={evidenceKindTitles[k]} />
              ))}
            </Group>
          </Checkbox.Group>
          {activity.informationSupport && (
            <Text size="xs" c="dimmed">
              В программе (информационное сопровождение): {activity.informationSupport}
            </Text>
          )}
          <Switch
            label="Комментарий о результатах обязателен при отметке о выполнении"
            checked={commentRequired}
            onChange={(e) => setCommentRequired(e.currentTarget.checked)}
          />
          {problem && (
            <Text size="sm" c="red.8" role="alert">
              {problem}
            </Text>
          )}
          <SaveCancel save={save} onReload={onReload} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Schools searched on the server (a region has thousands); the chosen ones keep their names. */
export function SchoolPicker(props: {
  regionId: string;
  municipalityId: string | null;
  value: string[];
  onChange: (ids: string[]) => void;
  known: { organisationId: string | null; executorName: string }[];
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [names, setNames] = useState<Map<string, string>>(
    () => new Map(props.known.flatMap((u) => (u.organisationId ? [[u.organisationId, u.executorName] as const] : []))),
  );
  const found = useOrganisations({
    regionId: props.regionId,
    municipalityId: props.municipalityId ?? undefined,
    kind: 'school',
    q: debounced || undefined,
    pageSize: 50,
  });
  const data = useMemo(() => {
    const all = new Map(names);
    for (const o of found.data?.items ?? []) all.set(o.id, o.shortName || o.name);
    return [...all].map(([value, label]) => ({ value, label }));
  }, [names, found.data]);
  return (
    <MultiSelect
      label="Школы"
      placeholder="Начните вводить наименование"
      data={data}
      value={props.value}
      onChange={(ids) => {
        setNames((prev) => {
          const next = new Map(prev);
          for (const id of ids) {
            const label = data.find((d) => d.value === id)?.label;
            if (label) next.set(id, label);
          }
          return next;
        });
        props.onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={found.isFetching ? 'Поиск…' : 'Ничего не найдено'}
      maxDropdownHeight={260}
      clearable
    />
  );
}

export function MunicipalityPicker(props: { regionId: string; value: string[]; onChange: (ids: string[]) => void }) {
  const list = useMunicipalities(props.regionId);
  return (
    <MultiSelect
      label="Муниципалитеты"
      placeholder={list.isPending ? 'Загрузка…' : 'Выберите муниципалитеты'}
      data={(list.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable
      nothingFoundMessage="Ничего не найдено"
      maxDropdownHeight={260}
    />
  );
}
