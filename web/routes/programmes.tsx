import { Anchor, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ProgrammeListItem } from '../../contract/programmes.ts';
import { useProgrammes } from '../api/programmes.ts';
import { useTerritoryTree } from '../api/queries.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { SearchInput } from '../components/SearchInput.tsx';
import { MunicipalitySelect, RegionSelect } from '../components/TerritorySelects.tsx';
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
  const regionId = values.regionId ?? (regions.length === 1 ? regions[0]?.id : undefined) ?? null;
  const where = regions
    .flatMap((r) => [{ id: r.id, name: r.name }, ...r.municipalities.map((m) => ({ id: m.id, name: m.name }))])
    .find((t) => t.id === (values.municipalityId ?? values.regionId));
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
        <Group align="flex-end" gap="md" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="level-filter-label">
              Уровень
            </Text>
            <SegmentedControl
              aria-labelledby="level-filter-label"
              value={level ?? 'all'}
              onChange={(v) => update({ level: v === 'all' ? null : v })}
              data={[{ value: 'all', label: 'Все' }, ...levels.map((l) => ({ value: l, label: levelLabels[l] }))]}
            />
          </Stack>
          <SearchInput
            value={values.q}
            onChange={(q) => update({ q })}
            placeholder="Наименование или номер приказа"
            label="Поиск программ"
          />
          {regions.length > 1 && (
            <RegionSelect
              tree={regions}
              value={values.regionId ?? null}
              onChange={(v) => update({ regionId: v, municipalityId: null })}
              clearable
              placeholder="Все регионы"
            />
          )}
          {regions.length > 0 && (
            <MunicipalitySelect
              tree={regions}
              regionId={regionId}
              value={values.municipalityId ?? null}
              onChange={(v) => update({ municipalityId: v, regionId: v ? regionId : values.regionId })}
              clearable
              placeholder="Все муниципалитеты"
            />
          )}
        </Group>
        {list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <DataTable
            label="Программы"
            testId="programmes-table"
            columns={columns}
            rows={list.data?.items}
            rowKey={(p) => p.id}
            loading={list.isPending}
            fetching={list.isPlaceholderData}
            minWidth={900}
            empty={
              filtered
                ? 'По вашему запросу ничего не найдено.'
                : canWrite
                  ? 'Программ пока нет. Нажмите «Загрузить документ», чтобы добавить программу из приказа.'
                  : 'Программ пока нет.'
            }
            pagination={{
              page,
              pageSize,
              total: list.data?.total ?? 0,
              onChange: (p) => update({ page: p }),
            }}
          />
        )}
      </Stack>
    </>
  );
}
