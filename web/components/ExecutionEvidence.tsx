// The evidence of one executing unit: what the activity expects («Информационное сопровождение»), the pieces
// attached (files to download, links, references to orders and protocols) and the forms to add more.
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Input,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileCertificate, IconFileText, IconLink, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import {
  type ActivityExecution,
  type Evidence,
  type ExecutionUnit,
  evidenceFileUrl,
  useAddEvidenceLink,
  useDeleteEvidence,
  useUploadEvidence,
} from '../api/execution.ts';
import {
  documentReference,
  evidenceAccept,
  evidenceFileLimit,
  evidenceKindsText,
  evidenceKindTitles,
  evidenceLimitText,
  evidenceTypesText,
  formatFileSize,
} from '../lib/execution-format.ts';
import { formatDateTime } from '../lib/format.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { DateTextInput } from './DateTextInput.tsx';
import { ExecutionError } from './ExecutionError.tsx';

type Kind = Evidence['kind'];
const kindIcons: Record<Kind, typeof IconFileText> = {
  file: IconFileText,
  link: IconLink,
  document: IconFileCertificate,
};

interface EvidenceProps {
  unit: ExecutionUnit;
  activity: Pick<ActivityExecution, 'informationSupport' | 'evidenceRule'>;
  onReload: () => void;
}

export function ExecutionEvidence({ unit, activity, onReload }: EvidenceProps) {
  const [deleting, setDeleting] = useState<Evidence | null>(null);
  const remove = useDeleteEvidence();
  return (
    <Stack gap="sm">
      <Paper withBorder p="sm" radius="md" bg="gray.0">
        <Text size="sm" fw={600}>
          Что подтверждает исполнение
        </Text>
        {activity.informationSupport ? (
          <Text size="sm" data-testid="evidence-expected">
            Информационное сопровождение: {activity.informationSupport}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          Принимается: {evidenceKindsText(activity.evidenceRule.kinds)}
          {activity.evidenceRule.commentRequired ? '; нужен комментарий о результатах' : ''}.
        </Text>
      </Paper>

      {unit.evidence.length === 0 ? (
        <Text size="sm" c="dimmed">
          Подтверждений пока нет.
        </Text>
      ) : (
        <Stack gap={6} data-testid="evidence-list" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {unit.evidence.map((e) => (
            <EvidenceItem key={e.id} evidence={e} canDelete={unit.canReport} onDelete={() => setDeleting(e)} />
          ))}
        </Stack>
      )}

      {unit.canReport && <AddEvidence unit={unit} kinds={activity.evidenceRule.kinds} onReload={onReload} />}

      <ConfirmDialog
        opened={deleting !== null}
        title="Удалить подтверждение?"
        confirmLabel="Удалить"
        danger
        loading={remove.isPending}
        error={remove.error}
        onRefresh={() => {
          remove.reset();
          setDeleting(null);
          onReload();
        }}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              notifications.show({ color: 'teal', message: 'Подтверждение удалено.' });
            },
          })
        }
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
      >
        «{deleting ? evidenceName(deleting) : ''}» будет удалено. Если мероприятие отмечено выполненным, проверьте, что
        подтверждений осталось достаточно.
      </ConfirmDialog>
    </Stack>
  );
}

const evidenceName = (e: Evidence) =>
  e.title || e.file?.name || e.url || documentReference(e) || evidenceKindTitles[e.kind];

