import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  loading?: boolean;
  error?: unknown;
  onRefresh?: () => void;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before an action that cannot be undone; the cancel button gets the focus first. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { opened, title, children, confirmLabel, danger = false, loading = false, error, onRefresh } = props;
  return (
    <Modal opened={opened} onClose={props.onClose} title={title} size="md">
      <Stack>
        <Text size="sm" component="div">
          {children}
        </Text>
        <ErrorAlert error={error} onRefresh={onRefresh} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            Отмена
          </Button>
          <Button color={danger ? 'red.8' : undefined} loading={loading} onClick={props.onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface DeleteRecordDialogProps<T extends { id: string; version: number }> {
  /** The record asked about; null keeps the dialog closed. */
  record: T | null;
  title: string;
  /** Said when it is gone: «Курс удалён.» */
  done: string;
  children: ReactNode;
  remove: {
    isPending: boolean;
    error: unknown;
    reset: () => void;
    mutate: (v: { id: string; version: number }, o: { onSuccess: () => void }) => void;
  };
  onClose: () => void;
  /** Reloads the list after a conflict («Обновить»). */
  onReload: () => void;
}

/** Deleting a versioned record after asking: its version goes with the request; a conflict offers a reload. */
export function DeleteRecordDialog<T extends { id: string; version: number }>(props: DeleteRecordDialogProps<T>) {
  const { record, remove, onClose } = props;
  return (
    <ConfirmDialog
      opened={record !== null}
      title={props.title}
      confirmLabel="Удалить"
      danger
      loading={remove.isPending}
      error={remove.error}
      onRefresh={() => {
        remove.reset();
        onClose();
        props.onReload();
      }}
      onConfirm={() =>
        record &&
        remove.mutate(
          { id: record.id, version: record.version },
          {
            onSuccess: () => {
              onClose();
              notifications.show({ color: 'teal', message: props.done });
            },
          },
        )
      }
      onClose={onClose}
    >
      {props.children}
    </ConfirmDialog>
  );
}
