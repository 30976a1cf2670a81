// The courses of professional development a member of staff completed, latest first, with their certificates.
import { Anchor, Button, Group, Modal, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { type CourseCompletion, certificateUrl, useDeleteCourse } from '../api/staff.ts';
import { isoToRu } from '../lib/deadline-reading.ts';
import { formatFileSize } from '../lib/execution-format.ts';
import { hoursText } from '../lib/staff-format.ts';
import { CourseForm } from './CourseForm.tsx';
import { type Column, DataTable } from './DataTable.tsx';
import { DeleteRecordDialog, RowEditDeleteIcons } from './RecordActions.tsx';

interface CourseListProps {
  personId: string;
  courses: CourseCompletion[];
  canWrite: boolean;
  onReload: () => void;
}

export function CourseList({ personId, courses, canWrite, onReload }: CourseListProps) {
  const [editing, setEditing] = useState<CourseCompletion | 'new' | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [deleting, setDeleting] = useState<CourseCompletion | null>(null);
  const remove = useDeleteCourse();

  const columns: Column<CourseCompletion>[] = [
    {
      key: 'title',
      header: 'Курс',
      render: (c) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {c.title}
          </Text>
          {c.provider && (
            <Text size="xs" c="dimmed">
              {c.provider}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'hours', header: 'Объём', render: (c) => hoursText(c.hours) || '—', nowrap: true },
    { key: 'completedOn', header: 'Окончание', render: (c) => isoToRu(c.completedOn), nowrap: true },
    {
      key: 'certificate',
      header: 'Удостоверение',
      render: (c) => (
        <Stack gap={2}>
          {c.certificate && <Text size="sm">{c.certificate}</Text>}
          {c.file ? (
            <Anchor href={certificateUrl(c.id)} download size="sm" data-testid="certificate-download">
              <Group gap={4} wrap="nowrap" component="span">
                <IconDownload size={14} aria-hidden />
                {c.file.name} ({formatFileSize(c.file.size)})
              </Group>
            </Anchor>
          ) : (
            !c.certificate && '—'
          )}
        </Stack>
      ),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            header: <VisuallyHidden>Действия</VisuallyHidden>,
            width: 90,
            render: (c: CourseCompletion) => (
              <RowEditDeleteIcons
                editLabel={`Изменить курс «${c.title}»`}
                deleteLabel={`Удалить курс «${c.title}»`}
                onEdit={() => setEditing(c)}
                onDelete={() => setDeleting(c)}
                remove={remove}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Stack gap="sm">
      {canWrite && (
        <Group>
          <Button
            variant="light"
            size="sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing('new')}
          >
            Добавить курс
          </Button>
        </Group>
      )}
      <DataTable
        label="Курсы повышения квалификации"
        testId="courses-table"
        columns={columns}
        rows={courses}
        rowKey={(c) => c.id}
        empty="Сведений о курсах повышения квалификации пока нет."
        minWidth={720}
      />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Новый курс повышения квалификации' : 'Изменение сведений о курсе'}
        size="lg"
      >
        {editing !== null && (
          <CourseForm
            key={formKey}
            personId={personId}
            course={editing === 'new' ? undefined : editing}
            onSaved={() => setEditing(null)}
            onCancel={() => setEditing(null)}
            onRefresh={() => {
              onReload();
              setEditing(null);
              setFormKey((k) => k + 1);
            }}
          />
        )}
      </Modal>
      <DeleteRecordDialog
        record={deleting}
        title="Удалить курс?"
        done="Курс удалён."
        remove={remove}
        onClose={() => setDeleting(null)}
        onReload={onReload}
      >
        Сведения о курсе «{deleting?.title}»{deleting?.file ? ' и файл удостоверения' : ''} будут удалены. Запись об
        удалении сохранится в журнале изменений.
      </DeleteRecordDialog>
    </Stack>
  );
}
