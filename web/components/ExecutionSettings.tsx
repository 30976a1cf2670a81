// How a programme's execution is chased and shown: days ahead for «скоро срок», days overdue before the level
// above is told, whether closing needs a comment, and whether the progress is published for parents and press.
import { Anchor, Button, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import type { ProgrammeDetail } from '../../contract/programmes.ts';
import { useUpdateProgramme } from '../api/programmes.ts';
import { managesProgramme } from '../lib/execution-format.ts';
import { can, useCurrentUser } from '../lib/session.ts';
import { ExecutionError } from './ExecutionError.tsx';

export function ExecutionSettings({ programme, onReload }: { programme: ProgrammeDetail; onReload: () => void }) {
  const me = useCurrentUser();
  const canWrite = can(me, 'programme.write') && managesProgramme(me, programme);
  const [settings, setSettings] = useState(programme.settings);
  const [published, setPublished] = useState(programme.public);
  const update = useUpdateProgramme(programme.id);
  const changed = published !== programme.public || JSON.stringify(settings) !== JSON.stringify(programme.settings);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { public: published, settings, version: programme.version },
      { onSuccess: () => notifications.show({ color: 'teal', message: 'Настройки исполнения сохранены.' }) },
    );
  };
  const number = (key: 'dueSoonDays' | 'escalationDays') => (value: string | number) =>
    setSettings((s) => ({ ...s, [key]: typeof value === 'number' ? value : Number.parseInt(value, 10) || 0 }));
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="settings-title"
      data-testid="execution-settings"
    >
      <Title order={2} size="h4" mb="sm" id="settings-title">
        Публикация и контроль сроков
      </Title>
      <Stack gap="sm">
        <Switch
          label="Опубликовать ход реализации на открытой странице (без персональных данных)"
          checked={published}
          onChange={(e) => setPublished(e.currentTarget.checked)}
          disabled={!canWrite}
          data-testid="settings-public"
        />
        {programme.public && (
          <Text size="sm">
            Открытая страница:{' '}
            <Anchor href={`/public/programmes/${programme.id}`} target="_blank" rel="noopener">
              {`${window.location.origin}/public/programmes/${programme.id}`}
            </Anchor>
          </Text>
        )}
        <Group gap="md" align="flex-start">
          <NumberInput
            label="«Скоро срок» за, дней"
            description="Напоминание исполнителю"
            value={settings.dueSoonDays}
            onChange={number('dueSoonDays')}
            min={0}
            max={120}
            allowDecimal={false}
            disabled={!canWrite}
            w={220}
          />
          <NumberInput
            label="Эскалация через, дней просрочки"
            description="Сообщение уровню выше"
            value={settings.escalationDays}
            onChange={number('escalationDays')}
            min={1}
            max={365}
            allowDecimal={false}
            disabled={!canWrite}
            w={240}
          />
        </Group>
        <Switch
          label="Комментарий о результатах обязателен при отметке о выполнении"
          checked={settings.commentRequired}
          onChange={(e) => {
            const commentRequired = e.currentTarget.checked;
            setSettings((s) => ({ ...s, commentRequired }));
          }}
          disabled={!canWrite}
        />
        <ExecutionError error={update.error} onReload={onReload} />
        {canWrite && (
          <Group gap="sm">
            <Button type="submit" disabled={!changed} loading={update.isPending}>
              Сохранить настройки
            </Button>
            {changed && (
              <Button
                variant="default"
                onClick={() => {
                  setSettings(programme.settings);
                  setPublished(programme.public);
                }}
              >
                Отменить изменения
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
