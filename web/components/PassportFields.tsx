import { SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ProgrammeDraftDto } from '../../contract/programmes.ts';
import { linesToList, listToLines } from '../lib/programme-format.ts';
import { DetailsList } from './DetailsList.tsx';

export type Passport = ProgrammeDraftDto['passport'];
type ListField = 'tasks' | 'challenges' | 'directions' | 'expectedResults';
type TextField = Exclude<keyof Passport, ListField | 'other'>;

const textFields: { key: TextField; label: string; rows: number }[] = [
  { key: 'problem', label: 'Проблема', rows: 3 },
  { key: 'goal', label: 'Цель', rows: 2 },
];
const listFields: { key: ListField; label: string }[] = [
  { key: 'tasks', label: 'Задачи' },
  { key: 'challenges', label: 'Вызовы' },
  { key: 'directions', label: 'Направления' },
  { key: 'expectedResults', label: 'Ожидаемые результаты' },
];
const shortFields: { key: TextField; label: string }[] = [
  { key: 'customer', label: 'Заказчик' },
  { key: 'curator', label: 'Куратор' },
  { key: 'developers', label: 'Разработчики' },
  { key: 'executors', label: 'Исполнители' },
  { key: 'targetAudience', label: 'Целевая аудитория' },
  { key: 'stages', label: 'Этапы и сроки реализации' },
];

/** A warning of the import shown under a field: orange border and text, not the red of an error. */
const noteProps = (note: string | undefined) =>
  note
    ? {
        error: note,
        withErrorStyles: false,
        styles: {
          input: { borderColor: 'var(--opora-warning-border)', borderWidth: 2 },
          error: { color: 'var(--opora-warning-text)' },
        },
      }
    : {};

interface PassportFieldsProps {
  value: Passport;
  onChange: (passport: Passport) => void;
  idPrefix: string;
  /** Per-field messages (a warning of the import, a server problem). */
  notes?: Partial<Record<string, string>>;
}

/** The passport of a programme as a form; lists are edited one item per line. */
export function PassportFields({ value, onChange, idPrefix, notes = {} }: PassportFieldsProps) {
  const set = <K extends keyof Passport>(key: K, v: Passport[K]) => onChange({ ...value, [key]: v });
  const textArea = (f: { key: TextField; label: string }, minRows: number, maxRows: number) => (
    <Textarea
      key={f.key}
      id={`${idPrefix}-${f.key}`}
      label={f.label}
      value={value[f.key]}
      onChange={(e) => set(f.key, e.currentTarget.value)}
      {...noteProps(notes[f.key])}
      autosize
      minRows={minRows}
      maxRows={maxRows}
    />
  );
  return (
    <Stack gap="sm">
      {textFields.map((f) => textArea(f, f.rows, 12))}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {listFields.map((f) => (
          <ListTextarea
            key={f.key}
            id={`${idPrefix}-${f.key}`}
            label={f.label}
            value={value[f.key]}
            onChange={(list) => set(f.key, list)}
            note={notes[f.key]}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {shortFields.map((f) => textArea(f, 1, 8))}
      </SimpleGrid>
      {value.other.length > 0 && <DetailsList items={value.other.map((o) => ({ label: o.label, value: o.value }))} />}
    </Stack>
  );
}

/** One item per line. The text is kept as typed (blank lines too) while the list follows it. */
function ListTextarea(props: {
  id: string;
  label: string;
  value: string[];
  onChange: (list: string[]) => void;
  note?: string | undefined;
}) {
  const [text, setText] = useState(listToLines(props.value));
  // biome-ignore lint/correctness/useExhaustiveDependencies: only outside changes of the list matter.
  useEffect(() => {
    if (JSON.stringify(linesToList(text)) !== JSON.stringify(props.value)) setText(listToLines(props.value));
  }, [props.value]);
  return (
    <Textarea
      id={props.id}
      label={props.label}
      description="Каждый пункт — с новой строки"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        props.onChange(linesToList(e.currentTarget.value));
      }}
      {...noteProps(props.note)}
      autosize
      minRows={3}
      maxRows={14}
    />
  );
}

/** The passport read-only, for those who may not edit it. */
export function PassportView({ value }: { value: Passport }) {
  const list = (items: string[]) =>
    items.length === 0 ? (
      ''
    ) : (
      <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items of a list as written, static here.
          <li key={i}>{item}</li>
        ))}
      </ul>
    );
  return (
    <DetailsList
      items={[
        ...textFields.map((f) => ({ label: f.label, value: value[f.key] })),
        ...listFields.map((f) => ({ label: f.label, value: list(value[f.key]) })),
        ...shortFields.map((f) => ({ label: f.label, value: value[f.key] })),
        ...value.other.map((o) => ({ label: o.label, value: o.value })),
      ]}
    />
  );
}
