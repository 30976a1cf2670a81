// Why a school is (or is not) on the list: the rule and its category, every reason with its numbers as the
// server worded it, and the evidence — each procedure of the methodology in each year, low results in red.
import { Badge, Drawer, Group, List, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { VerdictDetail } from '../../contract/identification.ts';
import { useVerdict } from '../api/identification.ts';
import { formatNumber } from '../lib/format.ts';
import {
  categoryColour,
  categoryLabel,
  evidenceTable,
  formatShare,
  keepPercentSign,
} from '../lib/identification-format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoader } from './Loading.tsx';

interface IdentificationExplanationProps {
  runId: string;
  organisationId: string | null;
  onClose: () => void;
}

export function IdentificationExplanation({ runId, organisationId, onClose }: IdentificationExplanationProps) {
  const verdict = useVerdict(runId, organisationId);
  return (
    <Drawer
      opened={organisationId !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        <Text fw={650} size="lg" component="span">
          Основания решения по школе
        </Text>
      }
      closeButtonProps={{ 'aria-label': 'Закрыть' }}
    >
      {verdict.isPending ? (
        <PageLoader />
      ) : verdict.isError ? (
        <ErrorAlert error={verdict.error} onRetry={() => verdict.refetch()} />
      ) : (
        <Explanation v={verdict.data} />
      )}
    </Drawer>
  );
}

const reasonGroups = [
  { kind: 'low-procedure', title: 'Низкие результаты' },
  { kind: 'red-zone', title: 'Красная зона ВПР' },
  { kind: 'objectivity-gap', title: 'Необъективность отметок ВПР' },
] as const;

function Explanation({ v }: { v: VerdictDetail }) {
  return (
    <Stack gap="md" data-testid="school-explanation">
      <div>
        <Title order={2} size="h4">
          {v.name}
        </Title>
        <Text size="sm" c="dimmed">
          {[v.code, v.type, v.municipality].filter(Boolean).join(' · ')}
        </Text>
      </div>
      <Paper withBorder p="sm" radius="md" bg={v.category === null ? undefined : 'var(--mantine-color-red-0)'}>
        <Group gap="xs" mb={4}>
          <Badge color={categoryColour(v.category)} variant={v.category === null ? 'light' : 'filled'} tt="none">
            {v.category === null ? 'Не включена в перечень' : categoryLabel(v.category)}
          </Badge>
          <Badge color={v.inPreviousList ? 'grape' : 'gray'} variant="light" tt="none">
            {v.inPreviousList
              ? `была в предыдущем перечне${v.previousCategory === null ? '' : ` (кат. ${v.previousCategory})`}`
              : 'в предыдущем перечне не было'}
          </Badge>
        </Group>
        <Text size="sm">
          {v.rule
            ? `Правило: ${v.rule}`
            : v.hasResults
              ? 'Ни одно правило методики не выполнено.'
              : 'Нет результатов оценочных процедур за годы расчёта: решение принять нельзя.'}
        </Text>
      </Paper>
      <EvidenceTable evidence={v.evidence} />
      {reasonGroups.map((g) => {
        const reasons = v.reasons.filter((r) => r.kind === g.kind);
        if (reasons.length === 0) return null;
        return (
          <section key={g.kind} aria-label={g.title}>
            <Text fw={600} size="sm" mb={4}>
              {g.title}
            </Text>
            <List size="sm" spacing={4}>
              {reasons.map((r) => (
                <List.Item key={r.text}>{keepPercentSign(r.text)}</List.Item>
              ))}
            </List>
          </section>
        );
      })}
    </Stack>
  );
}

function EvidenceTable({ evidence }: { evidence: VerdictDetail['evidence'] }) {
  if (evidence.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        По процедурам методики за годы расчёта результатов школы нет.
      </Text>
    );
  }
  const table = evidenceTable(evidence);
  return (
    <Table.ScrollContainer minWidth={200 + table.years.length * 150} type="native" tabIndex={0} aria-label="Данные">
      <Table withTableBorder fz="sm" data-testid="evidence-table" highlightOnHover={false}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          Результаты по процедурам методики: доля получивших «2» (ВПР) или не преодолевших минимальный порог (ОГЭ, ЕГЭ).
          Низкий результат выделен красным.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Процедура</Table.Th>
            {table.years.map((y) => (
              <Table.Th key={y} ta="right">
                {y}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row) => (
            <Table.Tr key={row.procedure}>
              <Table.Td>{row.procedure}</Table.Td>
              {row.cells.map((e, i) => (
                <Table.Td
                  // biome-ignore lint/suspicious/noArrayIndexKey: one cell per year, in the years' order.
                  key={i}
                  ta="right"
                  data-low={e?.low || undefined}
                  bg={e?.low ? 'var(--mantine-color-red-0)' : undefined}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {e ? (
                    <>
                      <Text span size="xs" c="dimmed">
                        {formatNumber(e.count)} из {formatNumber(e.participants)}
                      </Text>{' '}
                      <Text span fw={600} c={e.low ? 'red.9' : undefined} size="sm">
                        {formatShare(e.share)}
                      </Text>
                      {e.low && <VisuallyHidden> — низкий результат</VisuallyHidden>}
                    </>
                  ) : (
                    <Text span c="dimmed" size="sm">
                      нет данных
                    </Text>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
