// Whose coverage a target indicator counts and how: staff categories of the programme's target schools, the
// subjects that narrow the teachers, attendance at the programme's events (of chosen kinds) or courses
// completed. Shown in the indicator's settings when it is bound to «Охват сотрудников».
import { MultiSelect, Radio, Stack, TagsInput, Text } from '@mantine/core';
import {
  type CoverageSpec,
  categoryOptions,
  coverageText,
  type EventKind,
  eventKindOptions,
  measureLabels,
  type StaffCategory,
  subjectOptions,
} from '../lib/network-format.ts';

export const emptyCoverage = (): CoverageSpec => ({
  categories: [],
  subjects: [],
  measure: 'attended',
  eventKinds: [],
});

interface CoverageSpecFieldsProps {
  value: CoverageSpec;
  onChange: (value: CoverageSpec) => void;
  /** The spec was read from the indicator's wording, not saved by a user. */
  suggested: boolean;
  error?: string | undefined;
}

export function CoverageSpecFields({ value, onChange, suggested, error }: CoverageSpecFieldsProps) {
  const set = <K extends keyof CoverageSpec>(key: K, v: CoverageSpec[K]) => onChange({ ...value, [key]: v });
  return (
    <Stack gap="sm" data-testid="coverage-spec">
      {suggested && (
        <Text size="xs" c="dimmed">
          Предложено по формулировке показателя — проверьте и при необходимости исправьте.
        </Text>
      )}
      <MultiSelect
        label="Чей охват считать"
        description="Сотрудники целевых школ программы"
        data={categoryOptions}
        value={value.categories}
        onChange={(v) => set('categories', v as StaffCategory[])}
        required
        error={error}
        data-testid="coverage-categories"
      />
      <TagsInput
        label="Предметы учителей"
        description="Пусто — учителя любых предметов; руководители считаются без учёта предметов"
        data={subjectOptions}
        value={value.subjects}
        onChange={(v) => set('subjects', v)}
        clearable
      />
      <Radio.Group
        label="Как считать"
        value={value.measure}
        onChange={(v) => set('measure', v as CoverageSpec['measure'])}
      >
        <Stack gap={6} mt={4}>
          <Radio value="attended" label={measureLabels.attended} />
          <Radio value="trained" label={measureLabels.trained} />
        </Stack>
      </Radio.Group>
      {value.measure === 'attended' && (
        <MultiSelect
          label="Виды мероприятий"
          description="Пусто — любые мероприятия программы"
          data={eventKindOptions}
          value={value.eventKinds}
          onChange={(v) => set('eventKinds', v as EventKind[])}
          clearable
        />
      )}
      {value.categories.length > 0 && (
        <Text size="sm" data-testid="coverage-text">
          Считается {coverageText(value)}, в процентах.
        </Text>
      )}
    </Stack>
  );
}
