import { Button, Group, Modal, Stack, Text } from '@mantine/core';
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
