import { Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { ProgrammeDraftDto } from '../../contract/programmes.ts';
import { DateTextInput } from './DateTextInput.tsx';

export type ProgrammeFacts = Pick<ProgrammeDraftDto, 'title' | 'kind' | 'period' | 'act'>;

export const programmeKindOptions: ProgrammeDraftDto['kind'][] = [
  'дорожная карта',
  'программа',
  'план-график',
  'муниципальный проект',
  'план мероприятий',
];

interface ProgrammeFactsFieldsProps {
  value: ProgrammeFacts;
  onChange: (changes: Partial<ProgrammeFacts>) => void;
  /** Prefix of the inputs' ids, so warnings can lead to them. */
  idPrefix: string;
  errors?: Partial<Record<string, string>>;
  /** Shown under the period: the wording the period was read from. */
  periodNote?: string | undefined;
}

/** Title, kind, period and the approving act of a programme: in the import preview and on the card. */
export function ProgrammeFactsFields(props: ProgrammeFactsFieldsProps) {
  const { value, onChange, idPrefix, errors = {} } = props;
  const act = (changes: Partial<ProgrammeFacts['act']>) => onChange({ act: { ...value.act, ...changes } });
  return (
    <Stack gap="sm">
      <Textarea
        id={`${idPrefix}-title`}
        label="Наименование программы"
        value={value.title}
        onChange={(e) => onChange({ title: e.currentTarget.value })}
        error={errors.title}
        required
        autosize
        minRows={2}
        maxRows={6}
        maxLength={3000}
      />
      <Group gap="md" align="flex-start" wrap="wrap">
        <Select
          label="Вид программы"
          data={programmeKindOptions}
          value={value.kind}
          onChange={(v) => v && onChange({ kind: v as ProgrammeFacts['kind'] })}
          allowDeselect={false}
          w={220}
        />
        <DateTextInput
          id={`${idPrefix}-period-start`}
          label="Начало периода"
          value={value.period.start}
          onChange={(start) => start && onChange({ period: { ...value.period, start } })}
          error={errors.period}
          required
        />
        <DateTextInput
          id={`${idPrefix}-period-end`}
          label="Окончание периода"
          value={value.period.end}
          onChange={(end) => end && onChange({ period: { ...value.period, end } })}
          required
        />
      </Group>
      {props.periodNote && (
        <Text size="xs" c="dimmed" mt={-6}>
          {props.periodNote}
        </Text>
      )}
      <fieldset id={`${idPrefix}-act`} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <legend style={{ fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', marginBottom: 4 }}>
          Утверждающий акт
        </legend>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput
            id={`${idPrefix}-act-kind`}
            label="Вид акта"
            placeholder="приказ, распоряжение"
            value={value.act.kind}
            onChange={(e) => act({ kind: e.currentTarget.value })}
            maxLength={100}
          />
          <TextInput
            id={`${idPrefix}-act-number`}
            label="Номер акта"
            value={value.act.number}
            onChange={(e) => act({ number: e.currentTarget.value })}
            maxLength={100}
          />
          <DateTextInput
            id={`${idPrefix}-act-date`}
            label="Дата акта"
            value={value.act.date}
            onChange={(date) => act({ date })}
            allowEmpty
            w="100%"
          />
        </SimpleGrid>
        <Textarea
          id={`${idPrefix}-act-authority`}
          mt="sm"
          label="Орган, издавший акт"
          value={value.act.authority}
          onChange={(e) => act({ authority: e.currentTarget.value })}
          autosize
          minRows={1}
          maxRows={4}
          maxLength={1000}
        />
      </fieldset>
    </Stack>
  );
}
