// Loading one kind of assessment results: a file, an optional year for files without a year column, a check
// that saves nothing and reports what the file holds (records, years, rows to be replaced, which column fed
// which field, every problem with its cell), then the load — allowed only without problems.
import { Alert, Button, Group, Input, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { ResultKindName, ResultsImportReport } from '../../contract/identification.ts';
import { type ResultsColumn, resultColumnLabels } from '../../domain/identification/result-headers.ts';
import { resultKindLabels } from '../../domain/identification/results.ts';
import { resultsTemplateUrl, useImportResults } from '../api/identification.ts';
import { formatNumber, plural } from '../lib/format.ts';
import { DetailsList } from './DetailsList.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ProblemsTable } from './ProblemsTable.tsx';

const accept = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const thisYear = new Date().getFullYear();
const yearOptions = Array.from({ length: thisYear - 2014 }, (_, i) => String(thisYear - i));

const yearsText = (years: readonly number[]) =>
  years.length === 0 ? '—' : `${years.join(', ')} ${years.length === 1 ? 'г.' : 'гг.'}`;

interface IdentificationUploadProps {
  kind: ResultKindName;
  regionId: string | undefined;
}

export function IdentificationUpload({ kind, regionId }: IdentificationUploadProps) {
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ file: File; year: string | null; report: ResultsImportReport } | null>(null);
  const [loaded, setLoaded] = useState<ResultsImportReport | null>(null);
  const upload = useImportResults();

  const reset = () => {
    setChecked(null);
    setLoaded(null);
    upload.reset();
  };
  const send = (commit: boolean) => {
    if (!file) return;
    const chosen = year;
    upload.mutate(
      { kind, file, commit, year: chosen ? Number(chosen) : null, regionId },
      {
        onSuccess: (report) => {
          if (report.committed) setLoaded(report);
          else setChecked({ file, year: chosen, report });
        },
      },
    );
  };

  const report = checked && checked.file === file && checked.year === year ? checked.report : null;
  const canLoad = report !== null && report.problems.length === 0 && report.records > 0 && loaded === null;
  const title = resultKindLabels[kind];

  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" c="dimmed" mr="xs">
          Шаблон файла:
        </Text>
        {(['xlsx', 'csv'] as const).map((format) => (
          <Button
            key={format}
            component="a"
            href={resultsTemplateUrl(kind, format)}
            download
            size="compact-sm"
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {format.toUpperCase()}
          </Button>
        ))}
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Input.Wrapper
          label={`Файл: ${title}`}
          description="CSV (UTF-8 или Windows-1251) или XLSX; столбцы находятся по названиям"
          id={`${kind}-file-wrapper`}
          labelProps={{ htmlFor: `${kind}-file` }}
          style={{ flex: '1 1 22rem' }}
          maw={520}
        >
          <input
            id={`${kind}-file`}
            className="file-input"
            type="file"
            accept={accept}
            aria-describedby={`${kind}-file-wrapper-description`}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              reset();
            }}
          />
        </Input.Wrapper>
        <Select
          label="Год"
          description="Если его нет в файле"
          placeholder="Из файла"
          data={yearOptions}
          value={year}
          onChange={(v) => {
            setYear(v);
            setChecked(null);
            setLoaded(null);
          }}
          clearable
          w={170}
        />
        <Group gap="sm">
          <Button
            onClick={() => send(false)}
            disabled={!file}
            loading={upload.isPending && upload.variables?.commit === false}
            variant={canLoad ? 'default' : 'filled'}
          >
            Проверить
          </Button>
          <Button
            onClick={() => send(true)}
            disabled={!canLoad}
            loading={upload.isPending && upload.variables?.commit === true}
            leftSection={<IconUpload size={18} aria-hidden />}
          >
            Загрузить
          </Button>
        </Group>
      </Group>
      {file && !report && !loaded && !upload.isPending && !upload.error && (
        <Text size="sm" c="dimmed">
          Нажмите «Проверить»: проверка ничего не сохраняет. Кнопка «Загрузить» станет доступна, если ошибок нет.
        </Text>
      )}
      <ErrorAlert error={upload.error} />
      {loaded ? <LoadedAlert report={loaded} /> : report && <CheckReport report={report} />}
    </Stack>
  );
}

function LoadedAlert({ report }: { report: ResultsImportReport }) {
  return (
    <Alert
      color="teal"
      variant="light"
      title="Результаты загружены"
      icon={<IconCircleCheck aria-hidden />}
      role="status"
      data-testid="results-loaded"
    >
      Сохранено записей: {formatNumber(report.records)} за {yearsText(report.years)}
      {report.replaced > 0 ? `; прежние записи этих лет заменены (${formatNumber(report.replaced)}).` : '.'}
    </Alert>
  );
}

function CheckReport({ report }: { report: ResultsImportReport }) {
  const ok = report.problems.length === 0;
  return (
    <Stack gap="md" aria-live="polite" data-testid="results-report">
      <Title order={3} size="h5">
        Результат проверки
      </Title>
      <DetailsList
        items={[
          { label: 'Строк в файле', value: formatNumber(report.rows) },
          { label: 'Записей результатов', value: formatNumber(report.records) },
          { label: 'Годы', value: yearsText(report.years) },
          {
            label: 'Будет заменено записей',
            value:
              report.replaced > 0
                ? `${formatNumber(report.replaced)} (загруженные ранее за ${plural(report.years.length, ['этот год', 'эти годы', 'эти годы'])})`
                : 'нет',
          },
        ]}
      />
      {ok ? (
        report.records === 0 ? (
          <Alert color="orange" variant="light" title="В файле нет записей результатов">
            Заполните таблицу по шаблону и проверьте файл ещё раз.
          </Alert>
        ) : (
          <Alert color="teal" variant="light" title="Ошибок не найдено" icon={<IconCircleCheck aria-hidden />}>
            Файл можно загрузить: нажмите «Загрузить».
            {report.replaced > 0 && ' Результаты этих лет, загруженные ранее, будут заменены.'}
          </Alert>
        )
      ) : (
        <Alert color="red" variant="light" title={`Найдено ошибок: ${formatNumber(report.problems.length)}`}>
          Исправьте их в файле и проверьте его снова. Пока есть ошибки, ничего не будет сохранено.
        </Alert>
      )}
      {report.problems.length > 0 && <ProblemsTable problems={report.problems} label="Ошибки в файле" />}
      {report.warnings.length > 0 && <ProblemsTable problems={report.warnings} label="Предупреждения" />}
      {report.mapping.length > 0 && <MappingTable mapping={report.mapping} />}
    </Stack>
  );
}

/** Which column of the file fed which field: the user sees how their headers were understood. */
function MappingTable({ mapping }: { mapping: ResultsImportReport['mapping'] }) {
  return (
    <Table.ScrollContainer minWidth={480} maw={760} type="native" tabIndex={0} aria-label="Столбцы файла">
      <Table striped withTableBorder fz="sm" data-testid="results-mapping">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>Как прочитаны столбцы файла</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Поле</Table.Th>
            <Table.Th>Заголовок в файле</Table.Th>
            <Table.Th w={90}>Ячейка</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mapping.map((m) => (
            <Table.Tr key={m.column}>
              <Table.Td>{resultColumnLabels[m.column as ResultsColumn] ?? m.column}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.header}</Table.Td>
              <Table.Td>{m.cell}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
