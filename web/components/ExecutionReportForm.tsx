// The status of one executing unit: what is done, when, why cancelled, with a comment. Closing needs the
// evidence the activity asks for; the server checks it and says what is missing.
import { Alert, Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import type { ActivityExecution, ExecutionUnit } from '../api/execution.ts';
import { useReport } from '../api/execution.ts';
import { type ExecutionStatus, evidenceKindsText, statusOptions } from '../lib/execution-format.ts';
import { DateTextInput } from './DateTextInput.tsx';
import { ExecutionError } from './ExecutionError.tsx';

/** The server's message already names these problems; the list under it would repeat them. */
const reportFields = ['evidence', 'completedOn', 'cancelReason', 'comment'] as const;

interface ReportFormProps {
  unit: ExecutionUnit;
  activity: Pick<ActivityExecution, 'evidenceRule'>;
  today: string;
  /** Reports are taken on an approved programme only. */
  approved: boolean;
  onReload: () => void;
}

export function ExecutionReportForm({ unit, activity, today, approved, onReload }: ReportFormProps) {
  const [status, setStatus] = useState<ExecutionStatus>(unit.status);
  const [completedOn, setCompletedOn] = useState<string | null>(unit.completedOn ?? today);
  const [cancelReason, setCancelReason] = useState(unit.cancelReason);
  const [comment, setComment] = useState(unit.comment);
  const [problem, setProblem] = useState<{ field: 'cancelReason' | 'comment' | 'completedOn'; message: string } | null>(
    null,
  );
  const report = useReport(unit.id);
  // Evidence added or removed since a refused attempt: the refusal no longer holds.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the count of evidence changes only.
  useEffect(() => {
    report.reset();
  }, [unit.evidence.length]);
  const rule = activity.evidenceRule;
  const editable = unit.canReport && approved;
  const hasEvidence = unit.evidence.some((e) => rule.kinds.includes(e.kind));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (status === 'done' && !completedOn)
      return setProblem({ field: 'completedOn', message: 'Укажите дату исполнения в формате ДД.ММ.ГГГГ.' });
    if (status === 'done' && completedOn && completedOn > today)
      return setProblem({ field: 'completedOn', message: 'Дата исполнения не может быть позже сегодняшнего дня.' });
    if (status === 'cancelled' && !cancelReason.trim())
      return setProblem({ field: 'cancelReason', message: 'Укажите причину отмены мероприятия.' });
    if (status === 'done' && rule.commentRequired && !comment.trim())
      return setProblem({ field: 'comment', message: 'Для этого мероприятия нужен комментарий о результатах.' });
    setProblem(null);
    report.mutate(
      {
        status,
        completedOn: status === 'done' ? completedOn : null,
        cancelReason: status === 'cancelled' ? cancelReason.trim() : '',
        comment: comment.trim(),
        version: unit.version,
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: 'Исполнение отмечено.' }) },
    );
  };

  const errorOf = (field: 'cancelReason' | 'comment' | 'completedOn') =>
    problem?.field === field ? problem.message : undefined;

  return (
    <form onSubmit={submit} noValidate data-testid="report-form">
      <Stack gap="sm">
        {!approved && (
          <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />}>
            Программа ещё не утверждена: исполнение отмечается по утверждённой программе.
          </Alert>
        )}
        {approved && !unit.canReport && (
          <Text size="sm" c="dimmed">
            Отмечать исполнение может только исполнитель: {unit.executorName}.
          </Text>
        )}
        <div>
          <Text size="sm" fw={500} mb={4} id={`status-label-${unit.id}`}>
            Статус исполнения
          </Text>
          <SegmentedControl
            aria-labelledby={`status-label-${unit.id}`}
            data={statusOptions}
            value={status}
            onChange={(v) => {
              setStatus(v as ExecutionStatus);
              setProblem(null);
            }}
            disabled={!editable}
            fullWidth
            data-testid="report-status"
            size="sm"
          />
        </div>
        {status === 'done' && (
          <>
            <DateTextInput
              label="Дата исполнения"
              value={completedOn}
              onChange={setCompletedOn}
              required
              error={errorOf('completedOn')}
              description="По умолчанию — сегодня"
            />
            {!hasEvidence && (
              <Text size="sm" c="var(--opora-warning-text)" data-testid="report-evidence-needed">
                Чтобы отметить мероприятие выполненным, приложите подтверждение: {evidenceKindsText(rule.kinds)}.
              </Text>
            )}
          </>
        )}
        {status === 'cancelled' && (
          <Textarea
            label="Причина отмены"
            value={cancelReason}
            onChange={(e) => setCancelReason(e.currentTarget.value)}
            required
            autosize
            minRows={2}
            maxLength={2000}
            error={errorOf('cancelReason')}
            disabled={!editable}
          />
        )}
        <Textarea
          label="Комментарий"
          description={
            rule.commentRequired ? 'Обязателен при отметке о выполнении: кратко о результатах' : 'Необязательно'
          }
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={5000}
          error={errorOf('comment')}
          disabled={!editable}
          required={status === 'done' && rule.commentRequired}
        />
        <ExecutionError
          error={report.error}
          shownFields={reportFields}
          onReload={() => {
            report.reset();
            onReload();
          }}
        />
        {editable && (
          <Group>
            <Button type="submit" loading={report.isPending} data-testid="report-submit">
              Сохранить
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
