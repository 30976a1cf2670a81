// «Модель расчёта»: how a school's answers become its risk levels — per factor, the thresholds of high and medium
// risk and the weights of its indicators, and under each indicator its questions with their weights. The shipped
// models are read-only; the region copies one as its own and adjusts it, each save a new version (campaigns keep
// the version they started with). The server's problems are shown on the factor's row they belong to.
import {
  Badge,
  Button,
  Group,
  List,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight, IconCopy, IconDeviceFloppy } from '@tabler/icons-react';
import { type FormEvent, Fragment, useState } from 'react';
import { diagnosisModelCopy } from '../../contract/diagnosis.ts';
import { ApiError } from '../api/client.ts';
import {
  type DiagnosisModelRule,
  type DiagnosisModelView,
  useCopyDiagnosisModel,
  useRegionDiagnosisModels,
  useUpdateDiagnosisModel,
} from '../api/diagnosis.ts';
import { scoreText } from '../lib/diagnosis-format.ts';
import { basedOnText, copyCodeOf, problemPlace, rulesChanged, thresholdsProblem } from '../lib/diagnosis-model.ts';
import { serverFieldErrors, useForm } from '../lib/form.ts';
import { plural } from '../lib/format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoader } from './Loading.tsx';

interface Props {
  regionId: string | null;
  canWrite: boolean;
}

