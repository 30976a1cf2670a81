// «Адресные рекомендации» of a round: the analysis and targeted recommendations that go into its report.
// Written while the round is open; frozen with its results.
import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { type RoundDetail, usePatchRound } from '../api/execution.ts';
import { ExecutionError } from './ExecutionError.tsx';

export function RoundRecommendations({
  round,
  canWrite,
  onReload,
}: {
  round: RoundDetail;
  canWrite: boolean;
  onReload: () => void;
}) {
  const [text, setText] = useState(round.recommendations);
  const patch = usePatchRound(round.id);
  const editable = canWrite && round.frozenAt === null;
  const changed = text !== round.recommendations;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    patch.mutate(
      { recommendations: text, version: round.version },
      { onSuccess: () => notifications.show({ color: 'teal', message: 'Рекомендации сохранены.' }) },
    );
  };
  if (!editable)
    return round.recommendations.trim() ? (
      <Paper withBorder p="md" radius="md">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="round-recommendations">
          {round.recommendations}
        </Text>
      </Paper>
    ) : (
      <Text size="sm" c="dimmed">
        Рекомендации не внесены.
      </Text>
    );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          aria-label="Адресные рекомендации"
          description="Войдут в аналитическую справку по итогам мониторинга. Каждую рекомендацию — с новой строки: кому и что сделать."
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={5}
          maxRows={20}
          maxLength={50_000}
          data-testid="round-recommendations"
        />
        <ExecutionError
          error={patch.error}
          onReload={() => {
            patch.reset();
            onReload();
          }}
        />
        <Group gap="sm">
          <Button type="submit" disabled={!changed} loading={patch.isPending}>
            Сохранить рекомендации
          </Button>
          {changed && (
            <Button variant="default" onClick={() => setText(round.recommendations)}>
              Отменить изменения
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