function EvidenceItem({
  evidence: e,
  canDelete,
  onDelete,
}: {
  evidence: Evidence;
  canDelete: boolean;
  onDelete: () => void;
}) {
  const Icon = kindIcons[e.kind];
  const name = evidenceName(e);
  const details = [
    e.kind === 'file' && e.file ? `${e.file.name}, ${formatFileSize(e.file.size)}` : '',
    e.kind === 'document' ? documentReference(e) : '',
  ].filter(Boolean);
  return (
    <Paper component="li" withBorder p="xs" radius="sm" data-testid="evidence-item" data-kind={e.kind}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ThemeIcon variant="light" size="md" aria-hidden>
          <Icon size={16} />
        </ThemeIcon>
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          {e.kind === 'link' && e.url ? (
            <Anchor
              href={e.url}
              target="_blank"
              rel="noopener noreferrer"
              size="sm"
              style={{ overflowWrap: 'anywhere' }}
            >
              {name}
            </Anchor>
          ) : (
            <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Text>
          )}
          {details.map((d) => (
            <Text key={d} size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {d}
            </Text>
          ))}
          {e.kind === 'document' && e.url && (
            <Anchor href={e.url} target="_blank" rel="noopener noreferrer" size="xs">
              {e.url}
            </Anchor>
          )}
          <Text size="xs" c="dimmed">
            {evidenceKindTitles[e.kind]} · добавил(а) {e.createdByLogin}, {formatDateTime(e.createdAt)}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          {e.kind === 'file' && (
            <ActionIcon
              component="a"
              href={evidenceFileUrl(e.id)}
              download
              variant="default"
              aria-label={`Скачать: ${name}`}
              title="Скачать"
              data-testid="evidence-download"
            >
              <IconDownload size={16} aria-hidden />
            </ActionIcon>
          )}
          {canDelete && (
            <ActionIcon
              variant="default"
              color="red"
              onClick={onDelete}
              aria-label={`Удалить: ${name}`}
              title="Удалить"
              data-testid="evidence-delete"
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

function AddEvidence({ unit, kinds, onReload }: { unit: ExecutionUnit; kinds: Kind[]; onReload: () => void }) {
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'file');
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          Добавить подтверждение
        </Text>
        <SegmentedControl
          aria-label="Вид подтверждения"
          data={(['file', 'link', 'document'] as const).map((k) => ({ value: k, label: evidenceKindTitles[k] }))}
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          size="xs"
          data-testid="evidence-kind"
        />
        {kind === 'file' ? (
          <FileForm unitId={unit.id} onReload={onReload} />
        ) : (
          <LinkForm key={kind} unitId={unit.id} kind={kind} onReload={onReload} />
        )}
      </Stack>
    </Paper>
  );
}

function FileForm({ unitId, onReload }: { unitId: string; onReload: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [inputKey, setInputKey] = useState(0);
  const upload = useUploadEvidence(unitId);
  const tooLarge = file !== null && file.size > evidenceFileLimit;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || tooLarge) return;
    upload.mutate(
      { file, title },
      {
        onSuccess: () => {
          setFile(null);
          setTitle('');
          setInputKey((k) => k + 1);
          notifications.show({ color: 'teal', message: 'Файл приложен.' });
        },
      },
    );
  };
  const inputId = `evidence-file-${unitId}`;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Input.Wrapper
          label="Файл"
          description={`До ${evidenceLimitText}: ${evidenceTypesText}`}
          labelProps={{ htmlFor: inputId }}
          id={`${inputId}-wrapper`}
          error={
            tooLarge
              ? `Файл больше ${evidenceLimitText} (${formatFileSize(file.size)}): уменьшите его или приложите ссылку.`
              : undefined
          }
        >
          <input
            key={inputKey}
            id={inputId}
            className="file-input"
            type="file"
            accept={evidenceAccept}
            aria-describedby={`${inputId}-wrapper-description`}
            data-testid="evidence-upload"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              upload.reset();
            }}
          />
        </Input.Wrapper>
        <TextInput
          label="Наименование"
          description="Необязательно: например, «Аналитическая справка по итогам семинара»"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={1000}
        />
        <ExecutionError error={upload.error} onReload={onReload} />
        <Group>
          <Button
            type="submit"
            size="xs"
            disabled={!file || tooLarge}
            loading={upload.isPending}
            data-testid="evidence-upload-submit"
          >
            Приложить файл
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LinkForm({ unitId, kind, onReload }: { unitId: string; kind: 'link' | 'document'; onReload: () => void }) {
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [documentNumber, setDocumentNumber] = useState('');
  const [documentDate, setDocumentDate] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const add = useAddEvidenceLink(unitId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'link' && !/^https?:\/\/\S+$/i.test(url.trim()))
      return setProblem('Укажите адрес, начинающийся с http:// или https://.');
    if (kind === 'document' && !title.trim() && !documentNumber.trim())
      return setProblem('Укажите наименование или номер документа.');
    setProblem(null);
    add.mutate(
      {
        kind,
        title: title.trim(),
        url: url.trim(),
        documentNumber: kind === 'document' ? documentNumber.trim() : '',
        documentDate: kind === 'document' ? documentDate : null,
      },
      {
        onSuccess: () => {
          setTitle('');
          setUrl('');
          setDocumentNumber('');
          setDocumentDate(null);
          notifications.show({ color: 'teal', message: 'Подтверждение добавлено.' });
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid={`evidence-${kind}-form`}>
      <Stack gap="xs">
        <TextInput
          label={kind === 'link' ? 'Наименование' : 'Документ'}
          placeholder={kind === 'link' ? 'Публикация на сайте школы' : 'Приказ о назначении ответственных'}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={1000}
          error={kind === 'document' && problem?.startsWith('Укажите наименование') ? problem : undefined}
        />
        {kind === 'document' && (
          <Group gap="sm" align="flex-start">
            <TextInput
              label="Номер"
              value={documentNumber}
              onChange={(e) => setDocumentNumber(e.currentTarget.value)}
              maxLength={100}
              w={160}
            />
            <DateTextInput label="Дата" value={documentDate} onChange={setDocumentDate} allowEmpty />
          </Group>
        )}
        <TextInput
          label={kind === 'link' ? 'Ссылка' : 'Ссылка на документ'}
          description={kind === 'document' ? 'Необязательно' : undefined}
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          maxLength={2000}
          required={kind === 'link'}
          error={kind === 'link' ? (problem ?? undefined) : undefined}
          type="url"
        />
        <ExecutionError error={add.error} onReload={onReload} />
        <Group>
          <Button type="submit" size="xs" loading={add.isPending}>
            {kind === 'link' ? 'Добавить ссылку' : 'Добавить реквизиты'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
