// The approval of a roadmap on its card: status, the actions the user may take now (returning needs a
// comment), review history, frozen versions, the changes against the approved version, and the cascaded
// roadmaps of municipalities or schools with their statuses.
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Spoiler,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { ProgrammeDetail } from '../../contract/programmes.ts';
import { type ApprovalBody, type ApprovalState, useApproval, useApprovalAction } from '../api/execution.ts';
import {
  approvalActionLabels,
  approvalStatusColour,
  approvalStatusLabel,
  changedFieldsText,
  changeKindViews,
  type VersionChange,
} from '../lib/execution-format.ts';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import { levelLabels, type ProgrammeLevel } from '../lib/programme-format.ts';
import { type Column, DataTable } from './DataTable.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ViewBadge } from './ExecutionBadges.tsx';
import { ExecutionError } from './ExecutionError.tsx';
import { PageLoader } from './Loading.tsx';

type Action = ApprovalBody['action'];

const actionHints: Record<Action, string> = {
  submit: 'Программа будет направлена согласующему. Пока она на согласовании, её текст не меняют.',
  return: 'Программа вернётся разработчику. Напишите, что нужно доработать.',
  approve: 'Текущий текст будет зафиксирован как утверждённая версия; по утверждённой программе отмечается исполнение.',
  reopen:
    'Программа снова станет проектом для внесения изменений. Утверждённая версия сохранится; изменения будут видны в сравнении с ней.',
};

