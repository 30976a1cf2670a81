import { Button, Group, Stack } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { ApiError } from '../api/client.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/**
 * A write's error as the server worded it. Any 409 — a stale version, or work whose state changed meanwhile
 * (the programme reopened, the round frozen) — offers to reload what is on screen.
 */
export function ExecutionError({
  error,
  onReload,
  shownFields,
}: {
  error: unknown;
  onReload?: () => void;
  /** Fields whose problems the form already shows (or whose message the alert's text repeats). */
  shownFields?: readonly string[];
}) {
  if (!error) return null;
  // Problems that only repeat the message above them are not listed again.
  const repeated =
    error instanceof ApiError
      ? error.problems.flatMap((p) => (p.field && error.message.includes(p.message) ? [p.field] : []))
      : [];
  const hidden = [...(shownFields ?? []), ...repeated];
  const otherConflict = error instanceof ApiError && error.status === 409 && error.code !== 'conflict.stale';
  return (
    <Stack gap={6}>
      <ErrorAlert error={error} onRefresh={onReload} shownFields={hidden} />
      {otherConflict && onReload && (
        <Button
          size="xs"
          variant="default"
          w="fit-content"
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={onReload}
        >
          Обновить данные
        </Button>
      )}
    </Stack>
  );
}

/**
 * The foot of a dialog form that writes: the server's error (a 409 offers to reload, then closes the dialog),
 * «Отмена» and «Сохранить».
 */
export function SaveCancel({
  save,
  onReload,
  onCancel,
}: {
  save: { error: unknown; isPending: boolean; reset: () => void };
  onReload: () => void;
  onCancel: () => void;
}) {
  return (
    <>
      <ExecutionError
        error={save.error}
        onReload={() => {
          save.reset();
          onReload();
          onCancel();
        }}
      />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          Отмена
        </Button>
        <Button type="submit" loading={save.isPending}>
          Сохранить
        </Button>
      </Group>
    </>
  );
}
