import { Table } from '@mantine/core';
import type { Problem } from '../api/client.ts';
import { fieldLabels } from '../lib/format.ts';

interface ProblemsTableProps {
  problems: Problem[];
  label?: string;
}

/** Problems of a file or a form: row and column where they are known, and what to fix. */
export function ProblemsTable({ problems, label = 'Найденные ошибки' }: ProblemsTableProps) {
  const sorted = [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const withPlace = problems.some((p) => p.row !== undefined || p.column !== undefined);
  const withCell = problems.some((p) => p.cell !== undefined && p.cell !== '');
  return (
    <Table.ScrollContainer minWidth={withPlace ? 680 : 360} type="native" tabIndex={0} aria-label={label}>
      <Table striped withTableBorder fz="sm" data-testid="problems-table">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{label}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {withPlace && <Table.Th w={72}>Строка</Table.Th>}
            {withPlace && <Table.Th w={130}>Столбец</Table.Th>}
            {withCell && <Table.Th w={80}>Ячейка</Table.Th>}
            {!withPlace && <Table.Th w={180}>Поле</Table.Th>}
            <Table.Th>Сообщение</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity; the list is static.
            <Table.Tr key={i}>
              {withPlace && <Table.Td>{p.row ?? '—'}</Table.Td>}
              {withPlace && <Table.Td>{p.column ?? '—'}</Table.Td>}
              {withCell && <Table.Td style={{ overflowWrap: 'anywhere' }}>{p.cell || '—'}</Table.Td>}
              {!withPlace && <Table.Td>{p.field ? (fieldLabels[p.field] ?? p.field) : '—'}</Table.Td>}
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
