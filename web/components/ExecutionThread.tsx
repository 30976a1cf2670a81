// The coaching thread of one executing unit: the school, its curator and the coordinators write to each other
// about the work, each message with its author, role and time.
import { Avatar, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { usePostComment, useThread } from '../api/execution.ts';
import { formatDateTime } from '../lib/format.ts';
import { roleLabels } from '../lib/labels.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoader } from './Loading.tsx';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');

const roleLabel = (role: string) => (roleLabels as Record<string, string>)[role] ?? role;

export function ExecutionThread({ unitId, canPost }: { unitId: string; canPost: boolean }) {
  const thread = useThread(unitId);
  const post = usePostComment(unitId);
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setEmpty(true);
    post.mutate(text.trim(), { onSuccess: () => setText('') });
  };
  if (thread.isPending) return <PageLoader />;
  if (thread.isError) return <ErrorAlert error={thread.error} onRetry={() => thread.refetch()} />;
  return (
    <Stack gap="sm">
      {thread.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          Сообщений пока нет. Здесь исполнитель, куратор и координатор обсуждают ход работы.
        </Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="thread">
          {thread.data.map((c) => (
            <Paper component="li" key={c.id} withBorder p="sm" radius="md" data-testid="thread-message">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Avatar size="sm" color="blue" radius="xl" aria-hidden>
                  {initials(c.authorName || c.authorLogin)}
                </Avatar>
                <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Text size="sm" fw={600}>
                      {c.authorName || c.authorLogin}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {roleLabel(c.authorRole)} · {formatDateTime(c.createdAt)}
                    </Text>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {c.text}
                  </Text>
                </Stack>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {canPost && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Textarea
              label="Сообщение"
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setEmpty(false);
              }}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={5000}
              error={empty ? 'Напишите сообщение.' : undefined}
              data-testid="thread-input"
            />
            <ErrorAlert error={post.error} />
            <Group>
              <Button type="submit" size="xs" loading={post.isPending} data-testid="thread-submit">
                Отправить
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
