// Professional deficits of a member of staff, open ones first, with how far the development plan steps
// addressing each have gone. Marking a deficit addressed is the user's decision, offered once every step
// addressing it is done.
import { Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlus, IconRotate } from '@tabler/icons-react';
import { useState } from 'react';
import { deficitStatusLabels } from '../../contract/staff.ts';
import { type StaffDeficit, useDeleteDeficit, useUpdateDeficit } from '../api/staff.ts';
import { isoToRu } from '../lib/deadline-reading.ts';
import { stepsText } from '../lib/staff-format.ts';
import { DeficitForm } from './DeficitForm.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { DeleteRecordDialog, RowEditDeleteIcons } from './RecordActions.tsx';

interface DeficitListProps {
  personId: string;
  deficits: StaffDeficit[];
  canWrite: boolean;
  onReload: () => void;
}

export function DeficitList({ personId, deficits, canWrite, onReload }: DeficitListProps) {
  const [editing, setEditing] = useState<StaffDeficit | 'new' | null>(null);
  const [deleting, setDeleting] = useState<StaffDeficit | null>(null);
  const remove = useDeleteDeficit();
  const status = useUpdateDeficit();

  const setStatus = (d: StaffDeficit, next: StaffDeficit['status']) =>
    status.mutate(
      { id: d.id, status: next, version: d.version },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message:
              next === 'addressed' ? `Дефицит «${d.area}» отмечен устранённым.` : `Дефицит «${d.area}» снова в работе.`,
          }),
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
            Добавить дефицит
          </Button>
        </Group>
      )}
      <ErrorAlert
        error={status.error}
        onRefresh={() => {
          status.reset();
          onReload();
        }}
      />
      {deficits.length === 0 ? (
        <Text size="sm" c="dimmed">
          Профессиональные дефициты не выявлены.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="deficits">
          {deficits.map((d) => (
            <Paper key={d.id} component="li" withBorder p="sm" radius="md" data-testid="deficit">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {d.area}
                    </Text>
                    <Badge color={d.status === 'open' ? 'orange' : 'teal'} variant="light">
                      {deficitStatusLabels[d.status]}
                    </Badge>
                  </Group>
                  {d.description && (
                    <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                      {d.description}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {[d.identifiedOn && `выявлен ${isoToRu(d.identifiedOn)}`, d.source].filter(Boolean).join(' · ') ||
                      'дата и источник не указаны'}
                  </Text>
                  <Text size="xs" c={d.steps === 0 ? 'dimmed' : undefined}>
                    {d.steps === 0
                      ? 'В маршруте нет пунктов, направленных на устранение.'
                      : `ИОМ: ${stepsText(d.stepsDone, d.steps)}.`}
                  </Text>
                </Stack>
                {canWrite && (
                  <Group gap={4} wrap="nowrap">
                    {d.status === 'open' ? (
                      <Button
                        size="xs"
                        variant="light"
                        color="teal"
                        leftSection={<IconCheck size={14} aria-hidden />}
                        disabled={!d.canMarkAddressed}
                        title={
                          d.canMarkAddressed
                            ? undefined
                            : 'Станет доступно, когда будут выполнены все пункты ИОМ, направленные на устранение'
                        }
                        loading={status.isPending && status.variables?.id === d.id}
                        onClick={() => setStatus(d, 'addressed')}
                      >
                        Устранён
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconRotate size={14} aria-hidden />}
                        loading={status.isPending && status.variables?.id === d.id}
                        onClick={() => setStatus(d, 'open')}
                      >
                        Вернуть в работу
                      </Button>
                    )}
                    <RowEditDeleteIcons
                      editLabel={`Изменить дефицит «${d.area}»`}
                      deleteLabel={`Удалить дефицит «${d.area}»`}
                      onEdit={() => setEditing(d)}
                      onDelete={() => setDeleting(d)}
                      remove={remove}
                    />
                  </Group>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Новый профессиональный дефицит' : 'Изменение дефицита'}
        size="lg"
      >
        {editing !== null && (
          <DeficitForm
            personId={personId}
            deficit={editing === 'new' ? undefined : editing}
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
        title="Удалить дефицит?"
        done="Дефицит удалён."
        remove={remove}
        onClose={() => setDeleting(null)}
        onReload={onReload}
      >
        Дефицит «{deleting?.area}» будет удалён. Если на него ссылаются пункты маршрута, сначала уберите эти ссылки.
      </DeleteRecordDialog>
    </Stack>
  );
}