export default function DiagnosisModelEditor({ regionId, canWrite }: Props) {
  const list = useRegionDiagnosisModels(regionId);
  const [chosen, setChosen] = useState<string | null>(null);
  const [copying, setCopying] = useState(false);
  if (!regionId)
    return (
      <Text size="sm" c="dimmed">
        Модели расчёта ведутся регионом.
      </Text>
    );
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  const models = list.data;
  const model =
    models.find((m) => m.code === chosen) ?? models.find((m) => !m.preset) ?? (models[0] as DiagnosisModelView);
  if (!model)
    return (
      <Text size="sm" c="dimmed">
        Моделей расчёта нет.
      </Text>
    );
  const group = (preset: boolean) =>
    models.filter((m) => m.preset === preset).map((m) => ({ value: m.code, label: m.title }));

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Как ответы анкет превращаются в уровни риска: значение фактора (от 0 до 100) складывается из показателей с их
        весами, а показатель — из вопросов. Фактор в зоне высокого риска, если значение не ниже порога высокого риска, и
        в зоне среднего — если не ниже порога среднего.
      </Text>
      <Group align="flex-end" gap="sm">
        <Select
          label="Модель"
          data={[
            { group: 'Поставляемые', items: group(true) },
            ...(models.some((m) => !m.preset) ? [{ group: 'Модели региона', items: group(false) }] : []),
          ]}
          value={model.code}
          onChange={(v) => v && setChosen(v)}
          allowDeselect={false}
          w={{ base: '100%', sm: 620 }}
          data-testid="diagnosis-model-select"
        />
        {model.preset && canWrite && (
          <Button variant="light" leftSection={<IconCopy size={16} aria-hidden />} onClick={() => setCopying(true)}>
            Скопировать как модель региона
          </Button>
        )}
      </Group>
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={4}>
            <Title order={3} size="h4">
              {model.title}
            </Title>
            <Text size="sm" c="dimmed">
              Код {model.code} · {model.factors.length}{' '}
              {plural(model.factors.length, ['фактор', 'фактора', 'факторов'])} · {model.indicators.length}{' '}
              {plural(model.indicators.length, ['показатель', 'показателя', 'показателей'])} · {model.questions}{' '}
              {plural(model.questions, ['вопрос', 'вопроса', 'вопросов'])} в анкетах
              {model.basedOn && ` · на основе ${basedOnText(model.basedOn, models)}`}
            </Text>
          </Stack>
          <Group gap="xs">
            <Badge variant="light" color={model.preset ? 'gray' : 'blue'} style={{ textTransform: 'none' }}>
              {model.preset ? 'поставляемая' : 'модель региона'}
            </Badge>
            <Badge
              variant="outline"
              color="gray"
              style={{ textTransform: 'none' }}
              data-testid="diagnosis-model-version"
            >
              версия {model.version}
            </Badge>
          </Group>
        </Group>
        {model.preset && (
          <Text size="sm" mt="xs">
            Поставляемая модель не изменяется.
            {canWrite && ' Чтобы настроить пороги и веса, скопируйте её как модель региона.'}
          </Text>
        )}
      </Paper>
      <ModelRules
        key={`${model.code}:${model.version}`}
        regionId={regionId}
        model={model}
        editable={canWrite && !model.preset}
        onRefresh={() => void list.refetch()}
      />
      <Modal opened={copying} onClose={() => setCopying(false)} title="Копия модели для региона" size="md">
        {copying && (
          <CopyForm
            regionId={regionId}
            from={model}
            onDone={(code) => {
              setCopying(false);
              if (code) setChosen(code);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

/** The factors' table: thresholds and indicator weights, editable as a draft for the region's model. */
function ModelRules({
  regionId,
  model,
  editable,
  onRefresh,
}: {
  regionId: string;
  model: DiagnosisModelView;
  editable: boolean;
  onRefresh: () => void;
}) {
  const [draft, setDraft] = useState<DiagnosisModelRule[]>(() => structuredClone(model.rules));
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const update = useUpdateDiagnosisModel();
  const factorTitle = new Map(model.factors.map((f) => [f.key, f]));
  const indicatorOf = new Map(model.indicators.map((i) => [i.key, i]));
  const changed = rulesChanged(model.rules, draft);

  // The server's problems by the factor's row (and the indicator) they name; the rest stay in the alert.
  const problems = update.error instanceof ApiError ? update.error.problems : [];
  const byFactor = new Map<number, string[]>();
  const byIndicator = new Map<string, string[]>();
  const placedFields: string[] = [];
  for (const p of problems) {
    const place = problemPlace(p.field);
    if (!place || !p.field || place.factor >= draft.length) continue;
    placedFields.push(p.field);
    if (place.indicator === null) byFactor.set(place.factor, [...(byFactor.get(place.factor) ?? []), p.message]);
    else {
      const key = `${place.factor}:${place.indicator}`;
      byIndicator.set(key, [...(byIndicator.get(key) ?? []), p.message]);
    }
  }
  const localProblems = editable ? draft.map((r) => thresholdsProblem(r)) : [];
  const badWeight = editable && draft.some((r) => r.indicators.some((x) => !(x.weight > 0)));
  const blocked = localProblems.some(Boolean) || badWeight;

  const setRule = (n: number, change: Partial<DiagnosisModelRule>) =>
    setDraft((d) => d.map((r, i) => (i === n ? { ...r, ...change } : r)));
  const setWeight = (n: number, m: number, weight: number) =>
    setDraft((d) =>
      d.map((r, i) =>
        i === n ? { ...r, indicators: r.indicators.map((x, j) => (j === m ? { ...x, weight } : x)) } : r,
      ),
    );
  const toggle = (key: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const save = () =>
    update.mutate(
      { regionId, code: model.code, rules: draft, version: model.version },
      {
        onSuccess: (saved) =>
          notifications.show({ color: 'teal', message: `Модель сохранена: версия ${saved.version}.` }),
      },
    );

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={680} type="native">
        <Table withTableBorder fz="sm" verticalSpacing={8} aria-label={`Факторы риска: ${model.title}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Фактор риска</Table.Th>
              <Table.Th w={150}>Высокий риск от</Table.Th>
              <Table.Th w={150}>Средний риск от</Table.Th>
              <Table.Th w={170}>Показатели</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.map((rule, n) => {
              const factor = factorTitle.get(rule.factor);
              const messages = [
                ...(byFactor.get(n) ?? []),
                ...(localProblems[n] && !(byFactor.get(n) ?? []).includes(localProblems[n]) ? [localProblems[n]] : []),
              ];
              const indicatorTrouble = rule.indicators.some(
                (x, m) => byIndicator.has(`${n}:${m}`) || (editable && !(x.weight > 0)),
              );
              const expanded = open.has(rule.factor) || indicatorTrouble;
              const trouble = messages.length > 0 || indicatorTrouble;
              const title = factor?.title ?? rule.factor;
              return (
                <Fragment key={rule.factor}>
                  <Table.Tr
                    style={trouble ? { background: 'var(--mantine-color-red-light)' } : undefined}
                    data-testid={`model-factor-${n}`}
                  >
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {title}
                      </Text>
                      {factor?.description && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {factor.description}
                        </Text>
                      )}
                      {messages.map((message) => (
                        <Text key={message} size="xs" c="red.8" fw={500} role="alert">
                          {message}
                        </Text>
                      ))}
                    </Table.Td>
                    <ThresholdCell
                      label={`Высокий риск от: ${title}`}
                      value={rule.high}
                      editable={editable}
                      invalid={messages.length > 0}
                      onChange={(v) => setRule(n, { high: v })}
                    />
                    <ThresholdCell
                      label={`Средний риск от: ${title}`}
                      value={rule.medium}
                      editable={editable}
                      invalid={messages.length > 0}
                      onChange={(v) => setRule(n, { medium: v })}
                    />
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        leftSection={
                          expanded ? (
                            <IconChevronDown size={16} aria-hidden />
                          ) : (
                            <IconChevronRight size={16} aria-hidden />
                          )
                        }
                        onClick={() => toggle(rule.factor)}
                        aria-expanded={expanded}
                        disabled={indicatorTrouble}
                      >
                        {rule.indicators.length}{' '}
                        {plural(rule.indicators.length, ['показатель', 'показателя', 'показателей'])}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr>
                      <Table.Td colSpan={4} style={{ background: 'var(--mantine-color-gray-0)' }}>
                        <Stack gap="sm" pl="md">
                          {rule.indicators.map((x, m) => {
                            const indicator = indicatorOf.get(x.indicator);
                            const errors = byIndicator.get(`${n}:${m}`) ?? [];
                            const weightError = editable && !(x.weight > 0) ? 'Вес должен быть больше нуля.' : null;
                            return (
                              <Stack key={x.indicator} gap={4}>
                                <Group gap="sm" wrap="nowrap" justify="space-between" align="flex-start">
                                  <Text size="sm" fw={500}>
                                    {indicator?.title ?? x.indicator}
                                  </Text>
                                  {editable ? (
                                    <NumberInput
                                      aria-label={`Вес показателя: ${indicator?.title ?? x.indicator}`}
                                      leftSection={
                                        <Text size="xs" c="dimmed">
                                          вес
                                        </Text>
                                      }
                                      leftSectionWidth={36}
                                      value={numberValue(x.weight)}
                                      onChange={(v) => setWeight(n, m, asNumber(v))}
                                      min={0}
                                      max={1000}
                                      decimalScale={3}
                                      decimalSeparator=","
                                      size="xs"
                                      w={130}
                                      style={{ flexShrink: 0 }}
                                      error={errors.length > 0 || weightError !== null}
                                    />
                                  ) : (
                                    <Text size="sm" style={{ flexShrink: 0 }}>
                                      вес {scoreText(x.weight)}
                                    </Text>
                                  )}
                                </Group>
                                {[
                                  ...errors,
                                  ...(weightError && !errors.includes(weightError) ? [weightError] : []),
                                ].map((message) => (
                                  <Text key={message} size="xs" c="red.8" fw={500} role="alert">
                                    {message}
                                  </Text>
                                ))}
                                {indicator && indicator.questions.length > 0 && (
                                  <List size="xs" c="dimmed" spacing={2} withPadding>
                                    {indicator.questions.map((q) => (
                                      <List.Item key={q.question}>
                                        {q.text}
                                        {indicator.questions.length > 1 && ` — вес ${scoreText(q.weight)}`}
                                      </List.Item>
                                    ))}
                                  </List>
                                )}
                              </Stack>
                            );
                          })}
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editable && (
        <>
          <ErrorAlert error={update.error} onRefresh={onRefresh} shownFields={placedFields} />
          <Group justify="space-between" gap="sm">
            <Text size="xs" c="dimmed" maw={520}>
              Сохранение создаёт версию {model.version + 1}. Кампании, уже открытые по этой модели, считаются по своей
              версии; новые — по последней.
            </Text>
            <Group gap="sm">
              <Button
                variant="default"
                disabled={!changed || update.isPending}
                onClick={() => {
                  update.reset();
                  setDraft(structuredClone(model.rules));
                }}
              >
                Отменить изменения
              </Button>
              <Button
                leftSection={<IconDeviceFloppy size={18} aria-hidden />}
                onClick={save}
                loading={update.isPending}
                disabled={!changed || blocked}
                data-testid="diagnosis-model-save"
              >
                Сохранить
              </Button>
            </Group>
          </Group>
        </>
      )}
    </Stack>
  );
}

function CopyForm({
  regionId,
  from,
  onDone,
}: {
  regionId: string;
  from: DiagnosisModelView;
  onDone: (code: string | null) => void;
}) {
  const form = useForm({ code: copyCodeOf(from.code), title: `${from.title} (регион)` });
  const copy = useCopyDiagnosisModel();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(diagnosisModelCopy, { regionId, from: from.code, ...form.values });
    if (!input) return;
    copy.mutate(input, {
      onSuccess: (m) => {
        notifications.show({ color: 'teal', message: `Модель «${m.title}» создана: её пороги и веса можно менять.` });
        onDone(m.code);
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          Копия модели «{from.title}» станет моделью региона: её пороги и веса показателей можно будет менять.
        </Text>
        <TextInput
          label="Код модели"
          description="3–40 латинских строчных букв, цифр и дефисов; не меняется"
          {...form.text('code')}
          required
          maxLength={40}
        />
        <TextInput label="Название" {...form.text('title')} required maxLength={300} />
        <ErrorAlert error={copy.error} shownFields={['code', 'title']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(null)}>
            Отмена
          </Button>
          <Button type="submit" loading={copy.isPending}>
            Скопировать
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// A number field shows an unset value as empty and gives back NaN for it, so the model's check can name it.
const numberValue = (v: number) => (Number.isFinite(v) ? v : '');
const asNumber = (v: string | number) => (typeof v === 'number' ? v : Number.NaN);

/** A factor's threshold (0–100): a number field while the model is edited, the score otherwise. */
function ThresholdCell(props: {
  label: string;
  value: number;
  editable: boolean;
  invalid: boolean;
  onChange: (value: number) => void;
}) {
  return (
    <Table.Td>
      {props.editable ? (
        <NumberInput
          aria-label={props.label}
          value={numberValue(props.value)}
          onChange={(v) => props.onChange(asNumber(v))}
          min={0}
          max={100}
          decimalScale={2}
          decimalSeparator=","
          size="xs"
          w={110}
          error={props.invalid}
        />
      ) : (
        scoreText(props.value)
      )}
    </Table.Td>
  );
}
