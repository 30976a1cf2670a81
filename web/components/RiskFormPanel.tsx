// The frame of a school's SWOT analysis or entry monitoring: the period, the status and the reviewer's comment,
// saving a draft against its version, «Отправить на проверку», and for reviewers «Принять» / «Вернуть на
// доработку» (a return says what to fix). The content itself is edited by the form given as `editor`.
import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { type FormKind, type FormStatus, formKindLabels, formStatusLabels } from '../../domain/diagnosis/forms.ts';
import { ApiError } from '../api/client.ts';
import { type SchoolForm, useReviewForm, useSaveSchoolForm, useSchoolForms } from '../api/diagnosis.ts';
import { periodOptions } from '../lib/diagnosis-format.ts';
import { formatDateTime } from '../lib/format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoader } from './Loading.tsx';

export type FormContent = Record<string, unknown>;
export type ContentErrors = Record<string, string>;

export interface FormEditorProps {
  content: FormContent;
  onChange: (content: FormContent) => void;
  readOnly: boolean;
  /** Problems by path («strengths», «staff.teachers»). */
  errors: ContentErrors;
}

const statusColours: Record<FormStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'teal',
};

export function FormStatusBadge({ status }: { status: FormStatus }) {
  return (
    <Badge variant="light" color={statusColours[status]} style={{ textTransform: 'none' }} data-testid="form-status">
      {formStatusLabels[status]}
    </Badge>
  );
}

interface RiskFormPanelProps {
  organisationId: string;
  kind: FormKind;
  canFill: boolean;
  canReview: boolean;
  editor: (props: FormEditorProps) => ReactNode;
}

export function RiskFormPanel({ organisationId, kind, canFill, canReview, editor }: RiskFormPanelProps) {
  const forms = useSchoolForms(organisationId);
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  if (forms.isPending) return <PageLoader />;
  if (forms.isError) return <ErrorAlert error={forms.error} onRetry={() => forms.refetch()} />;
  const mine = forms.data.filter((f) => f.kind === kind);
  const form = mine.find((f) => f.period === period) ?? null;
  const options = periodOptions(mine.map((f) => f.period)).map((p) => {
    const f = mine.find((x) => x.period === p);
    return { value: p, label: f ? `${p} — ${formStatusLabels[f.status]}` : p };
  });
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end">
        <Select
          label="Период"
          data={options}
          value={period}
          onChange={(v) => v && setPeriod(v)}
          allowDeselect={false}
          w={{ base: '100%', xs: 320 }}
          data-testid="form-period"
        />
        {form && <FormStatusBadge status={form.status} />}
        {form && (
          <Text size="xs" c="dimmed">
            версия {form.version}, изменена {formatDateTime(form.updatedAt)}
          </Text>
        )}
      </Group>
      <FormBody
        // A new period or a new version from the server starts the editor again from what is saved.
        key={`${period}:${form?.id ?? 'new'}:${form?.version ?? 0}`}
        organisationId={organisationId}
        kind={kind}
        period={period}
        form={form}
        canFill={canFill}
        canReview={canReview}
        editor={editor}
        onRefresh={() => void forms.refetch()}
      />
    </Stack>
  );
}

