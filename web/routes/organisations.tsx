import { Anchor, Button, Modal, Stack, Text } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Organisation } from '../../contract/api.ts';
import { useOrganisations, useTerritoryTree } from '../api/queries.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { type Column, PagedTable } from '../components/DataTable.tsx';
import { effectiveRegionId, filteredTerritory, ListFilters } from '../components/ListFilters.tsx';
import { OrganisationForm } from '../components/OrganisationForm.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
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
  const regionId = effectiveRegionId(regions, values.regionId);
  const where = filteredTerritory(regions, values);

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
        <ListFilters
          regions={regions}
          values={values}
          update={update}
          pinRegion
          search={{ label: 'Поиск организаций', placeholder: 'Наименование или код' }}
          segment={{
            name: 'kind',
            label: 'Вид',
            value: kind,
            options: [
              { value: 'school', label: 'Школы' },
              { value: 'support', label: 'Организации поддержки' },
            ],
          }}
        />
        <PagedTable
          query={list}
          page={page}
          pageSize={pageSize}
          onPage={(p) => update({ page: p })}
          label="Организации"
          testId="organisations-table"
          columns={columns}
          rowKey={(o) => o.id}
          empty={values.q ? 'По вашему запросу ничего не найдено.' : 'Организаций пока нет.'}
        />
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
