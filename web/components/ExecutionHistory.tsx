// Every change of one executing unit and its evidence, from the audit log: who, when, what, before → after.
import { Stack, Text, Timeline } from '@mantine/core';
import { useUnitHistory } from '../api/execution.ts';
import { historyActionLabel, historyChanges } from '../lib/execution-format.ts';
import { formatDateTime } from '../lib/format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoader } from './Loading.tsx';

export function ExecutionHistory({ unitId }: { unitId: string }) {
  const history = useUnitHistory(unitId);
  if (history.isPending) return <PageLoader />;
  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => history.refetch()} />;
  if (history.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Изменений пока не было.
      </Text>
    );
  // Newest first: what happened last is what the reader looks for.
  const entries = [...history.data].reverse();
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="unit-history">
      {entries.map((e, i) => {
        const changes = historyChanges(e);
        return (
          <Timeline.Item
            // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; the list is read-only.
            key={`${e.at}-${i}`}
            title={<Text size="sm">{e.summary || historyActionLabel(e.action)}</Text>}
          >
            <Text size="xs" c="dimmed">
              {historyActionLabel(e.action)} · {e.actorLogin} · {formatDateTime(e.at)}
            </Text>
            {changes.length > 0 && (
              <Stack gap={2} mt={4}>
                {changes.map((c) => (
                  <Text key={c.label} size="xs" data-testid="history-change" style={{ overflowWrap: 'anywhere' }}>
                    <b>{c.label}:</b>{' '}
                    {c.kind === 'added' ? (
                      c.after
                    ) : c.kind === 'removed' ? (
                      <>
                        <Text span size="xs" c="dimmed" td="line-through">
                          {c.before}
                        </Text>{' '}
                        (удалено)
                      </>
                    ) : (
                      <>
                        <Text span size="xs" c="dimmed" td="line-through">
                          {c.before}
                        </Text>{' '}
                        → {c.after}
                      </>
                    )}
                  </Text>
                ))}
              </Stack>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