function FormBody({
  organisationId,
  kind,
  period,
  form,
  canFill,
  canReview,
  editor,
  onRefresh,
}: {
  organisationId: string;
  kind: FormKind;
  period: string;
  form: SchoolForm | null;
  canFill: boolean;
  canReview: boolean;
  editor: (props: FormEditorProps) => ReactNode;
  onRefresh: () => void;
}) {
  const saved = form?.content ?? {};
  const [content, setContent] = useState<FormContent>(saved);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>();
  const save = useSaveSchoolForm(organisationId);
  const review = useReviewForm();
  const editable = canFill && (!form || form.status === 'draft' || form.status === 'returned');
  const dirty = JSON.stringify(content) !== JSON.stringify(saved);
  const error = save.error ?? review.error;
  const errors: ContentErrors = {};
  if (error instanceof ApiError)
    for (const p of error.problems) if (p.field && !errors[p.field]) errors[p.field] = p.message;
  const busy = save.isPending || review.isPending;

  const saveDraft = () =>
    save.mutateAsync({ kind, period, content, version: form?.version }).then((f) => {
      notifications.show({ color: 'teal', message: `${formKindLabels[kind]} за ${period}: черновик сохранён.` });
      return f;
    });

  const submit = async () => {
    review.reset();
    try {
      const current = dirty || !form ? await save.mutateAsync({ kind, period, content, version: form?.version }) : form;
      await review.mutateAsync({ id: current.id, decision: 'submit', version: current.version });
      notifications.show({ color: 'teal', message: `${formKindLabels[kind]} за ${period} отправлен на проверку.` });
    } catch {
      /* shown below */
    }
  };

  const decide = (decision: 'accept' | 'return') => {
    if (!form) return;
    if (decision === 'return' && !comment.trim()) {
      setCommentError('Укажите, что доработать.');
      return;
    }
    review.mutate(
      { id: form.id, decision, version: form.version, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: decision === 'accept' ? 'Форма принята.' : 'Форма возвращена на доработку.',
          }),
      },
    );
  };

  return (
    <Stack gap="md">
      {form?.reviewComment && (form.status === 'returned' || form.status === 'accepted') && (
        <Alert
          color={form.status === 'returned' ? 'orange' : 'teal'}
          variant="light"
          title={form.status === 'returned' ? 'Возвращена на доработку' : 'Принята'}
          data-testid="form-review-comment"
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {form.reviewComment}
          </Text>
          {form.reviewedBy && (
            <Text size="xs" c="dimmed" mt={4}>
              Проверил: {form.reviewedBy}
            </Text>
          )}
        </Alert>
      )}
      {!form && !canFill && (
        <Text size="sm" c="dimmed">
          Школа ещё не заполнила {formKindLabels[kind]} за {period}.
        </Text>
      )}
      {(form || canFill) && editor({ content, onChange: setContent, readOnly: !editable, errors })}
      <ErrorAlert error={error} onRefresh={onRefresh} shownFields={Object.keys(errors)} />
      {editable && (
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconDeviceFloppy size={18} aria-hidden />}
            onClick={() => void saveDraft().catch(() => undefined)}
            loading={save.isPending && !review.isPending}
            disabled={busy || (!dirty && Boolean(form))}
          >
            Сохранить черновик
          </Button>
          <Button leftSection={<IconSend size={18} aria-hidden />} onClick={() => void submit()} loading={busy}>
            Отправить на проверку
          </Button>
          {dirty && (
            <Text size="sm" c="orange.9">
              Есть несохранённые изменения
            </Text>
          )}
        </Group>
      )}
      {form?.status === 'submitted' && !canReview && (
        <Text size="sm" c="dimmed">
          Форма на проверке у куратора или координатора; изменить её можно после возврата на доработку.
        </Text>
      )}
      {form?.status === 'submitted' && canReview && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Text fw={600}>Проверка</Text>
            <Textarea
              label="Комментарий"
              description="Обязателен при возврате на доработку: что исправить или дополнить."
              value={comment}
              onChange={(e) => {
                setComment(e.currentTarget.value);
                setCommentError(undefined);
              }}
              error={commentError}
              autosize
              minRows={2}
              maxLength={5000}
            />
            <Group gap="sm">
              <Button
                color="teal.8"
                leftSection={<IconCheck size={18} aria-hidden />}
                onClick={() => decide('accept')}
                loading={review.isPending}
              >
                Принять
              </Button>
              <Button
                variant="default"
                leftSection={<IconArrowBackUp size={18} aria-hidden />}
                onClick={() => decide('return')}
                loading={review.isPending}
              >
                Вернуть на доработку
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
