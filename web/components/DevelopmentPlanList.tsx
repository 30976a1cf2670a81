// Individual development plans (ИОМ) of a member of staff: each plan's steps with their due dates and the
// deficits they address; a step is marked done with its checkbox.
import { Badge, Button, Checkbox, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { type DevelopmentPlan, type StaffDeficit, useDeletePlan, useUpdatePlan } from '../api/staff.ts';
import { isoToRu } from '../lib/deadline-reading.ts';
import { periodText, stepsText } from '../lib/staff-format.ts';
import { DevelopmentPlanForm } from './DevelopmentPlanForm.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { DeleteRecordDialog, RowEditDeleteIcons } from './RecordActions.tsx';

interface PlanListProps {
  personId: string;
  plans: DevelopmentPlan[];
  deficits: StaffDeficit[];
  canWrite: boolean;
  onReload: () => void;
}

export function DevelopmentPlanList({ personId, plans, deficits, canWrite, onReload }: PlanListProps) {
  const [editing, setEditing] = useState<DevelopmentPlan | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DevelopmentPlan | null>(null);
  const remove = useDeletePlan();
  const mark = useUpdatePlan();
  const deficitName = new Map(deficits.map((d) => [d.id, d.area]));

  const toggle = (plan: DevelopmentPlan, key: string, done: boolean) =>
    mark.mutate(
      { id: plan.id, itemDone: { key, done }, version: plan.version },
      {
        onSuccess: (saved) => {
          const step = saved.items.find((s) => s.key === key);
          const deficit = step?.deficitId ? deficits.find((d) => d.id === step.deficitId) : undefined;
          const addressed = deficit && saved.items.filter((s) => s.deficitId === deficit.id).every((s) => s.done);
          notifications.show({
            color: 'teal',
            message:
              done && addressed && deficit.status === 'open'
                ? `Пункт выполнен. Все пункты по дефициту «${deficit.area}» выполнены: его можно отметить устранённым.`
                : done
                  ? 'Пункт отмечен выполненным.'
                  : 'Отметка о выполнении снята.',
          });
        },
      },
    );

  return (
    <Stack gap="sm">
      {canWrite && (
        <Group>
          <Button
            variant="light"
            size="sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing('new')}
          >
            Составить маршрут
          </Button>
        </Group>
      )}
      <ErrorAlert
        error={mark.error}
        onRefresh={() => {
          mark.reset();
          onReload();
        }}
      />
      {plans.length === 0 && (
        <Text size="sm" c="dimmed">
          Индивидуальный образовательный маршрут не составлен.
        </Text>
      )}
      {plans.map((plan) => {
        const done = plan.items.filter((s) => s.done).length;
        return (
          <Paper key={plan.id} withBorder p="md" radius="md" data-testid="plan">
            <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
              <Stack gap={2}>
                <Title order={3} size="h5">
                  {plan.title}
                </Title>
                <Text size="xs" c="dimmed">
                  {[
                    periodText(plan.periodStart, plan.periodEnd),
                    plan.items.length > 0 && stepsText(done, plan.items.length),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
              {canWrite && (
                <RowEditDeleteIcons
                  editLabel={`Изменить маршрут «${plan.title}»`}
                  deleteLabel={`Удалить маршрут «${plan.title}»`}
                  onEdit={() => setEditing(plan)}
                  onDelete={() => setDeleting(plan)}
                  remove={remove}
                />
              )}
            </Group>
            {plan.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                Пунктов пока нет.
              </Text>
            ) : (
              <Stack gap={6} component="ol" style={{ paddingLeft: 0, margin: 0, listStyle: 'none' }}>
                {plan.items.map((s, i) => (
                  <Group key={s.key} component="li" gap="sm" wrap="nowrap" align="flex-start" data-testid="plan-item">
                    <Checkbox
                      checked={s.done}
                      disabled={!canWrite || mark.isPending}
                      onChange={(e) => toggle(plan, s.key, e.currentTarget.checked)}
                      aria-label={`Пункт ${i + 1} выполнен`}
                      mt={2}
                    />
                    <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                      <Text
                        size="sm"
                        td={s.done ? 'line-through' : undefined}
                        c={s.done ? 'dimmed' : undefined}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {i + 1}. {s.action}
                      </Text>
                      <Group gap="xs">
                        {s.due && (
                          <Text size="xs" c="dimmed">
                            срок {isoToRu(s.due)}
                          </Text>
                        )}
                        {s.deficitId && (
                          <Badge size="sm" variant="light" color="orange" style={{ textTransform: 'none' }}>
                            дефицит: {deficitName.get(s.deficitId) ?? 'удалён'}
                          </Badge>
                        )}
                      </Group>
                    </Stack>
                  </Group>
                ))}
              </Stack>
            )}
          </Paper>
        );
      })}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Новый индивидуальный образовательный маршрут' : 'Изменение маршрута'}
        size="xl"
      >
        {editing !== null && (
          <DevelopmentPlanForm
            personId={personId}
            plan={editing === 'new' ? undefined : editing}
            deficits={deficits}
            onSaved={() => setEditing(null)}
            onCancel={() => setEditing(null)}
            onRefresh={() => {
              onReload();
              setEditing(null);
            }}
          />
        )}
      </Modal>
      <DeleteRecordDialog
        record={deleting}
        title="Удалить маршрут?"
        done="Маршрут удалён."
        remove={remove}
        onClose={() => setDeleting(null)}
        onReload={onReload}
      >
        Маршрут «{deleting?.title}» со всеми пунктами будет удалён. Запись об удалении сохранится в журнале изменений.
      </DeleteRecordDialog>
    </Stack>
  );
}
