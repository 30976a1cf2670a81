import { Alert, Anchor, Button, FileInput, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ImportReport } from '../../contract/api.ts';
import { useImportOrganisations } from '../api/queries.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ProblemsTable } from '../components/ProblemsTable.tsx';
import { formatNumber } from '../lib/format.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const back = { to: '/organisations', label: 'К списку организаций' };

export default function ImportPage() {
  const me = useCurrentUser();
  if (!can(me, 'organisation.write')) return <AccessDenied title="Импорт организаций" />;
  return <ImportOrganisations />;
}

function ImportOrganisations() {
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<{ file: File; report: ImportReport } | null>(null);
  const [committed, setCommitted] = useState<ImportReport | null>(null);
  const upload = useImportOrganisations();

  const choose = (f: File | null) => {
    setFile(f);
    setChecked(null);
    setCommitted(null);
    upload.reset();
  };

  const check = () => {
    if (!file) return;
    setCommitted(null);
    upload.mutate({ file, commit: false }, { onSuccess: (report) => setChecked({ file, report }) });
  };

  const commit = () => {
    if (!file) return;
    upload.mutate({ file, commit: true }, { onSuccess: (report) => setCommitted(report) });
  };

  const report = checked && checked.file === file ? checked.report : null;
  const canCommit = report !== null && report.problems.length === 0 && report.rows > 0 && committed === null;

  return (
    <>
      <PageHeader
        title="Импорт организаций"
        description="Загрузка списка школ и организаций поддержки из таблицы CSV или Excel"
        back={back}
      />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <Title order={2} size="h4" mb="xs">
            1. Подготовьте файл по шаблону
          </Title>
          <Text size="sm" mb="sm">
            Заполните по строке на организацию. Столбцы: код, наименование, краткое наименование, тип (СОШ, ООШ,
            гимназия, ИРО, ЦППМС и т. п.), муниципалитет, регион, городская (1) или сельская (0). Организации с уже
            известным кодом будут обновлены.
          </Text>
          <Group gap="sm">
            <Button
              component="a"
              href="/api/organisations/import-template?format=xlsx"
              download
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              Шаблон XLSX
            </Button>
            <Button
              component="a"
              href="/api/organisations/import-template?format=csv"
              download
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              Шаблон CSV
            </Button>
          </Group>
        </Paper>

        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <Title order={2} size="h4" mb="xs">
            2. Проверьте файл
          </Title>
          <Text size="sm" mb="sm">
            Проверка ничего не сохраняет: она покажет, сколько организаций будет добавлено и изменено, и все ошибки с
            номером строки и столбцом.
          </Text>
          <Stack gap="sm">
            <FileInput
              label="Файл с организациями"
              description="CSV (UTF-8, разделитель «;» или «,») или XLSX"
              placeholder="Выберите файл"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={choose}
              clearable
              clearButtonProps={{ 'aria-label': 'Убрать файл' }}
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              maw={520}
            />
            <Group gap="sm">
              <Button
                onClick={check}
                disabled={!file}
                loading={upload.isPending && upload.variables?.commit === false}
                variant={canCommit ? 'default' : 'filled'}
              >
                Проверить
              </Button>
              <Button
                onClick={commit}
                disabled={!canCommit}
                loading={upload.isPending && upload.variables?.commit === true}
                leftSection={<IconUpload size={18} aria-hidden />}
              >
                Загрузить
              </Button>
            </Group>
            {file && !report && !upload.isPending && !upload.error && (
              <Text size="sm" c="dimmed">
                Нажмите «Проверить», чтобы увидеть результат проверки. Кнопка «Загрузить» станет доступна, если ошибок
                нет.
              </Text>
            )}
          </Stack>
        </Paper>

        <ErrorAlert error={upload.error} />

        {committed ? (
          <Alert
            color="teal"
            variant="light"
            title="Организации загружены"
            icon={<IconCircleCheck aria-hidden />}
            role="status"
          >
            <List size="sm">
              <List.Item>Строк в файле: {formatNumber(committed.rows)}</List.Item>
              <List.Item>Добавлено: {formatNumber(committed.created)}</List.Item>
              <List.Item>Обновлено: {formatNumber(committed.updated)}</List.Item>
            </List>
            <Anchor component={Link} to="/organisations" size="sm" mt="xs" display="inline-block">
              Перейти к списку организаций
            </Anchor>
          </Alert>
        ) : (
          report && <ReportView report={report} />
        )}
      </Stack>
    </>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  const ok = report.problems.length === 0;
  return (
    <Stack gap="md" aria-live="polite" data-testid="import-report">
      <Title order={2} size="h4">
        Результат проверки
      </Title>
      <SimpleGrid cols={3} spacing={{ base: 'xs', sm: 'md' }}>
        <Stat label="Строк в файле" value={report.rows} />
        <Stat label="Будет добавлено" value={report.created} />
        <Stat label="Будет обновлено" value={report.updated} />
      </SimpleGrid>
      {ok ? (
        report.rows === 0 ? (
          <Alert color="orange" variant="light" title="В файле нет строк с данными">
            Заполните таблицу по шаблону и проверьте файл ещё раз.
          </Alert>
        ) : (
          <Alert color="teal" variant="light" title="Ошибок не найдено" icon={<IconCircleCheck aria-hidden />}>
            Файл можно загрузить: нажмите «Загрузить».
          </Alert>
        )
      ) : (
        <>
          <Alert color="red" variant="light" title={`Найдено ошибок: ${formatNumber(report.problems.length)}`}>
            Исправьте их в файле и проверьте его снова. Пока есть ошибки, ничего не будет сохранено.
          </Alert>
          <ProblemsTable problems={report.problems} label="Ошибки в файле" />
        </>
      )}
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p={{ base: 'xs', sm: 'md' }} radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={{ base: 22, sm: 28 }} fw={700}>
        {formatNumber(value)}
      </Text>
    </Paper>
  );
}
