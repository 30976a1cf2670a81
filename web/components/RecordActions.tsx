// The edit and delete controls of a record's page or a list's row, and the dialog that confirms the delete.

import { ActionIcon, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** The state of a delete mutation the dialog shows: a stale version's error is cleared before refreshing. */
interface Removal {
  isPending: boolean;
  error: unknown;
  reset: () => void;
}

interface EditDeleteButtonsProps {
  editLabel?: string;
  onEdit: () => void;
  /** Opens the delete dialog; the previous attempt's error is cleared first. */
  onDelete: () => void;
  remove: Removal;
}

export function EditDeleteButtons({ editLabel = 'Изменить', onEdit, onDelete, remove }: EditDeleteButtonsProps) {
  return (
    <>
      <Button leftSection={<IconPencil size={18} aria-hidden />} onClick={onEdit}>
        {editLabel}
      </Button>
      <Button
        variant="outline"
        color="red.8"
        leftSection={<IconTrash size={18} aria-hidden />}
        onClick={() => {
          remove.reset();
          onDelete();
        }}
      >
        Удалить
      </Button>
    </>
  );
}

interface DeleteDialogProps {
  opened: boolean;
  title: string;
  confirmLabel?: string;
  remove: Removal;
  /** Reloads the record after a conflict; the failed attempt is reset first. */
  onRefresh: () => void;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}

export function DeleteDialog({ remove, onRefresh, confirmLabel = 'Удалить', ...props }: DeleteDialogProps) {
  return (
    <ConfirmDialog
      opened={props.opened}
      title={props.title}
      confirmLabel={confirmLabel}
      danger
      loading={remove.isPending}
      error={remove.error}
      onRefresh={() => {
        remove.reset();
        onRefresh();
      }}
      onConfirm={props.onConfirm}
      onClose={props.onClose}
    >
      {props.children}
    </ConfirmDialog>
  );
}

interface DeleteRecordDialogProps<T extends { id: string; version: number | null }> {
  /** The record asked about; null keeps the dialog closed. */
  record: T | null;
  title: string;
  /** Said when it is gone: «Курс удалён.» */
  done: string;
  children: ReactNode;
  remove: Removal & { mutate: (v: { id: string; version: number }, o: { onSuccess: () => void }) => void };
  onClose: () => void;
  /** Reloads the list after a conflict («Обновить»). */
  onReload: () => void;
}

/** Deleting a versioned record of a list after asking: its version goes with the request. */
export function DeleteRecordDialog<T extends { id: string; version: number | null }>(
  props: DeleteRecordDialogProps<T>,
) {
  const { record, remove, onClose } = props;
  return (
    <DeleteDialog
      opened={record !== null}
      title={props.title}
      remove={remove}
      onRefresh={() => {
        onClose();
        props.onReload();
      }}
      onConfirm={() =>
        record &&
        remove.mutate(
          { id: record.id, version: record.version ?? 1 },
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
    </DeleteDialog>
  );
}

interface RowEditDeleteProps {
  /** What the buttons say to a screen reader: «Изменить курс «…»», «Удалить курс «…»». */
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  /** Opens the delete dialog; the previous attempt's error is cleared first. */
  onDelete: () => void;
  remove: Removal;
}

/** The edit and delete icons of a row in a list. */
export function RowEditDeleteIcons({ editLabel, deleteLabel, onEdit, onDelete, remove }: RowEditDeleteProps) {
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="default" onClick={onEdit} aria-label={editLabel} title="Изменить">
        <IconPencil size={16} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="default"
        color="red"
        onClick={() => {
          remove.reset();
          onDelete();
        }}
        aria-label={deleteLabel}
        title="Удалить"
      >
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
