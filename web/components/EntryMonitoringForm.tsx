// Entry monitoring of a school (seed 004, item 2): equipment, staff, management and students, as the sections and
// fields of domain/diagnosis/forms.ts — numbers, percentages, yes/no and texts.
import { NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { type EntryField, entryMonitoringSections } from '../../domain/diagnosis/forms.ts';
import { formatNumber } from '../lib/format.ts';
import type { FormEditorProps } from './RiskFormPanel.tsx';

type SectionValues = Record<string, unknown>;

export function EntryMonitoringForm({ content, onChange, readOnly, errors }: FormEditorProps) {
  const sectionOf = (key: string): SectionValues => {
    const v = content[key];
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as SectionValues) : {};
  };
  const set = (section: string, field: string, value: unknown) => {
    const next = { ...sectionOf(section) };
    if (value === undefined) delete next[field];
    else next[field] = value;
    onChange({ ...content, [section]: next });
  };
  return (
    <Stack gap="md" data-testid="entry-monitoring-form">
      {entryMonitoringSections.map((s) => (
        <Paper withBorder radius="md" p="md" key={s.key} component="section" aria-label={s.title}>
          <Title order={3} size="h5" mb="sm">
            {s.title}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
            {s.fields.map((f) => (
              <Field
                key={f.key}
                field={f}
                value={sectionOf(s.key)[f.key]}
                onChange={(v) => set(s.key, f.key, v)}
                readOnly={readOnly}
                error={errors[`${s.key}.${f.key}`]}
              />
            ))}
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}

function Field({
  field: f,
  value,
  onChange,
  readOnly,
  error,
}: {
  field: EntryField;
  value: unknown;
  onChange: (v: unknown) => void;
  readOnly: boolean;
  error?: string | undefined;
}) {
  if (readOnly)
    return (
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {f.label}
        </Text>
        <Text size="sm" fw={500} style={{ whiteSpace: 'pre-wrap' }}>
          {shown(f, value)}
        </Text>
      </Stack>
    );
  switch (f.type) {
    case 'number':
    case 'percent':
      return (
        <NumberInput
          label={f.label}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' && Number.isFinite(v) ? v : undefined)}
          min={0}
          max={f.type === 'percent' ? 100 : undefined}
          allowNegative={false}
          decimalSeparator=","
          thousandSeparator=" "
          suffix={f.type === 'percent' ? ' %' : undefined}
          error={error}
        />
      );
    case 'yes-no':
      return (
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`entry-${f.key}`}>
            {f.label}
          </Text>
          <SegmentedControl
            aria-labelledby={`entry-${f.key}`}
            data={[
              { value: 'yes', label: 'Да' },
              { value: 'no', label: 'Нет' },
              { value: 'unset', label: 'Не указано' },
            ]}
            value={value === true ? 'yes' : value === false ? 'no' : 'unset'}
            onChange={(v) => onChange(v === 'yes' ? true : v === 'no' ? false : undefined)}
          />
          {error && (
            <Text size="xs" c="red.8">
              {error}
            </Text>
          )}
        </Stack>
      );
    case 'text':
      return (
        <Textarea
          label={f.label}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
          autosize
          minRows={2}
          maxLength={5000}
          error={error}
        />
      );
  }
}

function shown(f: EntryField, v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (f.type === 'yes-no') return v === true ? 'да' : 'нет';
  if (typeof v === 'number') return f.type === 'percent' ? `${formatNumber(v)} %` : formatNumber(v);
  return String(v);
}
