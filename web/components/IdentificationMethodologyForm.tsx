// Editing a region's methodology: title and source, the procedures that count (ВПР in a grade grid, exams),
// the thresholds as words («не менее» 30 %), and the rules with their conditions. Saved as the next version
// with the version the user started from: a concurrent edit is refused by the server (409) and offered to
// reload.
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { MethodologyView } from '../../contract/identification.ts';
import { checkDefinition } from '../../domain/identification/methodology.ts';
import { type MethodologyChanges, useUpdateMethodology } from '../api/identification.ts';
import {
  type Condition,
  comparisonOptions,
  conditionKindLabels,
  type Definition,
  definitionProblems,
  editorVprGrades,
  giaProcedures,
  newCondition,
  otherProcedures,
  type Procedure,
  procedureId,
  procedureLabel,
  relativeYears,
  type Threshold,
  toggleProcedure,
  vprSubjects,
  type YearRef,
} from '../lib/identification-format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/** A NumberInput's value as a number; an empty field is NaN, which the checks report. */
const toNumber = (v: string | number): number => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));
const shown = (n: number | undefined): number | string => (n === undefined || Number.isNaN(n) ? '' : n);

interface IdentificationMethodologyFormProps {
  methodology: MethodologyView;
  onDone: () => void;
  /** Reload the methodology after a concurrent edit (409). */
  onRefresh: () => void;
}

