// The programme card's indicators: plan vs actual with statuses; the writer enters actual values (with their
// evidence, and a justification when changing one) and binds an indicator to a value Опора computes.
import { Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import type { ProgrammeDetail } from '../../contract/programmes.ts';
import { suggestCoverage } from '../../domain/network/coverage.ts';
import { type IndicatorRow, useIndicators, useSetIndicatorSettings, useSetIndicatorValue } from '../api/execution.ts';
import { bindingOptions, indicatorValueText, managesProgramme, parseDecimal } from '../lib/execution-format.ts';
import { formatDateTime } from '../lib/format.ts';
import { can, useCurrentUser } from '../lib/session.ts';
import { CoverageSpecFields, emptyCoverage } from './CoverageSpecFields.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { SaveCancel } from './ExecutionError.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { PageLoader } from './Loading.tsx';

type Dialog = { kind: 'value'; row: IndicatorRow; period: string } | { kind: 'settings'; row: IndicatorRow } | null;

export function IndicatorPanel({ programme }: { programme: ProgrammeDetail }) {
  const me = useCurrentUser();
  const canWrite = can(me, 'programme.write') && managesProgramme(me, programme);
  const indicators = useIndicators(programme.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (indicators.isPending) return <PageLoader />;
  if (indicators.isError) return <ErrorAlert error={indicators.error} onRetry={() => indicators.refetch()} />;
  const reload = () => void indicators.refetch();
  return (
    <>
      <IndicatorTable
        rows={indicators.data}
        onEnter={canWrite ? (row, period) => setDialog({ kind: 'value', row, period }) : undefined}
        onSettings={canWrite ? (row) => setDialog({ kind: 'settings', row }) : undefined}
      />
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'settings' ? 'Источник значения показателя' : 'Фактическое значение показателя'}
        size="lg"
      >
        {dialog?.kind === 'value' && (
          <ValueForm
            programmeId={programme.id}
            row={dialog.row}
            period={dialog.period}
            onDone={() => setDialog(null)}
            onReload={reload}
          />
        )}
        {dialog?.kind === 'settings' && (
          <SettingsForm programme={programme} row={dialog.row} onDone={() => setDialog(null)} onReload={reload} />
        )}
      </Modal>
    </>
  );
}

function ValueForm(props: {
  programmeId: string;
  row: IndicatorRow;
  period: string;
  onDone: () => void;
  onReload: () => void;
}) {
  const { row } = props;
  const [period, setPeriod] = useState(props.period);
  const existing = row.values.find((v) => v.period === period);
  const [value, setValue] = useState(existing ? String(existing.value).replace('.', ',') : '');
  const [evidence, setEvidence] = useState(existing?.evidence ?? '');
  const [justification, setJustification] = useState('');
  const [problems, setProblems] = useState<{ value?: string; justification?: string }>({});
  const save = useSetIndicatorValue(props.programmeId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const number = parseDecimal(value);
    const next = {
      value: number === null ? 'Укажите значение числом, например 12,5.' : undefined,
      justification:
        existing && !justification.trim() ? 'Значение уже внесено: укажите обоснование изменения.' : undefined,
    };
    setProblems(next);
    if (next.value || next.justification || number === null) return;
    save.mutate(
      {
        key: row.key,
        period,
        value: number,
        evidence: evidence.trim(),
        justification: justification.trim(),
        ...(existing && { version: existing.version }),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Значение показателя сохранено.' });
          props.onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="indicator-value-form">
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {row.number} {row.name}
        </Text>
        <Select
          label="Период"
          data={row.targets.map((t) => ({ value: t.period, label: `${t.period} — план ${t.valueText || '—'}` }))}
          value={period}
          onChange={(v) => {
            if (!v) return;
            const entered = row.values.find((x) => x.period === v);
            setPeriod(v);
            setValue(entered ? String(entered.value).replace('.', ',') : '');
            setEvidence(entered?.evidence ?? '');
            setJustification('');
            setProblems({});
          }}
          allowDeselect={false}
        />
        {existing && (
          <Text size="sm" c="dimmed">
            Внесено: {indicatorValueText(existing.value, row.unit)}, {formatDateTime(existing.updatedAt)}
            {existing.justification ? ` (обоснование: ${existing.justification})` : ''}
          </Text>
        )}
        <TextInput
          label={`Значение${row.unit ? `, ${row.unit}` : ''}`}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          inputMode="decimal"
          required
          w={200}
          error={problems.value}
          data-autofocus
        />
        <Textarea
          label="Подтверждение"
          description="Источник данных: отчёт, справка, ссылка, реквизиты документа"
          value={evidence}
          onChange={(e) => setEvidence(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {existing && (
          <Textarea
            label="Обоснование изменения"
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
            required
            autosize
            minRows={2}
            maxLength={5000}
            error={problems.justification}
          />
        )}
        <SaveCancel save={save} onReload={props.onReload} onCancel={props.onDone} />
      </Stack>
    </form>
  );
}

const changeOptions = [
  { value: 'auto', label: 'Как следует из формулировки' },
  { value: 'increase', label: 'Лучше, когда значение растёт' },
  { value: 'decrease', label: 'Лучше, когда значение снижается' },
];

function SettingsForm(props: {
  programme: ProgrammeDetail;
  row: IndicatorRow;
  onDone: () => void;
  onReload: () => void;
}) {
  const { row } = props;
  const [binding, setBinding] = useState<string>(row.binding ?? 'manual');
  const [change, setChange] = useState<string>(row.change ?? 'auto');
  // A coverage indicator's spec: as saved, or read from the wording as the server would read it.
  const suggestion = row.coverage ? null : suggestCoverage(row.name);
  const [coverage, setCoverage] = useState(row.coverage ?? suggestion ?? emptyCoverage());
  const [coverageError, setCoverageError] = useState<string | undefined>();
  const save = useSetIndicatorSettings(props.programme.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (binding === 'coverage' && coverage.categories.length === 0) {
      setCoverageError('Выберите категории сотрудников.');
      return;
    }
    save.mutate(
      {
        key: row.key,
        binding: binding === 'manual' ? null : (binding as NonNullable<IndicatorRow['binding']>),
        ...(binding === 'coverage' && {
          coverage: { ...coverage, eventKinds: coverage.measure === 'attended' ? coverage.eventKinds : [] },
        }),
        change: change === 'auto' ? null : (change as 'increase' | 'decrease'),
        version: props.programme.version,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Источник значения сохранён.' });
          props.onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="indicator-settings-form">
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {row.number} {row.name}
        </Text>
        <Select
          label="Значение"
          description="Рассчитываемое значение берётся из данных системы на сегодня"
          data={[{ value: 'manual', label: 'Вносится вручную' }, ...bindingOptions]}
          value={binding}
          onChange={(v) => v && setBinding(v)}
          allowDeselect={false}
        />
        {binding === 'coverage' && (
          <CoverageSpecFields
            value={coverage}
            onChange={(v) => {
              setCoverage(v);
              setCoverageError(undefined);
            }}
            suggested={suggestion !== null}
            error={coverageError}
          />
        )}
        <Select
          label="Направление"
          data={changeOptions}
          value={change}
          onChange={(v) => v && setChange(v)}
          allowDeselect={false}
        />
        <SaveCancel save={save} onReload={props.onReload} onCancel={props.onDone} />
      </Stack>
    </form>
  );
}
