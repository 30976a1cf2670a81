// One executor's share of an activity in a drawer: its status form, evidence, coaching thread and history.
import { Badge, Drawer, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { type ActivityExecution, useExecutionUnit } from '../api/execution.ts';
import { isoToRu } from '../lib/deadline-reading.ts';
import { formatNumber } from '../lib/format.ts';
import { activityNumberLabel } from '../lib/programme-format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { StatusAndTiming } from './ExecutionBadges.tsx';
import { ExecutionEvidence } from './ExecutionEvidence.tsx';
import { ExecutionHistory } from './ExecutionHistory.tsx';
import { ExecutionReportForm } from './ExecutionReportForm.tsx';
import { ExecutionThread } from './ExecutionThread.tsx';
import { PageLoader } from './Loading.tsx';

interface DrawerProps {
  unitId: string | null;
  activity: ActivityExecution | undefined;
  today: string;
  approved: boolean;
  canComment: boolean;
  onClose: () => void;
}

export function ExecutionUnitDrawer({ unitId, activity, today, approved, canComment, onClose }: DrawerProps) {
  return (
    <Drawer
      opened={unitId !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={activity?.number ? `Мероприятие ${activityNumberLabel(activity.number, 1)}` : 'Исполнение мероприятия'}
      closeButtonProps={{ 'aria-label': 'Закрыть' }}
      data-testid="unit-drawer"
    >
      {unitId && (
        <UnitContent
          key={unitId}
          unitId={unitId}
          activity={activity}
          today={today}
          approved={approved}
          canComment={canComment}
        />
      )}
    </Drawer>
  );
}

function UnitContent({
  unitId,
  activity,
  today,
  approved,
  canComment,
}: Omit<DrawerProps, 'unitId' | 'onClose'> & { unitId: string }) {
  const unit = useExecutionUnit(unitId);
  const [tab, setTab] = useState<string | null>('report');
  if (unit.isPending) return <PageLoader />;
  if (unit.isError) return <ErrorAlert error={unit.error} onRetry={() => unit.refetch()} />;
  const u = unit.data;
  const reload = () => void unit.refetch();
  const rule = activity?.evidenceRule ?? { kinds: ['file', 'link', 'document'] as const, commentRequired: false };
  const context = { evidenceRule: { kinds: [...rule.kinds], commentRequired: rule.commentRequired } };
  return (
    <Stack gap="md">
      <Stack gap={4}>
        {activity && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {activity.text}
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          <Text fw={600} data-testid="unit-executor">
            {u.executorName}
          </Text>
          <StatusAndTiming
            status={u.status}
            timing={u.timing}
            daysOverdue={u.daysOverdue}
            daysLeft={u.daysLeft}
            testId="unit-status"
          />
        </Group>
        <Text size="sm" c="dimmed">
          {activity?.deadlineText ? `Срок: ${activity.deadlineText}` : 'Срок не указан'}
          {u.deadline ? ` (ближайший — ${isoToRu(u.deadline)})` : ''}
          {u.completedOn ? ` · исполнено ${isoToRu(u.completedOn)}` : ''}
        </Text>
        {u.status === 'cancelled' && u.cancelReason && (
          <Text size="sm">
            <Text span c="dimmed">
              Причина отмены:{' '}
            </Text>
            {u.cancelReason}
          </Text>
        )}
      </Stack>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab
            value="report"
            rightSection={
              <Badge size="xs" variant="light" circle aria-label={`подтверждений: ${u.evidence.length}`}>
                {u.evidence.length}
              </Badge>
            }
          >
            Исполнение и подтверждения
          </Tabs.Tab>
          <Tabs.Tab
            value="thread"
            rightSection={
              u.comments > 0 ? (
                <Badge size="xs" variant="light" circle>
                  {formatNumber(u.comments)}
                </Badge>
              ) : undefined
            }
          >
            Обсуждение
          </Tabs.Tab>
          <Tabs.Tab value="history">История</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="report" pt="md">
          <Stack gap="lg">
            <ExecutionReportForm
              key={u.version}
              unit={u}
              activity={context}
              today={today}
              approved={approved}
              onReload={reload}
            />
            <section aria-labelledby={`evidence-title-${u.id}`}>
              <Title order={3} size="h5" id={`evidence-title-${u.id}`} mb="xs">
                Подтверждения исполнения
              </Title>
              <ExecutionEvidence
                unit={u}
                activity={{ informationSupport: activity?.informationSupport ?? '', ...context }}
                onReload={reload}
              />
            </section>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="thread" pt="md">
          <ExecutionThread unitId={u.id} canPost={canComment} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <ExecutionHistory unitId={u.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