export function IdentificationMethodologyForm({ methodology, onDone, onRefresh }: IdentificationMethodologyFormProps) {
  const [title, setTitle] = useState(methodology.title);
  const [source, setSource] = useState(methodology.source);
  const [definition, setDefinition] = useState<Definition>(() => structuredClone(methodology.definition));
  const [problems, setProblems] = useState<string[]>([]);
  const update = useUpdateMethodology(methodology.id);

  const change = (edit: (d: Definition) => void) => {
    setDefinition((prev) => {
      const next = structuredClone(prev);
      edit(next);
      return next;
    });
    setProblems([]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = definitionProblems(definition);
    if (!title.trim()) found.unshift('Укажите название методики.');
    if (found.length === 0) found.push(...checkDefinition(definition));
    setProblems(found);
    if (found.length > 0) return;
    const body: MethodologyChanges = { version: methodology.version };
    if (title.trim() !== methodology.title) body.title = title.trim();
    if (source.trim() !== methodology.source) body.source = source.trim();
    if (JSON.stringify(definition) !== JSON.stringify(methodology.definition)) body.definition = definition;
    if (Object.keys(body).length === 1) {
      notifications.show({ message: 'Изменений нет.' });
      onDone();
      return;
    }
    update.mutate(body, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: `Методика сохранена: версия ${saved.version}.` });
        onDone();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="methodology-form">
      <Stack gap="md">
        <Section title="Общие сведения">
          <Stack gap="sm">
            <Textarea
              label="Название"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              autosize
              minRows={1}
              required
            />
            <Textarea
              label="Источник"
              description="Приказ или документ, из которого взяты правила: по нему перечень всегда можно проверить"
              value={source}
              onChange={(e) => setSource(e.currentTarget.value)}
              autosize
              minRows={1}
            />
          </Stack>
        </Section>

        <Section title="Оценочные процедуры">
          <ProceduresField
            value={definition.procedures}
            onChange={(procedures) =>
              change((d) => {
                d.procedures = procedures;
              })
            }
          />
        </Section>

        <Section title="Пороги">
          <Stack gap="sm">
            <ThresholdField
              label="Низкий результат ВПР: отметку «2» получили"
              value={definition.lowResult.vpr}
              onChange={(t) =>
                change((d) => {
                  d.lowResult.vpr = t;
                })
              }
            />
            <ThresholdField
              label="Низкий результат ОГЭ и ЕГЭ: не преодолели минимальный порог"
              value={definition.lowResult.gia}
              onChange={(t) =>
                change((d) => {
                  d.lowResult.gia = t;
                })
              }
            />
            <ThresholdField
              label="Красная зона ВПР: доля «2»"
              value={definition.redZone.share2}
              onChange={(t) =>
                change((d) => {
                  d.redZone.share2 = t;
                })
              }
            />
            <ThresholdField
              label="Красная зона ВПР: доля «5»"
              value={definition.redZone.share5}
              onChange={(t) =>
                change((d) => {
                  d.redZone.share5 = t;
                })
              }
            />
            <Group gap="sm" wrap="wrap" align="center">
              <Text size="sm" w={{ base: '100%', sm: 360 }}>
                Красная зона: какие ВПР смотреть
              </Text>
              <Select
                aria-label="Красная зона: какие ВПР смотреть"
                data={[
                  { value: 'all-vpr', label: 'все ВПР школы' },
                  { value: 'procedures', label: 'только ВПР из процедур методики' },
                ]}
                value={definition.redZone.scope}
                onChange={(v) =>
                  v &&
                  change((d) => {
                    d.redZone.scope = v === 'procedures' ? 'procedures' : 'all-vpr';
                  })
                }
                allowDeselect={false}
                w={300}
              />
            </Group>
            <ThresholdField
              label="Необъективность: отметки ВПР и журнала расходятся у"
              value={definition.objectivity.gap}
              onChange={(t) =>
                change((d) => {
                  d.objectivity.gap = t;
                })
              }
            />
          </Stack>
        </Section>

        <Section
          title="Правила включения в перечень"
          hint="Правила применяются по порядку: школа получает категорию первого правила, все условия которого выполнены."
        >
          <Stack gap="sm">
            {definition.rules.map((rule, i) => (
              <Paper
                // biome-ignore lint/suspicious/noArrayIndexKey: rules are an ordered list without identity.
                key={i}
                withBorder
                p="sm"
                radius="md"
                bg="var(--mantine-color-gray-0)"
                data-testid="rule-editor"
              >
                <Group justify="space-between" mb="xs">
                  <Text fw={600} size="sm">
                    Правило {i + 1}
                  </Text>
                  <Group gap={4}>
                    <ActionIcon
                      variant="default"
                      aria-label={`Правило ${i + 1}: выше`}
                      disabled={i === 0}
                      onClick={() => change((d) => void d.rules.splice(i - 1, 2, d.rules[i]!, d.rules[i - 1]!))}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      aria-label={`Правило ${i + 1}: ниже`}
                      disabled={i === definition.rules.length - 1}
                      onClick={() => change((d) => void d.rules.splice(i, 2, d.rules[i + 1]!, d.rules[i]!))}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      color="red"
                      aria-label={`Удалить правило ${i + 1}`}
                      disabled={definition.rules.length === 1}
                      onClick={() => change((d) => void d.rules.splice(i, 1))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
                <Group align="flex-start" gap="sm" mb="sm" wrap="wrap">
                  <NumberInput
                    label="Категория"
                    value={shown(rule.category)}
                    onChange={(v) =>
                      change((d) => {
                        d.rules[i]!.category = toNumber(v);
                      })
                    }
                    min={1}
                    max={9}
                    allowDecimal={false}
                    w={110}
                  />
                  <TextInput
                    label="Название правила"
                    value={rule.label}
                    onChange={(e) => {
                      const label = e.currentTarget.value;
                      change((d) => {
                        d.rules[i]!.label = label;
                      });
                    }}
                    style={{ flex: '1 1 20rem' }}
                  />
                </Group>
                <Stack gap="xs">
                  {rule.conditions.map((c, j) => (
                    <ConditionField
                      // biome-ignore lint/suspicious/noArrayIndexKey: conditions are an ordered list without identity.
                      key={j}
                      name={`Правило ${i + 1}, условие ${j + 1}`}
                      value={c}
                      onChange={(next) =>
                        change((d) => {
                          d.rules[i]!.conditions[j] = next;
                        })
                      }
                      onRemove={
                        rule.conditions.length > 1
                          ? () => change((d) => void d.rules[i]!.conditions.splice(j, 1))
                          : undefined
                      }
                    />
                  ))}
                  <Group>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      leftSection={<IconPlus size={16} aria-hidden />}
                      onClick={() => change((d) => void d.rules[i]!.conditions.push(newCondition('low-procedures')))}
                    >
                      Добавить условие
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            ))}
            <Group>
              <Button
                variant="light"
                leftSection={<IconPlus size={18} aria-hidden />}
                disabled={definition.rules.length >= 10}
                onClick={() =>
                  change((d) =>
                    d.rules.push({
                      category: Math.min(9, Math.max(0, ...d.rules.map((r) => r.category)) + 1),
                      label: '',
                      conditions: [newCondition('low-procedures')],
                    }),
                  )
                }
              >
                Добавить правило
              </Button>
            </Group>
          </Stack>
        </Section>

        {problems.length > 0 && (
          <Alert color="red" variant="light" title="Методика не сохранена: проверьте значения" role="alert">
            <List size="sm" spacing={2}>
              {problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <ErrorAlert error={update.error} onRefresh={onRefresh} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Отмена
          </Button>
          <Button type="submit" loading={update.isPending}>
            Сохранить новую версию
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="fieldset" m={0}>
      <Title order={2} size="h5" component="legend" px={4}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </Paper>
  );
}

function ProceduresField({ value, onChange }: { value: Procedure[]; onChange: (v: Procedure[]) => void }) {
  const chosen = new Set(value.map(procedureId));
  const toggle = (p: Procedure, on: boolean) => onChange(toggleProcedure(value, p, on));
  const others = otherProcedures(value);
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={500} type="native" tabIndex={0} aria-label="ВПР по классам">
        <Table withTableBorder fz="sm" w="auto" highlightOnHover={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>ВПР, класс</Table.Th>
              {editorVprGrades.map((g) => (
                <Table.Th key={g} ta="center" w={52}>
                  {g}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {vprSubjects.map((subject) => (
              <Table.Tr key={subject}>
                <Table.Td>{subject}</Table.Td>
                {editorVprGrades.map((grade) => {
                  const p: Procedure = { source: 'vpr', subject, grade };
                  return (
                    <Table.Td key={grade} ta="center">
                      <Checkbox
                        aria-label={procedureLabel(p)}
                        checked={chosen.has(procedureId(p))}
                        onChange={(e) => toggle(p, e.currentTarget.checked)}
                        style={{ display: 'inline-block' }}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="lg" wrap="wrap">
        {giaProcedures.map((p) => (
          <Checkbox
            key={procedureId(p)}
            label={procedureLabel(p)}
            checked={chosen.has(procedureId(p))}
            onChange={(e) => toggle(p, e.currentTarget.checked)}
          />
        ))}
      </Group>
      {others.length > 0 && (
        <div>
          <Text size="sm" c="dimmed" mb={4}>
            Другие процедуры методики
          </Text>
          <Group gap="lg" wrap="wrap">
            {others.map((p) => (
              <Checkbox
                key={procedureId(p)}
                label={procedureLabel(p)}
                checked
                onChange={(e) => toggle(p, e.currentTarget.checked)}
              />
            ))}
          </Group>
        </div>
      )}
      <Text size="sm" c="dimmed">
        Выбрано процедур: {value.length}.
      </Text>
    </Stack>
  );
}

function ThresholdField(props: { label: string; value: Threshold; onChange: (t: Threshold) => void }) {
  const { label, value, onChange } = props;
  return (
    <Group gap="sm" wrap="wrap" align="center">
      <Text size="sm" w={{ base: '100%', sm: 360 }}>
        {label}
      </Text>
      <Select
        aria-label={`${label}: сравнение`}
        data={comparisonOptions}
        value={value.op}
        onChange={(op) => {
          const found = comparisonOptions.find((o) => o.value === op);
          if (found) onChange({ ...value, op: found.value });
        }}
        allowDeselect={false}
        w={130}
      />
      <NumberInput
        aria-label={`${label}: процент`}
        value={shown(value.percent)}
        onChange={(v) => onChange({ ...value, percent: toNumber(v) })}
        min={0}
        max={100}
        decimalScale={1}
        decimalSeparator=","
        suffix=" %"
        w={110}
      />
      <Text size="sm" c="dimmed">
        участников
      </Text>
    </Group>
  );
}

const kindOptions = (Object.keys(conditionKindLabels) as Condition['kind'][]).map((value) => ({
  value,
  label: conditionKindLabels[value],
}));

function ConditionField(props: {
  name: string;
  value: Condition;
  onChange: (c: Condition) => void;
  onRemove: (() => void) | undefined;
}) {
  const { name, value: c, onChange, onRemove } = props;
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="condition-editor">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Условие"
          aria-label={`${name}: вид`}
          data={kindOptions}
          value={c.kind}
          onChange={(kind) => {
            const found = kindOptions.find((o) => o.value === kind);
            if (found && found.value !== c.kind) onChange(newCondition(found.value));
          }}
          allowDeselect={false}
          w={340}
        />
        {c.kind === 'low-procedures' ? (
          <>
            <NumberInput
              label="Не менее процедур"
              value={shown(c.min)}
              onChange={(v) => onChange({ ...c, min: toNumber(v) })}
              min={1}
              allowDecimal={false}
              w={170}
            />
            <NumberInput
              label="Не более процедур"
              placeholder="без ограничения"
              value={shown(c.max)}
              onChange={(v) => {
                const { max: _, ...rest } = c;
                onChange(v === '' ? rest : { ...rest, max: toNumber(v) });
              }}
              min={1}
              allowDecimal={false}
              w={170}
            />
          </>
        ) : (
          <YearRefField
            label="Год"
            name={`${name}: год`}
            value={c.year}
            onChange={(year) => onChange({ ...c, year })}
          />
        )}
        {onRemove && (
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={onRemove}
            aria-label={`Удалить: ${name}`}
            mb={6}
            ml="auto"
          >
            Удалить условие
          </Button>
        )}
      </Group>
      {c.kind === 'low-procedures' && (
        <Group gap="xs" mt="sm" align="center" wrap="wrap">
          <SegmentedControl
            aria-label={`${name}: годы`}
            data={[
              { value: 'each', label: 'в каждом из лет' },
              { value: 'any', label: 'хотя бы в одном из лет' },
            ]}
            value={c.yearsMode}
            onChange={(v) => onChange({ ...c, yearsMode: v === 'any' ? 'any' : 'each' })}
            size="sm"
          />
          {c.years.map((ref, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: years are an ordered list without identity.
            <Group key={k} gap={2} wrap="nowrap" align="center">
              <YearRefField
                label={`Год ${k + 1}`}
                name={`${name}: год ${k + 1}`}
                hideLabel
                value={ref}
                onChange={(year) => onChange({ ...c, years: c.years.map((y, x) => (x === k ? year : y)) })}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`${name}: убрать год ${k + 1}`}
                disabled={c.years.length === 1}
                onClick={() => onChange({ ...c, years: c.years.filter((_, x) => x !== k) })}
              >
                <IconX size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={c.years.length >= 10}
            onClick={() => onChange({ ...c, years: [...c.years, nextYear(c.years)] })}
          >
            Добавить год
          </Button>
        </Group>
      )}
    </Paper>
  );
}

/** A year one earlier than the earliest relative one, or Y. */
function nextYear(years: readonly YearRef[]): YearRef {
  const offsets = years.flatMap((y) => ('offset' in y ? [y.offset] : []));
  const next = offsets.length ? Math.min(...offsets) - 1 : 0;
  return { offset: Math.max(-10, next) };
}

const yearModes = [
  ...relativeYears.map((o) => ({ value: `offset:${o}`, label: o === 0 ? 'Y (год расчёта)' : `Y−${-o}` })),
  { value: 'year', label: 'конкретный год' },
];

function YearRefField(props: {
  label: string;
  /** The accessible name: which rule and condition the year belongs to. */
  name: string;
  hideLabel?: boolean;
  value: YearRef;
  onChange: (v: YearRef) => void;
}) {
  const { label, name, hideLabel, value, onChange } = props;
  const mode = 'year' in value ? 'year' : `offset:${value.offset}`;
  const data = yearModes.some((m) => m.value === mode)
    ? yearModes
    : [{ value: mode, label: `Y−${-('offset' in value ? value.offset : 0)}` }, ...yearModes];
  return (
    <Group gap={4} wrap="nowrap" align="flex-end">
      <Select
        label={hideLabel ? undefined : label}
        aria-label={name}
        data={data}
        value={mode}
        onChange={(v) => {
          if (!v || v === mode) return;
          if (v === 'year') onChange({ year: new Date().getFullYear() - 1 });
          else onChange({ offset: Number(v.slice('offset:'.length)) });
        }}
        allowDeselect={false}
        w={180}
      />
      {'year' in value && (
        <NumberInput
          aria-label={`${name}: год числом`}
          value={shown(value.year)}
          onChange={(v) => onChange({ year: toNumber(v) })}
          min={2000}
          max={2100}
          allowDecimal={false}
          thousandSeparator=""
          w={90}
        />
      )}
    </Group>
  );
}
