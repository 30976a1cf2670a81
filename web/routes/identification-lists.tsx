// Approved lists of schools («перечни»): every role of the region sees them; the members each reader sees are
// filtered by the server to the reader's territory.
import { Alert, Anchor, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { SchoolListItem } from '../../contract/identification.ts';
import { useSchoolLists } from '../api/identification.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import {
  IdentificationNav,
  type IdentificationScope,
  useIdentificationScope,
} from '../components/IdentificationNav.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import { sectionTitle } from '../lib/identification-format.ts';
import { formatAct } from '../lib/programme-format.ts';
import { can } from '../lib/session.ts';

export default function IdentificationListsPage() {
  const scope = useIdentificationScope();
  if (!can(scope.me, 'identification.read')) return <AccessDenied title="Утверждённые перечни" />;
  return (
    <>
      <PageHeader
        title={sectionTitle}
        description={
          scope.regionWide
            ? 'Утверждённые перечни школ с низкими образовательными результатами'
            : 'Утверждённые перечни школ с низкими образовательными результатами: школы вашей территории'
        }
      />
      <IdentificationNav active="lists" scope={scope} />
      {scope.ready ? (
        <Lists scope={scope} />
      ) : (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          Выберите регион, перечни которого хотите открыть.
        </Alert>
      )}
    </>
  );
}

const columns: Column<SchoolListItem>[] = [
  { key: 'number', header: '№', width: 60, render: (l) => l.number },
  {
    key: 'title',
    header: 'Перечень',
    render: (l) => (
      <>
        <Anchor component={Link} to={`/identification/lists/${l.id}`} fw={500} style={{ overflowWrap: 'break-word' }}>
          {l.title}
        </Anchor>
        <Text size="xs" c="dimmed" lineClamp={1} title={l.methodologyTitle}>
          Методика: {l.methodologyTitle}
        </Text>
      </>
    ),
  },
  {
    key: 'order',
    header: 'Приказ',
    width: 150,
    render: (l) => formatAct({ number: l.orderNumber, date: l.orderDate }),
  },
  { key: 'year', header: 'Год расчёта', width: 100, render: (l) => l.year },
  { key: 'schools', header: 'Школ', width: 80, render: (l) => formatNumber(l.schools) },
  {
    key: 'approved',
    header: 'Утверждён',
    width: 160,
    render: (l) => (
      <>
        {formatDateTime(l.approvedAt)}
        <Text size="xs" c="dimmed">
          {l.approvedBy}
        </Text>
      </>
    ),
  },
];

function Lists({ scope }: { scope: IdentificationScope }) {
  const lists = useSchoolLists(scope.regionId);
  if (lists.isError) return <ErrorAlert error={lists.error} onRetry={() => lists.refetch()} />;
  return (
    <DataTable
      label="Утверждённые перечни"
      testId="school-lists-table"
      columns={columns}
      rows={lists.data}
      loading={lists.isPending}
      rowKey={(l) => l.id}
      minWidth={860}
      empty={
        scope.canWrite
          ? 'Утверждённых перечней пока нет. Выполните расчёт на вкладке «Результаты и расчёты» и утвердите его как перечень.'
          : 'Утверждённых перечней пока нет.'
      }
    />
  );
}
