import { Anchor, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Organisation } from '../../contract/api.ts';
import { useOrganisations, useTerritoryTree } from '../api/queries.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { OrganisationForm } from '../components/OrganisationForm.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { SearchInput } from '../components/SearchInput.tsx';
import { MunicipalitySelect, RegionSelect } from '../components/TerritorySelects.tsx';
import { urbanLabel } from '../lib/format.ts';
import { useUrlFilters } from '../lib/search-params.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const pageSize = 50;

const columns: Column<Organisation>[] = [
  { key: 'code', header: 'Код', render: (o) => o.code, nowrap: true, width: 120 },
  {
    key: 'name',
    header: 'Краткое наименование',
    render: (o) => (
      <Anchor component={Link} to={`/organisations/${o.id}`} title={o.name} fw={500}>
        {o.shortName || o.name}
      </Anchor>
    ),
  },
  { key: 'type', header: 'Тип', render: (o) => o.type, width: 160 },
  {
    key: 'municipality',
    header: 'Муниципалитет',
    render: (o) =>
      o.municipalityName ?? (
        <Text span c="dimmed" size="sm">
          региональный уровень
        </Text>
      ),
  },
  { key: 'urban', header: 'Местность', render: (o) => urbanLabel(o.urban), width: 120 },
];

export default function OrganisationsPage() {
  const me = useCurrentUser();
  if (!can(me, 'organisation.read')) return <AccessDenied title="Организации" />;
  return <OrganisationsList canWrite={can(me, 'organisation.write')} />;
}

function OrganisationsList({ canWrite }: { canWrite: boolean }) {
  const { values, page, update } = useUrlFilters(['regionId', 'municipalityId', 'kind', 'q'] as const);
  const kind = values.kind === 'school' || values.kind === 'support' ? values.kind : undefined;
  const tree = useTerritoryTree();
  const list = useOrganisations({
    regionId: values.regionId,
    municipalityId: values.municipalityId,
    kind,
    q: values.q,
    page,
    pageSize,
  });
  const [creating, setCreating] = useState(false);
  const regions = tree.data ?? [];
  const regionId = values.regionId ?? (regions.length === 1 ? regions[0]?.id : undefined) ?? null;
  const where = regions
    .flatMap((r) => [{ id: r.id, name: r.name }, ...r.municipalities.map((m) => ({ id: m.id, name: m.name }))])
    .find((t) => t.id === (values.municipalityId ?? values.regionId));

  return (
    <>
      <PageHeader
        title="Организации"
        description={where ? `Территория: ${where.name}` : 'Школы и организации поддержки на вашей территории'}
        actions={
          canWrite && (
            <>
              <Button
                component={Link}
                to="/organisations/import"
                variant="default"
                leftSection={<IconFileImport size={18} aria-hidden />}
              >
                Импорт организаций
              </Button>
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
                Добавить организацию
              </Button>
            </>
          )
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="kind-filter-label">
              Вид
            </Text>
            <SegmentedControl
              aria-labelledby="kind-filter-label"
              value={kind ?? 'all'}
              onChange={(v) => update({ kind: v === 'all' ? null : v })}
              data={[
                { value: 'all', label: 'Все' },
                { value: 'school', label: 'Школы' },
                { value: 'support', label: 'Организации поддержки' },
              ]}
            />
          </Stack>
          <SearchInput
            value={values.q}
            onChange={(q) => update({ q })}
            placeholder="Наименование или код"
            label="Поиск организаций"
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
            label="Организации"
            testId="organisations-table"
            columns={columns}
            rows={list.data?.items}
            rowKey={(o) => o.id}
            loading={list.isPending}
            fetching={list.isPlaceholderData}
            empty={values.q ? 'По вашему запросу ничего не найдено.' : 'Организаций пока нет.'}
            pagination={{
              page,
              pageSize,
              total: list.data?.total ?? 0,
              onChange: (p) => update({ page: p }),
            }}
          />
        )}
      </Stack>
      <Modal opened={creating} onClose={() => setCreating(false)} title="Новая организация" size="lg">
        {tree.data && (
          <OrganisationForm
            tree={tree.data}
            defaults={{ regionId, municipalityId: values.municipalityId ?? null, kind: kind ?? 'school' }}
            onSaved={() => setCreating(false)}
            onCancel={() => setCreating(false)}
          />
        )}
      </Modal>
    </>
  );
}
