import { Badge, Button, CloseButton, Group, Modal, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useOrganisation, usePeople, useTerritoryTree } from '../api/queries.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { effectiveRegionId, ListFilters } from '../components/ListFilters.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PeopleTable } from '../components/PeopleTable.tsx';
import { PersonForm } from '../components/PersonForm.tsx';
import { useUrlFilters } from '../lib/search-params.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const pageSize = 50;

export default function PeoplePage() {
  const me = useCurrentUser();
  if (!can(me, 'person.read')) return <AccessDenied title="Сотрудники" />;
  return <PeopleList canWrite={can(me, 'person.write')} />;
}

function PeopleList({ canWrite }: { canWrite: boolean }) {
  const { values, page, update } = useUrlFilters(['regionId', 'municipalityId', 'organisationId', 'q'] as const);
  const tree = useTerritoryTree();
  const organisation = useOrganisation(values.organisationId);
  const list = usePeople({ ...values, page, pageSize });
  const [creating, setCreating] = useState(false);
  const regions = tree.data ?? [];
  const regionId = effectiveRegionId(regions, values.regionId);

  return (
    <>
      <PageHeader
        title="Сотрудники"
        description="Руководители, заместители, педагоги и специалисты организаций"
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
              Добавить сотрудника
            </Button>
          )
        }
      />
      <Stack gap="md">
        <ListFilters
          regions={regions}
          values={values}
          update={update}
          search={{ label: 'Поиск сотрудников', placeholder: 'ФИО, должность или эл. почта' }}
        />
        {values.organisationId && (
          <Group gap="xs">
            <Badge
              size="lg"
              variant="light"
              style={{ textTransform: 'none' }}
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label="Снять фильтр по организации"
                  onClick={() => update({ organisationId: null })}
                />
              }
            >
              Организация: {organisation.data ? organisation.data.shortName || organisation.data.name : '…'}
            </Badge>
          </Group>
        )}
        {list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <PeopleTable
            rows={list.data?.items}
            loading={list.isPending}
            fetching={list.isPlaceholderData}
            empty={values.q ? 'По вашему запросу никого не найдено.' : 'Сотрудников пока нет.'}
            pagination={{ page, pageSize, total: list.data?.total ?? 0, onChange: (p) => update({ page: p }) }}
          />
        )}
      </Stack>
      <Modal opened={creating} onClose={() => setCreating(false)} title="Новый сотрудник" size="lg">
        {tree.data && (
          <PersonForm
            tree={tree.data}
            defaults={{
              regionId,
              municipalityId: values.municipalityId ?? null,
              organisationId: values.organisationId ?? null,
            }}
            onSaved={() => setCreating(false)}
            onCancel={() => setCreating(false)}
          />
        )}
      </Modal>
    </>
  );
}
