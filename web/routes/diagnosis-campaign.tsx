// «Кампания анкетирования»: its dates, state and model; filling progress by municipality and by school with each
// school's code and the link respondents open; the heat map of risk factors across the schools; and schools
// grouped by the same set of high risks, for targeted help. A school or a municipality sees its own schools.
import { Badge, Group, Tabs, Text } from '@mantine/core';
import { useParams } from 'react-router';
import { useCampaign } from '../api/diagnosis.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { CampaignProgress } from '../components/CampaignProgress.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { HeatMapGroups, HeatMapTable } from '../components/HeatMap.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { campaignStateViews, periodText } from '../lib/diagnosis-format.ts';
import { formatNumber, plural } from '../lib/format.ts';
import { useUrlFilters } from '../lib/search-params.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const back = { to: '/diagnosis', label: 'К кампаниям анкетирования' };
const tabs = ['progress', 'heat-map', 'groups'] as const;
type Tab = (typeof tabs)[number];

export default function DiagnosisCampaignPage() {
  const me = useCurrentUser();
  if (!can(me, 'diagnosis.read')) return <AccessDenied title="Кампания анкетирования" />;
  return <CampaignCard />;
}

function CampaignCard() {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const { values, update } = useUrlFilters(['tab'] as const);
  const tab: Tab = tabs.find((t) => t === values.tab) ?? 'progress';

  if (campaign.isPending) return <PageLoader />;
  if (campaign.isError)
    return (
      <>
        <PageHeader title="Кампания анкетирования" back={back} />
        <ErrorAlert error={campaign.error} onRetry={() => campaign.refetch()} />
      </>
    );
  const c = campaign.data;
  const state = campaignStateViews[c.state];
  const submitted = c.schools.reduce((n, s) => n + s.submitted, 0);
  return (
    <>
      <PageHeader
        title={c.title}
        back={back}
        description={
          <Group gap="xs" component="span">
            <Badge variant="light" color={state.color} style={{ textTransform: 'none' }}>
              {state.label}
            </Badge>
            <Text span size="sm">
              {periodText(c.opensOn, c.closesOn)} · {formatNumber(c.schools.length)}{' '}
              {plural(c.schools.length, ['школа', 'школы', 'школ'])} · отправлено {formatNumber(submitted)}{' '}
              {plural(submitted, ['анкета', 'анкеты', 'анкет'])}
            </Text>
          </Group>
        }
      />
      <Tabs value={tab} onChange={(v) => update({ tab: v === 'progress' ? null : v })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="progress">Ход заполнения</Tabs.Tab>
          <Tabs.Tab value="heat-map">Тепловая карта</Tabs.Tab>
          <Tabs.Tab value="groups">Группы школ по профилю</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="progress">
          <CampaignProgress campaign={c} />
        </Tabs.Panel>
        <Tabs.Panel value="heat-map">
          <HeatMapTable campaignId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          <HeatMapGroups campaignId={c.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
