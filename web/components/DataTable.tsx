import { Box, Center, Group, Loader, Pagination, Table, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { formatNumber } from '../lib/format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  width?: number | string;
  /** Keep the cell on one line (codes, dates). */
  nowrap?: boolean;
}

interface DataTableProps<T> {
  /** Accessible name of the table and its scroll region. */
  label: string;
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  loading?: boolean;
  /** True while a newer page loads over the rows shown. */
  fetching?: boolean;
  empty?: ReactNode;
  minWidth?: number;
  testId?: string;
  /** Extra content under a row (for example an expanded diff), spanning all columns. */
  renderDetails?: (row: T) => ReactNode;
  pagination?: { page: number; pageSize: number; total: number; onChange: (page: number) => void };
}

/** A table that scrolls sideways on narrow screens, with a loader, an empty state and pagination. */
export function DataTable<T>(props: DataTableProps<T>) {
  const { label, columns, rows, rowKey, loading, fetching, empty = 'Записей не найдено.', minWidth = 720 } = props;
  if (loading && !rows) {
    return (
      <Center py="xl">
        <Loader aria-label="Загрузка" />
      </Center>
    );
  }
  const list = rows ?? [];
  return (
    <Box>
      <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
        <Table
          aria-label={label}
          aria-busy={fetching || undefined}
          data-testid={props.testId}
          striped
          withTableBorder
          style={{ opacity: fetching ? 0.6 : 1, transition: 'opacity 120ms' }}
        >
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} w={c.width} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text c="dimmed" ta="center" py="md" size="sm">
                    {empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              list.map((row) => {
                const details = props.renderDetails?.(row);
                return (
                  <Fragment key={rowKey(row)}>
                    <Table.Tr>
                      {columns.map((c) => (
                        <Table.Td key={c.key} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                          {c.render(row)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                    {details ? (
                      <Table.Tr>
                        <Table.Td colSpan={columns.length} bg="var(--mantine-color-gray-0)">
                          {details}
                        </Table.Td>
                      </Table.Tr>
                    ) : null}
                  </Fragment>
                );
              })
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {props.pagination && <Paginator {...props.pagination} />}
    </Box>
  );
}

interface PaginatorProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

const controlLabels = {
  first: 'Первая страница',
  previous: 'Предыдущая страница',
  next: 'Следующая страница',
  last: 'Последняя страница',
} as const;

export function Paginator({ page, pageSize, total, onChange }: PaginatorProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="sm" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 0 ? 'Нет записей' : `Показаны ${formatNumber(from)}–${formatNumber(to)} из ${formatNumber(total)}`}
      </Text>
      {pages > 1 && (
        <nav aria-label="Страницы">
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onChange}
            size="sm"
            siblings={1}
            boundaries={1}
            getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
            getItemProps={(p) => ({ 'aria-label': `Страница ${p}`, 'aria-current': p === page ? 'page' : undefined })}
          />
        </nav>
      )}
    </Group>
  );
}

/** What a paged list query offers the table: its page of rows, the total, and its error to retry. */
interface PagedQuery<T> {
  data?: { items: T[]; total: number } | undefined;
  isPending: boolean;
  isPlaceholderData: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

type PagedTableProps<T> = Omit<DataTableProps<T>, 'rows' | 'loading' | 'fetching' | 'pagination'> & {
  query: PagedQuery<T>;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
};

/** A page of a list query in a table, or the query's error with a retry. */
export function PagedTable<T>({ query, page, pageSize, onPage, ...props }: PagedTableProps<T>) {
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  return (
    <DataTable
      {...props}
      rows={query.data?.items}
      loading={query.isPending}
      fetching={query.isPlaceholderData}
      pagination={{ page, pageSize, total: query.data?.total ?? 0, onChange: onPage }}
    />
  );
}
