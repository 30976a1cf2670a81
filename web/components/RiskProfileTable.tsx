// The factors of a school's risk profile as a table — level, value and, unfolded, how it was reached: the
// server's explanation, then each indicator with its questions' mean scores and how many answered — and the
// school's levels across the campaigns it took part in.
import { Badge, Box, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useState } from 'react';
import type { FactorResult, ProfileHistory } from '../api/diagnosis.ts';
import {
  heatCellStyle,
  isoToRu,
  levelText,
  type RiskLevel,
  riskLevelColours,
  riskLevelLabels,
  valueText,
} from '../lib/diagnosis-format.ts';
import { plural } from '../lib/format.ts';
import { type Column, DataTable } from './DataTable.tsx';

export function RiskLevelBadge({ level }: { level: RiskLevel }) {
  return (
    <Badge
      variant={level === 'no-data' ? 'outline' : 'filled'}
      color={level === 'medium' ? 'yellow.5' : `${riskLevelColours[level]}.${level === 'no-data' ? 6 : 7}`}
      c={level === 'medium' ? 'dark.9' : undefined}
      style={{ textTransform: 'none' }}
      data-level={level}
    >
      {riskLevelLabels[level]}
    </Badge>
  );
}

export function RiskProfileTable({ factors }: { factors: FactorResult[] }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const columns: Column<FactorResult>[] = [
    {
      key: 'factor',
      header: 'Фактор риска',
      render: (f) => (
        <Text size="sm" fw={500}>
          {f.title}
        </Text>
      ),
    },
    { key: 'level', header: 'Уровень', render: (f) => <RiskLevelBadge level={f.level} />, width: 120 },
    {
      key: 'value',
      header: 'Значение',
      render: (f) => (
        <Text size="sm" title={`высокий — от ${valueText(f.high)}, средний — от ${valueText(f.medium)}`}>
          {valueText(f.value)}
          <Text span size="xs" c="dimmed">
            {' '}
            из 100
          </Text>
        </Text>
      ),
      width: 110,
      nowrap: true,
    },
    {
      key: 'why',
      // Positioned, so the hidden text stays inside the table's scroll area on a phone.
      header: (
        <Box pos="relative">
          <VisuallyHidden>Объяснение</VisuallyHidden>
        </Box>
      ),
      render: (f) => (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => toggle(f.factor)}
          aria-expanded={open.has(f.factor)}
          aria-label={`${open.has(f.factor) ? 'Скрыть объяснение' : 'Почему такой уровень'}: ${f.title}`}
          rightSection={
            open.has(f.factor) ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />
          }
        >
          {open.has(f.factor) ? 'Скрыть' : 'Почему'}
        </Button>
      ),
      width: 120,
    },
  ];
  return (
    <DataTable
      label="Факторы риска"
      testId="risk-factors"
      columns={columns}
      rows={factors}
      rowKey={(f) => f.factor}
      minWidth={640}
      renderDetails={(f) => (open.has(f.factor) ? <FactorExplanation factor={f} /> : null)}
    />
  );
}

function FactorExplanation({ factor: f }: { factor: FactorResult }) {
  return (
    <Stack gap="sm" py={4} data-testid={`explanation-${f.factor}`}>
      <Text size="sm">{f.explanation}</Text>
      {f.indicators.map((i) => (
        <Stack gap={4} key={i.key}>
          <Text size="sm" fw={600}>
            {i.title}: {i.value === null ? 'нет ответов' : valueText(i.value)}
            {f.indicators.length > 1 && (
              <Text span size="xs" c="dimmed" fw={400}>
                {' '}
                (вес {valueText(i.weight)})
              </Text>
            )}
          </Text>
          <Table.ScrollContainer minWidth={520} type="native">
            <Table withTableBorder fz="sm" verticalSpacing={4} aria-label={`Вопросы показателя «${i.title}»`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Вопрос</Table.Th>
                  <Table.Th w={70}>Вес</Table.Th>
                  <Table.Th w={110}>Риск, 0–100</Table.Th>
                  <Table.Th w={110}>Ответили</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {i.questions.map((q) => (
                  <Table.Tr key={q.question}>
                    <Table.Td>{q.text}</Table.Td>
                    <Table.Td>{valueText(q.weight)}</Table.Td>
                    <Table.Td>{q.score === null ? '—' : valueText(q.score)}</Table.Td>
                    <Table.Td>
                      {q.answered} {plural(q.answered, ['человек', 'человека', 'человек'])}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ))}
    </Stack>
  );
}

/** Levels of each factor per campaign, oldest campaign first. */
export function RiskHistory({
  history,
  factors,
}: {
  history: ProfileHistory;
  factors: { factor: string; title: string }[];
}) {
  return (
    <Table.ScrollContainer
      minWidth={360 + history.length * 130}
      type="native"
      tabIndex={0}
      role="region"
      aria-label="История рисков"
    >
      <Table
        withTableBorder
        withColumnBorders
        fz="sm"
        aria-label="Уровни рисков по кампаниям"
        data-testid="risk-history"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Фактор риска</Table.Th>
            {history.map((h) => (
              <Table.Th key={h.campaign.id} w={130}>
                <Text size="xs" fw={600} lineClamp={2} title={h.campaign.title}>
                  {h.campaign.title}
                </Text>
                <Text size="xs" c="dimmed" fw={400}>
                  до {isoToRu(h.campaign.closesOn)}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {factors.map((f) => (
            <Table.Tr key={f.factor}>
              <Table.Td>{f.title}</Table.Td>
              {history.map((h) => {
                const level = h.levels[f.factor] ?? 'no-data';
                const style = heatCellStyle[level];
                return (
                  <Table.Td
                    key={h.campaign.id}
                    style={{ background: style.bg, color: style.fg }}
                    title={`${levelText(level)}${h.values[f.factor] != null ? `, ${valueText(h.values[f.factor])}` : ''}`}
                  >
                    {riskLevelLabels[level]}
                    {h.values[f.factor] != null ? ` (${valueText(h.values[f.factor])})` : ''}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
