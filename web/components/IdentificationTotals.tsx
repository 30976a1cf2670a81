// The totals of a run: the two target indicators of seed 000 (share of ШНОР among the region's schools, share
// of municipalities where ШНОР were found), the flags, and the shares by school type.
import { Badge, Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RunDetail } from '../../contract/identification.ts';
import { formatNumber } from '../lib/format.ts';
import { categoryColour, formatShare, schoolsText } from '../lib/identification-format.ts';

type Totals = RunDetail['totals'];

interface CardProps {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  indicator?: boolean;
  testId?: string;
}

function TotalCard({ label, value, detail, indicator, testId }: CardProps) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed" mih={indicator ? 40 : undefined}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.3} mt={4}>
        {value}
      </Text>
      {detail && (
        <Text size="sm" mt={2}>
          {detail}
        </Text>
      )}
      {indicator && (
        <Badge variant="light" color="blue" size="sm" mt={6} style={{ textTransform: 'none' }}>
          целевой показатель
        </Badge>
      )}
    </Paper>
  );
}

/** «кат. 1 — 2, кат. 2 — 2». */
export function CategoryCounts({ byCategory }: { byCategory: Record<string, number> }) {
  const entries = Object.entries(byCategory)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => Number(a) - Number(b));
  if (entries.length === 0) return <>—</>;
  return (
    <Group gap={6} component="span" style={{ display: 'inline-flex' }}>
      {entries.map(([c, n]) => (
        <Badge
          key={c}
          variant="light"
          color={categoryColour(Number(c))}
          size="sm"
          style={{ textTransform: 'none' }}
          component="span"
        >
          кат. {c}: {formatNumber(n)}
        </Badge>
      ))}
    </Group>
  );
}

export function IdentificationTotals({ totals }: { totals: Totals }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" data-testid="run-totals">
      <TotalCard
        label="Доля ШНОР от общего количества школ региона"
        value={formatShare(totals.share)}
        detail={
          <>
            {formatNumber(totals.listed)} из {schoolsText(totals.schools)}{' '}
            <CategoryCounts byCategory={totals.byCategory} />
          </>
        }
        indicator
        testId="total-listed"
      />
      <TotalCard
        label="Доля муниципальных образований, в которых выявлены ШНОР"
        value={formatShare(totals.municipalitiesShare)}
        detail={`${formatNumber(totals.municipalitiesWithListed)} из ${formatNumber(totals.municipalities)}`}
        indicator
      />
      <TotalCard label="Школы в красной зоне ВПР" value={formatNumber(totals.redZone)} detail="доля «2» и «5» по ВПР" />
      <TotalCard
        label="Школы с необъективными результатами"
        value={formatNumber(totals.objectivityGap)}
        detail="расхождение отметок ВПР и журнала"
      />
      <TotalCard
        label="Школы без результатов"
        value={formatNumber(totals.withoutResults)}
        detail={totals.withoutResults > 0 ? 'не могли быть включены' : 'у всех школ есть данные'}
      />
    </SimpleGrid>
  );
}

/** Listed schools by school type: how many, of how many, which share. */
export function TotalsByType({ totals }: { totals: Totals }) {
  const rows = [...totals.byType].sort((a, b) => b.share - a.share || a.key.localeCompare(b.key, 'ru'));
  return (
    <Table.ScrollContainer minWidth={300} type="native" tabIndex={0} aria-label="По типам школ">
      <Table withTableBorder striped fz="sm" data-testid="totals-by-type">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Тип школы</Table.Th>
            <Table.Th ta="right">Школ</Table.Th>
            <Table.Th ta="right">Включено</Table.Th>
            <Table.Th ta="right">Доля</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((g) => (
            <Table.Tr key={g.key}>
              <Table.Td>{g.key || '—'}</Table.Td>
              <Table.Td ta="right">{formatNumber(g.schools)}</Table.Td>
              <Table.Td ta="right">{formatNumber(g.listed)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatShare(g.share)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
