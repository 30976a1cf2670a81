// An individual development plan (ИОМ): a title, a period and its steps, each with a due date and, when it
// addresses one, the deficit it works on.
import { ActionIcon, Button, Checkbox, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { planInput, planPatch } from '../../contract/staff.ts';
import { type DevelopmentPlan, type StaffDeficit, useAddPlan, useUpdatePlan } from '../api/staff.ts';
import { changedFields, serverFieldErrors, useForm } from '../lib/form.ts';
import { DateTextInput } from './DateTextInput.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

interface Step {
  /** React's key for the row; the step's own key is kept in `key` once the server gave one. */
  row: number;
  key?: string | undefined;
  action: string;
  due: string | null;
  deficitId: string | null;
  done: boolean;
}

interface FormValues extends Record<string, unknown> {
  title: string;
  periodStart: string | null;
  periodEnd: string | null;
}

interface PlanFormProps {
  personId: string;
  plan?: DevelopmentPlan;
  deficits: StaffDeficit[];
  onSaved: () => void;
  onCancel: () => void;
  onRefresh: () => void;
}

const shownFields = ['title', 'periodStart', 'periodEnd', 'items'];
const sent = (steps: Step[]) => steps.map(({ row: _row, ...s }) => s);

export function DevelopmentPlanForm({ personId, plan, deficits, onSaved, onCancel, onRefresh }: PlanFormProps) {
  const form = useForm<FormValues>({
    title: plan?.title ?? '',
    periodStart: plan?.periodStart ?? null,
    periodEnd: plan?.periodEnd ?? null,
  });
  const [next, setNext] = useState(plan?.items.length ?? 1);
  const [steps, setSteps] = useState<Step[]>(
    plan
      ? plan.items.map((s, row) => ({ ...s, row }))
      : [{ row: 0, action: '', due: null, deficitId: null, done: false }],
  );
  const add = useAddPlan(personId);
  const update = useUpdatePlan();
  const mutation = plan ? update : add;
  const { values, set, errors } = form;
  const onError = (error: unknown) => form.setErrors(serverFieldErrors(error));
  const deficitOptions = deficits.map((d) => ({ value: d.id, label: d.area }));

  const change = (row: number, patch: Partial<Step>) =>
    setSteps((all) => all.map((s) => (s.row === row ? { ...s, ...patch } : s)));
  const addStep = () => {
    setSteps((all) => [...all, { row: next, action: '', due: null, deficitId: null, done: false }]);
    setNext((n) => n + 1);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Empty rows are left out rather than refused.
    const items = sent(steps.filter((s) => s.action.trim() !== ''));
    const done = (message: string) => () => {
      notifications.show({ color: 'teal', message });
      onSaved();
    };
    if (!plan) {
      const input = form.validate(planInput, { ...values, items });
      if (input) add.mutate(input, { onSuccess: done('Маршрут составлен.'), onError });
      return;
    }
    const changes = changedFields(values, plan) ?? {};
    if (JSON.stringify(items) !== JSON.stringify(plan.items)) changes.items = items;
    if (Object.keys(changes).length === 0) return onCancel();
    const patch = form.validate(planPatch, { ...changes, version: plan.version });
    if (patch) update.mutate({ ...patch, id: plan.id }, { onSuccess: done('Изменения сохранены.'), onError });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Название маршрута"
          placeholder="Например, «ИОМ на 2026/2027 учебный год»"
          {...form.text('title')}
          required
          maxLength={300}
          data-autofocus
        />
        <Group grow align="flex-start">
          <DateTextInput
            label="Начало периода"
            value={values.periodStart}
            onChange={(v) => set('periodStart', v)}
            allowEmpty
            error={errors.periodStart}
          />
          <DateTextInput
            label="Окончание периода"
            value={values.periodEnd}
            onChange={(v) => set('periodEnd', v)}
            allowEmpty
            error={errors.periodEnd}
          />
        </Group>
        <Fieldset legend="Пункты маршрута" variant="filled">
          <Stack gap="sm">
            {steps.map((s, i) => (
              <Stack key={s.row} gap={6} data-testid="plan-step">
                <Group gap="xs" align="flex-end" wrap="nowrap">
                  <TextInput
                    label={`${i + 1}. Что сделать`}
                    value={s.action}
                    onChange={(e) => change(s.row, { action: e.currentTarget.value })}
                    maxLength={1000}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="default"
                    color="red"
                    size="lg"
                    onClick={() => setSteps((all) => all.filter((x) => x.row !== s.row))}
                    aria-label={`Убрать пункт ${i + 1}`}
                    title="Убрать пункт"
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
                <Group gap="xs" align="flex-end">
                  <DateTextInput label="Срок" value={s.due} onChange={(v) => change(s.row, { due: v })} allowEmpty />
                  <Select
                    label="Устраняемый дефицит"
                    data={deficitOptions}
                    value={s.deficitId}
                    onChange={(v) => change(s.row, { deficitId: v })}
                    placeholder={deficitOptions.length ? 'Не указан' : 'Дефициты не выявлены'}
                    disabled={deficitOptions.length === 0 && !s.deficitId}
                    clearable
                    style={{ flex: 1, minWidth: 200 }}
                  />
                  <Checkbox
                    label="Выполнен"
                    checked={s.done}
                    onChange={(e) => change(s.row, { done: e.currentTarget.checked })}
                    mb={8}
                  />
                </Group>
              </Stack>
            ))}
            {steps.length === 0 && (
              <Text size="sm" c="dimmed">
                Пунктов пока нет.
              </Text>
            )}
            {errors.items && (
              <Text size="sm" c="red" role="alert">
                {errors.items}
              </Text>
            )}
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={addStep}
                disabled={steps.length >= 100}
              >
                Добавить пункт
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <ErrorAlert error={mutation.error} onRefresh={onRefresh} shownFields={shownFields} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Отмена
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {plan ? 'Сохранить' : 'Составить'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
