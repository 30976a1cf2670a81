// «Сеть поддержки»: who supports the low-results schools — tutor schools and partnership agreements (seeds 001,
// 002), curators assigned by order, mobile groups and networks of strong schools (seeds 000, 003). A list view
// without a map; each pair and assignment also shows on the schools' cards. Regional and municipal coordinators
// keep it; everyone who reads organisations sees it.
import { Tabs } from '@mantine/core';
import { useTerritoryTree } from '../api/queries.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { CuratorsTab } from '../components/CuratorAssignments.tsx';
import { GroupsTab } from '../components/GroupList.tsx';
import { effectiveRegionId } from '../components/ListFilters.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PartnershipsTab } from '../components/PartnershipTable.tsx';
import { useUrlFilters } from '../lib/search-params.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const tabs = [
  { value: 'pairs', label: 'Школы-тьюторы и партнёрства' },
  { value: 'curators', label: 'Кураторы' },
  { value: 'groups', label: 'Мобильные группы и сети' },
] as const;
type TabValue = (typeof tabs)[number]['value'];

export default function NetworkPage() {
  const me = useCurrentUser();
  if (!can(me, 'organisation.read')) return <AccessDenied title="Сеть поддержки" />;
  return <Network canWrite={can(me, 'network.write')} />;
}

function Network({ canWrite }: { canWrite: boolean }) {
  const me = useCurrentUser();
  const { values, page, update } = useUrlFilters(['tab', 'kind', 'q', 'municipalityId', 'gkind'] as const);
  const tree = useTerritoryTree();
  const regions = tree.data ?? [];
  const regionId = me.regionId ?? effectiveRegionId(regions, undefined);
  const tab: TabValue = tabs.find((t) => t.value === values.tab)?.value ?? 'pairs';

  return (
    <>
      <PageHeader
        title="Сеть поддержки"
        description="Школы-тьюторы и партнёрские соглашения, кураторы школ, мобильные группы и сети школ."
      />
      <Tabs
        value={tab}
        onChange={(v) => update({ tab: v === 'pairs' ? null : v, kind: null, q: null })}
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="pairs" pt="md">
          <PartnershipsTab
            tree={regions}
            regionId={regionId}
            canWrite={canWrite}
            values={values}
            page={page}
            update={update}
          />
        </Tabs.Panel>
        <Tabs.Panel value="curators" pt="md">
          <CuratorsTab
            tree={regions}
            regionId={regionId}
            canWrite={canWrite}
            municipalityId={values.municipalityId}
            update={update}
          />
        </Tabs.Panel>
        <Tabs.Panel value="groups" pt="md">
          <GroupsTab tree={regions} regionId={regionId} canWrite={canWrite} kind={values.gkind} update={update} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
