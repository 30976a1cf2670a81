// An approved list: its order, the run and methodology it came from, and its schools (within the reader's
// territory) with search and filters, downloads as XLSX and DOCX.
import { Anchor, Badge, Paper, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import type { SchoolListDetail } from '../../contract/identification.ts';
import { schoolListExportUrl, useSchoolList } from '../api/identification.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { DetailsList } from '../components/DetailsList.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useIdentificationScope } from '../components/IdentificationNav.tsx';
import {
  IdentificationExportButtons,
  IdentificationSchoolFilters,
  schoolFilterKeys,
} from '../components/IdentificationSchoolFilters.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import {
  categoryColour,
  categoryLabel,
  compareSchools,
  matchesSchool,
  municipalitiesOf,
  type SchoolSign,
} from '../lib/identification-format.ts';
import { formatAct } from '../lib/programme-format.ts';
import { pageOfRows, useUrlFilters } from '../lib/search-params.ts';
import { can } from '../lib/session.ts';

type Member = SchoolListDetail['members'][number];
const pageSize = 50;
const signs: SchoolSign[] = ['first', 'repeated'];

export default function IdentificationListPage() {
  const scope = useIdentificationScope();
  if (!can(scope.me, 'identification.read')) return <AccessDenied title="Перечень" />;
  return <ListCard regionWide={scope.regionWide} />;
}

const columns: Column<Member>[] = [
  { key: 'municipality', header: 'Муниципалитет', width: 220, render: (m) => m.municipality || '—' },
  { key: 'code', header: 'Код', width: 110, nowrap: true, render: (m) => m.code },
  { key: 'name', header: 'Школа', render: (m) => m.name },
  { key: 'type', header: 'Тип', width: 100, render: (m) => m.type || '—' },
  {
    key: 'category',
    header: 'Категория',
    width: 130,
    render: (m) => (
      <Badge color={categoryColour(m.category)} variant="light" tt="none">
        {categoryLabel(m.category)}
      </Badge>
    ),
  },
  { key: 'repeated', header: 'В перечне', width: 110, render: (m) => (m.repeated ? 'повторно' : 'впервые') },
];

function ListCard({ regionWide }: { regionWide: boolean }) {
  const { id = '' } = useParams();
  const list = useSchoolList(id);
  const { values, page, update } = useUrlFilters(schoolFilterKeys);
  const members = list.data?.members;
  const rows = useMemo(
    () => (members ?? []).filter((m) => matchesSchool(m, values)).sort(compareSchools),
    [members, values],
  );
  const back = { to: '/identification/lists', label: 'К списку перечней' };
  if (list.isPending) return <PageLoader />;
  if (list.isError) {
    return (
      <>
        <PageHeader title="Перечень" back={back} />
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      </>
    );
  }
  const l = list.data;
  const categories = [...new Set(l.members.flatMap((m) => (m.category === null ? [] : [m.category])))].sort(
    (a, b) => a - b,
  );
  const partial = l.members.length < l.schools;
  const shown = pageOfRows(rows, page, pageSize, (p) => update({ page: p }));
  const filtered = Boolean(values.q || values.category || values.municipalityId || values.sign);
  return (
    <>
      <PageHeader
        title={`Перечень № ${l.number}`}
        description={l.title}
        back={back}
        actions={<IdentificationExportButtons url={(format) => schoolListExportUrl(l.id, format)} />}
      />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <DetailsList
            items={[
              { label: 'Утверждён приказом', value: formatAct({ number: l.orderNumber, date: l.orderDate }) },
              { label: 'Год расчёта', value: String(l.year) },
              { label: 'Методика', value: l.methodologyTitle },
              {
                label: 'Школ в перечне',
                value: partial
                  ? `${formatNumber(l.schools)}, из них на вашей территории ${formatNumber(l.members.length)}`
                  : formatNumber(l.schools),
              },
              { label: 'Утвердил', value: `${l.approvedBy}, ${formatDateTime(l.approvedAt)}` },
              ...(regionWide
                ? [
                    {
                      label: 'Расчёт',
                      value: (
                        <Anchor component={Link} to={`/identification/runs/${l.runId}`}>
                          основания решений по каждой школе
                        </Anchor>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Paper>
        <section aria-labelledby="members-title">
          <Title order={2} size="h4" id="members-title" mb="xs">
            Школы перечня
          </Title>
          <Stack gap="md">
            {l.members.length > 1 && (
              <IdentificationSchoolFilters
                values={values}
                update={update}
                categories={categories}
                withUnlisted={false}
                municipalities={municipalitiesOf(l.members)}
                signs={signs}
              />
            )}
            <DataTable
              label="Школы перечня"
              testId="list-members"
              columns={columns}
              rows={shown.rows}
              rowKey={(m) => m.organisationId}
              minWidth={860}
              empty={
                filtered
                  ? 'По вашему запросу школ не найдено.'
                  : partial
                    ? 'Школ вашей территории в перечне нет.'
                    : 'В перечне нет школ.'
              }
              pagination={shown.pagination}
            />
          </Stack>
        </section>
      </Stack>
    </>
  );
}
