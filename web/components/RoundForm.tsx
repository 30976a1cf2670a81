// A monitoring round: its kind, date, title and threshold. The dates and thresholds the programme's document
// names (seed 004: 30.06 — не менее 30–40 %, 30.11 — не менее 80–90 %) are offered to fill in with one click.
import { Button, Group, NumberInput, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import type { ProgrammeDetail } from '../../contract/programmes.ts';
import { type Round, useCreateRound, usePatchRound } from '../api/execution.ts';
import { isoToRu } from '../lib/deadline-reading.ts';
import { roundKindLabels, thresholdWords } from '../lib/execution-format.ts';
import { DateTextInput } from './DateTextInput.tsx';
import { ExecutionError } from './ExecutionError.tsx';

type Kind = Round['kind'];

interface RoundFormProps {
  programme: Pick<ProgrammeDetail, 'id' | 'monitoringRounds'>;
  /** The round being edited; none for a new one. */
  round?: Round;
  onDone: (round?: { id: string }) => void;
  onReload: () => void;
}

export function RoundForm({ programme, round, onDone, onReload }: RoundFormProps) {
  const [kind, setKind] = useState<Kind>(round?.kind ?? 'execution');
  const [date, setDate] = useState<string | null>(round?.date ?? null);
  const [title, setTitle] = useState(round?.title ?? '');
  const [withThreshold, setWithThreshold] = useState(round ? round.threshold !== null : true);
  const [min, setMin] = useState<number>(round?.threshold?.min ?? 30);
  const [max, setMax] = useState<number>(round?.threshold?.max ?? 40);
  const [problem, setProblem] = useState<string | null>(null);
  const create = useCreateRound(programme.id);
  const patch = usePatchRound(round?.id ?? '');
  const frozen = Boolean(round?.frozenAt);
  const mutation = round ? patch : create;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!date) return setProblem('Укажите дату мониторинга в формате ДД.ММ.ГГГГ.');
    if (kind === 'execution' && withThreshold && (min < 0 || max > 100 || min > max))
      return setProblem('Пороговое значение: от 0 до 100 %, нижняя граница не больше верхней.');
    setProblem(null);
    const threshold = kind === 'execution' && withThreshold ? { min, max } : null;
    const done = (r?: { id: string }) => {
      notifications.show({ color: 'teal', message: round ? 'Мониторинг изменён.' : 'Мониторинг добавлен.' });
      onDone(r);
    };
    if (round)
      patch.mutate(
        frozen
          ? { title: title.trim(), version: round.version }
          : { title: title.trim(), date, threshold, version: round.version },
        { onSuccess: () => done() },
      );
    else create.mutate({ kind, date, title: title.trim(), threshold }, { onSuccess: (r) => done(r) });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="round-form">
      <Stack gap="sm">
        {!round && (
          <SegmentedControl
            aria-label="Вид мониторинга"
            data={(['execution', 'engagement'] as const).map((k) => ({ value: k, label: roundKindLabels[k] }))}
            value={kind}
            onChange={(v) => setKind(v as Kind)}
          />
        )}
        {!round && kind === 'execution' && programme.monitoringRounds.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              Контрольные точки из документа программы:
            </Text>
            <Group gap="xs">
              {programme.monitoringRounds.map((m) => (
                <Button
                  key={m.date}
                  size="compact-sm"
                  variant="light"
                  onClick={() => {
                    setDate(m.date);
                    setWithThreshold(true);
                    setMin(m.minPercent);
                    setMax(m.maxPercent);
                  }}
                >
                  {isoToRu(m.date)}: {thresholdWords({ min: m.minPercent, max: m.maxPercent })}
                </Button>
              ))}
            </Group>
          </Stack>
        )}
        <DateTextInput label="Дата мониторинга" value={date} onChange={setDate} required />
        <TextInput
          label="Наименование"
          description="Необязательно: по умолчанию «Мониторинг исполнения на ДД.ММ.ГГГГ»"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={500}
        />
        {kind === 'execution' && (
          <>
            <Switch
              label="Пороговое значение исполнения"
              checked={withThreshold}
              onChange={(e) => setWithThreshold(e.currentTarget.checked)}
              disabled={frozen}
            />
            {withThreshold && (
              <Group gap="sm" align="flex-end">
                <NumberInput
                  label="Не менее, %"
                  value={min}
                  onChange={(v) => setMin(Number(v) || 0)}
                  min={0}
                  max={100}
                  w={130}
                  disabled={frozen}
                />
                <NumberInput
                  label="Верхняя граница, %"
                  value={max}
                  onChange={(v) => setMax(Number(v) || 0)}
                  min={0}
                  max={100}
                  w={160}
                  disabled={frozen}
                />
                <Text size="sm" c="dimmed" mb={8}>
                  {thresholdWords({ min, max })}
                </Text>
              </Group>
            )}
          </>
        )}
        {frozen && (
          <Text size="sm" c="dimmed">
            Итоги зафиксированы: дату и порог изменить нельзя.
          </Text>
        )}
        {problem && (
          <Text size="sm" c="red.8" role="alert">
            {problem}
          </Text>
        )}
        <ExecutionError
          error={mutation.error}
          onReload={() => {
            mutation.reset();
            onReload();
          }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => onDone()}>
            Отмена
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="round-form-submit">
            {round ? 'Сохранить' : 'Добавить'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
