import { Anchor, Button, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ProgrammeListItem } from '../../contract/programmes.ts';
import { useProgrammes } from '../api/programmes.ts';
import { useTerritoryTree } from '../api/queries.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { type Column, PagedTable } from '../components/DataTable.tsx';
import { filteredTerritory, ListFilters } from '../components/ListFilters.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { formatNumber } from '../lib/format.ts';
import { formatAct, formatPeriod, levelLabels, type ProgrammeLevel } from '../lib/programme-format.ts';
import { useUrlFilters } from '../lib/search-params.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const pageSize = 50;

const columns: Column<ProgrammeListItem>[] = [
  {
    key: 'title',
    header: 'Программа',
    render: (p) => (
      <Anchor component={Link} to={`/programmes/${p.id}`} fw={500} style={{ overflowWrap: 'break-word' }}>
        {p.title}
      </Anchor>
    ),
  },
  {
    key: 'kind',
    header: 'Вид и уровень',
    render: (p) => (
      <>
        {p.kind}
        <Text size="sm" c="dimmed">
          {levelLabels[p.level]}
        </Text>
      </>
    ),
    width: 130,
  },
  { key: 'territory', header: 'Территория', render: (p) => p.territoryName, width: 140 },
  // The period may break after its dash: two dates one under the other keep the title column wide.
  { key: 'period', header: 'Период', render: (p) => formatPeriod(p.period).replace('–', '–\u200b'), width: 105 },
  { key: 'act', header: 'Утверждена', render: (p) => formatAct({ number: p.actNumber, date: p.actDate }), width: 115 },
  { key: 'activities', header: 'Мероприятий', render: (p) => formatNumber(p.activities), width: 100 },
];

export default function ProgrammesPage() {
  const me = useCurrentUser();
  if (!can(me, 'programme.read')) return <AccessDenied title="Программы" />;
  return <ProgrammesList canWrite={can(me, 'programme.write')} />;
}

const levels: ProgrammeLevel[] = ['region', 'municipality', 'school'];

function ProgrammesList({ canWrite }: { canWrite: boolean }) {
  const { values, page, update } = useUrlFilters(['regionId', 'municipalityId', 'level', 'q'] as const);
  const level = levels.find((l) => l === values.level);
  const tree = useTerritoryTree();
  const list = useProgrammes({
    regionId: values.regionId,
    municipalityId: values.municipalityId,
    level,
    q: values.q,
    page,
    pageSize,
  });
  const regions = tree.data ?? [];
  const where = filteredTerritory(regions, values);
  const filtered = Boolean(values.q || values.level || values.municipalityId || values.regionId);

  return (
    <>
      <PageHeader
        title="Программы"
        description={
          where
            ? `Территория: ${where.name}`
            : 'Дорожные карты, программы и планы-графики поддержки школ на вашей территории'
        }
        actions={
          canWrite && (
            <Button component={Link} to="/programmes/import" leftSection={<IconFileImport size={18} aria-hidden />}>
              Загрузить документ
            </Button>
          )
        }
      />
      <Stack gap="md">
        <ListFilters
          regions={regions}
          values={values}
          update={update}
          pinRegion
          search={{ label: 'Поиск программ', placeholder: 'Наименование или номер приказа' }}
          segment={{
            name: 'level',
            label: 'Уровень',
            value: level,
            options: levels.map((l) => ({ value: l, label: levelLabels[l] })),
          }}
        />
        <PagedTable
          query={list}
          page={page}
          pageSize={pageSize}
          onPage={(p) => update({ page: p })}
          label="Программы"
          testId="programmes-table"
          columns={columns}
          rowKey={(p) => p.id}
          minWidth={900}
          empty={
            filtered
              ? 'По вашему запросу ничего не найдено.'
              : canWrite
                ? 'Программ пока нет. Нажмите «Загрузить документ», чтобы добавить программу из приказа.'
                : 'Программ пока нет.'
          }
        />
      </Stack>
    </>
  );
}
