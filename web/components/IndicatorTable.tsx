// Target indicators plan vs actual: per indicator its baseline and, per period, the target as written and as
// read, the actual value (entered or computed) and the status with the rule that gives it. Read-only on round
// and dashboard pages; on the programme card the writer enters values and binds computed sources.
import { Button, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import type { IndicatorRow } from '../api/execution.ts';
import { isoToRu } from '../lib/deadline-reading.ts';
import {
  bindingOptions,
  indicatorSourceLabels,
  indicatorStatusViews,
  indicatorValueText,
} from '../lib/execution-format.ts';
import { coverageText } from '../lib/network-format.ts';
import { ViewBadge } from './ExecutionBadges.tsx';

interface IndicatorTableProps {
  rows: IndicatorRow[];
  /** Enter a value of a period (the writer of the programme). */
  onEnter?: (row: IndicatorRow, period: string) => void;
  /** Bind the indicator to a computed source. */
  onSettings?: (row: IndicatorRow) => void;
  testId?: string;
}

/** «доля ШНОР среди школ региона …»: the option's label continuing a sentence (abbreviations kept). */
const bindingLabel = (b: IndicatorRow['binding']) => {
  const label = bindingOptions.find((o) => o.value === b)?.label ?? '';
  return label.charAt(0).toLowerCase() + label.slice(1);
};

export function IndicatorTable({ rows, onEnter, onSettings, testId = 'indicators-table' }: IndicatorTableProps) {
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        В программе нет целевых показателей.
      </Text>
    );
  const editable = Boolean(onEnter);
  return (
    <Table.ScrollContainer
      minWidth={editable ? 1000 : 860}
      type="native"
      tabIndex={0}
      role="region"
      aria-label="Целевые показатели"
    >
      <Table withTableBorder withColumnBorders fz="sm" data-testid={testId} style={{ verticalAlign: 'top' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>№</Table.Th>
            <Table.Th>Показатель</Table.Th>
            <Table.Th w={110}>Базовое значение</Table.Th>
            <Table.Th w={130}>Период</Table.Th>
            <Table.Th w={140}>План</Table.Th>
            <Table.Th w={120}>Факт</Table.Th>
            <Table.Th w={190}>Статус</Table.Th>
            {editable && <Table.Th w={110} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const targets = r.targets.length > 0 ? r.targets : [null];
            return (
              <Fragment key={r.key}>
                {targets.map((t, i) => (
                  <Table.Tr key={t?.period ?? 'none'} data-testid="indicator-row" data-indicator={r.key}>
                    {i === 0 && (
                      <>
                        <Table.Td rowSpan={targets.length}>{r.number || '—'}</Table.Td>
                        <Table.Td rowSpan={targets.length} style={{ overflowWrap: 'anywhere' }}>
                          <Text size="sm">{r.name}</Text>
                          {r.direction && (
                            <Text size="xs" c="dimmed">
                              {r.direction}
                            </Text>
                          )}
                          {r.unit && (
                            <Text size="xs" c="dimmed">
                              Единица: {r.unit}
                            </Text>
                          )}
                          {r.binding && (
                            <Text size="xs" c="blue.8" mt={4}>
                              Рассчитывается в системе:{' '}
                              {r.binding === 'coverage' && r.coverage
                                ? coverageText(r.coverage)
                                : bindingLabel(r.binding)}
                            </Text>
                          )}
                          {r.computed && (
                            <details>
                              <summary style={{ fontSize: 'var(--mantine-font-size-xs)', cursor: 'pointer' }}>
                                Как рассчитано: {indicatorValueText(r.computed.value, r.unit)}
                              </summary>
                              <Text size="xs">{r.computed.explanation}</Text>
                            </details>
                          )}
                          {onSettings && (
                            <Button size="compact-xs" variant="subtle" mt={4} px={0} onClick={() => onSettings(r)}>
                              Источник значения
                            </Button>
                          )}
                        </Table.Td>
                        <Table.Td rowSpan={targets.length}>
                          {r.baselineText || indicatorValueText(r.baseline, r.unit)}
                        </Table.Td>
                      </>
                    )}
                    {t ? (
                      <>
                        <Table.Td>
                          {t.period}
                          {t.start && t.end && (
                            <Text size="xs" c="dimmed">
                              {isoToRu(t.start)}–{isoToRu(t.end)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {t.valueText || '—'}
                          {t.value !== null && t.valueText !== indicatorValueText(t.value, r.unit) && (
                            <Text size="xs" c="dimmed">
                              = {indicatorValueText(t.value, r.unit)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td data-testid="indicator-actual">
                          {indicatorValueText(t.actual, r.unit)}
                          {t.source !== 'none' && (
                            <Text size="xs" c="dimmed">
                              {indicatorSourceLabels[t.source]}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <ViewBadge view={indicatorStatusViews[t.status]} testId="indicator-status" />
                          {t.rule && (
                            <details>
                              <summary style={{ fontSize: 'var(--mantine-font-size-xs)', cursor: 'pointer' }}>
                                Правило
                              </summary>
                              <Text size="xs" data-testid="indicator-rule">
                                {t.rule}
                              </Text>
                            </details>
                          )}
                        </Table.Td>
                        {onEnter && (
                          <Table.Td>
                            <Button
                              size="compact-xs"
                              variant="light"
                              onClick={() => onEnter(r, t.period)}
                              aria-label={`Ввести значение: ${r.name.slice(0, 60)}, ${t.period}`}
                              data-testid="indicator-enter"
                            >
                              {r.values.some((v) => v.period === t.period) ? 'Изменить' : 'Ввести'}
                            </Button>
                          </Table.Td>
                        )}
                      </>
                    ) : (
                      <Table.Td colSpan={editable ? 5 : 4}>
                        <Text size="sm" c="dimmed">
                          Целевые значения не указаны
                        </Text>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
