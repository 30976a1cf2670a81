import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { Person } from '../../contract/api.ts';
import { categoryShortLabel } from '../lib/staff-format.ts';
import { type Column, DataTable } from './DataTable.tsx';

const baseColumns: Column<Person>[] = [
  {
    key: 'fullName',
    header: 'ФИО',
    render: (p) => (
      <Anchor component={Link} to={`/people/${p.id}`} fw={500}>
        {p.fullName}
      </Anchor>
    ),
  },
  { key: 'position', header: 'Должность', render: (p) => p.position || '—' },
  { key: 'category', header: 'Категория', render: (p) => categoryShortLabel(p.category) },
  { key: 'organisation', header: 'Организация', render: (p) => p.organisationName ?? '—' },
  {
    key: 'email',
    header: 'Эл. почта',
    render: (p) => (p.email ? <Anchor href={`mailto:${p.email}`}>{p.email}</Anchor> : '—'),
  },
  { key: 'phone', header: 'Телефон', render: (p) => p.phone || '—', nowrap: true },
];

interface PeopleTableProps {
  rows: Person[] | undefined;
  loading: boolean;
  fetching?: boolean;
  withOrganisation?: boolean;
  pagination?: { page: number; pageSize: number; total: number; onChange: (page: number) => void };
  empty?: string;
}

export function PeopleTable({ rows, loading, fetching, withOrganisation = true, pagination, empty }: PeopleTableProps) {
  const columns = withOrganisation ? baseColumns : baseColumns.filter((c) => c.key !== 'organisation');
  return (
    <DataTable
      label="Сотрудники"
      testId="people-table"
      columns={columns}
      rows={rows}
      rowKey={(p) => p.id}
      loading={loading}
      fetching={fetching}
      pagination={pagination}
      empty={empty ?? 'Сотрудников пока нет.'}
      minWidth={withOrganisation ? 940 : 760}
    />
  );
}