export function ApprovalPanel({ programme, onReload }: { programme: ProgrammeDetail; onReload: () => void }) {
  const state = useApproval(programme.id);
  const [action, setAction] = useState<Action | null>(null);
  if (state.isPending) return <PageLoader />;
  if (state.isError) return <ErrorAlert error={state.error} onRetry={() => state.refetch()} />;
  const s = state.data;
  return (
    <Stack gap="lg" data-testid="approval-panel">
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={600}>Статус:</Text>
              <Badge
                color={approvalStatusColour(s.status)}
                variant="light"
                size="lg"
                tt="none"
                data-testid="approval-status"
                data-status={s.status}
              >
                {approvalStatusLabel(s.status)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {s.approvedVersion !== null
                ? `Утверждённая версия № ${s.approvedVersion} от ${formatDateTime(s.approvedAt)}`
                : 'Утверждённых версий пока нет'}
            </Text>
          </Stack>
          {s.actions.length > 0 && (
            <Group gap="xs" data-testid="approval-actions">
              {s.actions.map((a) => (
                <Button
                  key={a}
                  variant={a === 'return' ? 'outline' : a === 'reopen' ? 'default' : 'filled'}
                  color={a === 'return' ? 'orange' : a === 'approve' ? 'teal' : undefined}
                  onClick={() => setAction(a)}
                  data-testid={`approval-${a}`}
                >
                  {approvalActionLabels[a]}
                </Button>
              ))}
            </Group>
          )}
        </Group>
      </Paper>

      {s.approvedVersion !== null && <Changes changes={s.changes} />}
      <Reviews state={s} />
      {s.versions.length > 0 && <Versions state={s} />}
      {s.children.length > 0 && <Children state={s} />}

      {action && (
        <ActionDialog
          programme={programme}
          action={action}
          onClose={() => setAction(null)}
          onReload={() => {
            setAction(null);
            void state.refetch();
            onReload();
          }}
        />
      )}
    </Stack>
  );
}

function ActionDialog(props: {
  programme: ProgrammeDetail;
  action: Action;
  onClose: () => void;
  onReload: () => void;
}) {
  const { programme, action } = props;
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const change = useApprovalAction(programme.id);
  const required = action === 'return';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (required && !comment.trim()) return setMissing(true);
    change.mutate(
      { action, comment: comment.trim(), version: programme.version },
      {
        onSuccess: (s: ApprovalState) => {
          notifications.show({ color: 'teal', message: `Статус программы: «${approvalStatusLabel(s.status)}».` });
          props.onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={props.onClose} title={approvalActionLabels[action]} size="md">
      <form onSubmit={submit} noValidate data-testid="approval-dialog">
        <Stack gap="sm">
          <Text size="sm">{actionHints[action]}</Text>
          <Textarea
            label="Комментарий"
            description={required ? 'Обязателен: что нужно доработать' : 'Необязательно'}
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setMissing(false);
            }}
            required={required}
            autosize
            minRows={3}
            maxLength={5000}
            error={missing ? 'Укажите, что нужно доработать.' : undefined}
            data-autofocus
            data-testid="approval-comment"
          />
          <ExecutionError error={change.error} onReload={props.onReload} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              Отмена
            </Button>
            <Button
              type="submit"
              loading={change.isPending}
              color={action === 'return' ? 'orange' : undefined}
              data-testid="approval-confirm"
            >
              {approvalActionLabels[action]}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Changes({ changes }: { changes: VersionChange[] }) {
  const columns: Column<VersionChange>[] = [
    { key: 'kind', header: 'Изменение', width: 120, render: (c) => <ViewBadge view={changeKindViews[c.kind]} /> },
    { key: 'number', header: '№', width: 70, render: (c) => (c.after ?? c.before)?.number || '—' },
    {
      key: 'text',
      header: 'Мероприятие',
      render: (c) => <ChangeText change={c} />,
    },
    {
      key: 'fields',
      header: 'Что изменилось',
      width: 200,
      render: (c) => (c.kind === 'changed' ? changedFieldsText(c.fields) : c.kind === 'added' ? 'новое' : 'исключено'),
    },
  ];
  return (
    <section aria-labelledby="changes-title">
      <Title order={2} size="h4" mb="xs" id="changes-title">
        Изменения относительно утверждённой версии
      </Title>
      <DataTable
        label="Изменения относительно утверждённой версии"
        testId="approval-changes"
        columns={columns}
        rows={changes}
        rowKey={(c) => `${c.kind}-${(c.after ?? c.before)?.id}`}
        empty="Текст программы совпадает с утверждённой версией."
        minWidth={700}
      />
    </section>
  );
}

/** The activity's text; for a change, each changed field before → after. */
function ChangeText({ change: c }: { change: VersionChange }) {
  const a = c.after ?? c.before;
  if (c.kind !== 'changed' || !c.before || !c.after) return <Text size="sm">{a?.text}</Text>;
  const pairs = [
    { key: 'text', label: 'Формулировка', before: c.before.text, after: c.after.text },
    { key: 'deadline', label: 'Срок', before: c.before.deadlineText, after: c.after.deadlineText },
    { key: 'responsible', label: 'Ответственные', before: c.before.responsible, after: c.after.responsible },
    { key: 'section', label: 'Раздел', before: c.before.section, after: c.after.section },
  ].filter((p) => c.fields?.includes(p.key) && p.before !== p.after);
  return (
    <Stack gap={4}>
      <Text size="sm">{c.after.text}</Text>
      {pairs.map((p) => (
        <Text key={p.key} size="xs">
          <Text span fw={600} size="xs">
            {p.label}:
          </Text>{' '}
          <Text span td="line-through" c="dimmed" size="xs">
            {p.before || '—'}
          </Text>{' '}
          → {p.after || '—'}
        </Text>
      ))}
    </Stack>
  );
}

function Reviews({ state }: { state: ApprovalState }) {
  return (
    <section aria-labelledby="reviews-title">
      <Title order={2} size="h4" mb="xs" id="reviews-title">
        История согласования
      </Title>
      {state.reviews.length === 0 ? (
        <Text size="sm" c="dimmed">
          Программа ещё не направлялась на согласование.
        </Text>
      ) : (
        <Spoiler maxHeight={340} showLabel="Показать всю историю" hideLabel="Свернуть">
          <Timeline bulletSize={14} lineWidth={2} data-testid="approval-reviews">
            {state.reviews.map((r, i) => (
              <Timeline.Item
                // biome-ignore lint/suspicious/noArrayIndexKey: reviews have no id and never move.
                key={`${r.at}-${i}`}
                title={
                  <Text size="sm">
                    {approvalStatusLabel(r.fromStatus)} → <b>{approvalStatusLabel(r.toStatus)}</b>
                  </Text>
                }
              >
                <Text size="xs" c="dimmed">
                  {r.actorLogin} · {formatDateTime(r.at)}
                </Text>
                {r.comment && (
                  <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                    {r.comment}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Spoiler>
      )}
    </section>
  );
}

function Versions({ state }: { state: ApprovalState }) {
  return (
    <section aria-labelledby="versions-title">
      <Title order={2} size="h4" mb="xs" id="versions-title">
        Утверждённые версии
      </Title>
      <Table withTableBorder striped fz="sm" maw={640} data-testid="approval-versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>Версия</Table.Th>
            <Table.Th>Утверждена</Table.Th>
            <Table.Th>Утвердил</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {state.versions.map((v) => (
            <Table.Tr key={v.number}>
              <Table.Td>№ {v.number}</Table.Td>
              <Table.Td>{formatDateTime(v.approvedAt)}</Table.Td>
              <Table.Td>{v.approvedByLogin}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

function Children({ state }: { state: ApprovalState }) {
  const approved = state.children.filter((c) => c.status === 'approved').length;
  type Child = ApprovalState['children'][number];
  const columns: Column<Child>[] = [
    { key: 'territory', header: 'Территория', width: 220, render: (c) => c.territoryName },
    {
      key: 'title',
      header: 'Дорожная карта',
      render: (c) => (
        <Anchor component={Link} to={`/programmes/${c.id}`} size="sm">
          {c.title}
        </Anchor>
      ),
    },
    {
      key: 'level',
      header: 'Уровень',
      width: 130,
      render: (c) => (c.level in levelLabels ? levelLabels[c.level as ProgrammeLevel] : c.level),
    },
    {
      key: 'status',
      header: 'Статус',
      width: 190,
      render: (c) => (
        <ViewBadge view={{ label: approvalStatusLabel(c.status), colour: approvalStatusColour(c.status) }} />
      ),
    },
  ];
  return (
    <section aria-labelledby="children-title">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} size="h4" id="children-title">
          Дорожные карты муниципалитетов и школ
        </Title>
        <Text size="sm" c="dimmed">
          Утверждено {formatNumber(approved)} из {formatNumber(state.children.length)}
        </Text>
      </Group>
      <DataTable
        label="Дорожные карты муниципалитетов и школ"
        testId="approval-children"
        columns={columns}
        rows={[...state.children].sort((a, b) => a.territoryName.localeCompare(b.territoryName, 'ru'))}
        rowKey={(c) => c.id}
        minWidth={720}
      />
    </section>
  );
}
