// «Диагностика школы»: a school's risk profile (a chart of the factors with their thresholds, a table with each
// level's explanation, the history across campaigns), its SWOT analysis and entry monitoring (filled by the
// school, reviewed by the curator or a coordinator) and its anti-risk programme — the chosen risks whose
// measures become activities of the school's roadmap.
import { Alert, Anchor, Group, Paper, Select, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { type RiskProfile, useRiskHistory, useRiskProfile } from '../api/diagnosis.ts';
import { useOrganisation } from '../api/queries.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { AntiRiskProgramme } from '../components/AntiRiskProgramme.tsx';
import { EntryMonitoringForm } from '../components/EntryMonitoringForm.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { RiskFormPanel } from '../components/RiskFormPanel.tsx';
import { RiskHistory, RiskProfileTable } from '../components/RiskProfileTable.tsx';
import { SwotForm } from '../components/SwotForm.tsx';
import {
  defaultCampaignId,
  groupColumns,
  isoToRu,
  levelCounts,
  profileChartData,
  respondentGroups,
} from '../lib/diagnosis-format.ts';
import { formatNumber } from '../lib/format.ts';
import { useUrlFilters } from '../lib/search-params.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const RiskProfileChart = lazy(() => import('../components/RiskProfileChart.tsx'));

const tabs = ['profile', 'swot', 'entry', 'anti-risk'] as const;
type Tab = (typeof tabs)[number];

export default function RiskProfilePage() {
  const me = useCurrentUser();
  if (!can(me, 'diagnosis.read')) return <AccessDenied title="Диагностика школы" />;
  return <SchoolDiagnosis />;
}

function SchoolDiagnosis() {
  const me = useCurrentUser();
  const { id = '' } = useParams();
  const organisation = useOrganisation(id);
  const { values, update } = useUrlFilters(['tab', 'campaignId'] as const);
  const tab: Tab = tabs.find((t) => t === values.tab) ?? 'profile';
  const history = useRiskHistory(id);
  // Without a campaign in the address: the newest one with answers (a campaign just opened has none yet).
  const campaignId = values.campaignId ?? (history.data ? defaultCampaignId(history.data) : null);
  const profile = useRiskProfile(id, campaignId, Boolean(values.campaignId) || !history.isPending);
  const notYet = profile.error instanceof ApiError && profile.error.status === 404;

  if (organisation.isPending) return <PageLoader />;
  if (organisation.isError)
    return (
      <>
        <PageHeader title="Диагностика школы" back={{ to: '/diagnosis', label: 'К диагностике' }} />
        <ErrorAlert error={organisation.error} onRetry={() => organisation.refetch()} />
      </>
    );
  const o = organisation.data;
  const name = o.shortName || o.name;
  return (
    <>
      <PageHeader
        title={`Диагностика: ${name}`}
        description="Рисковый профиль по анкетам, SWOT-анализ, входной мониторинг и антирисковая программа школы."
        back={
          can(me, 'organisation.read')
            ? { to: `/organisations/${o.id}`, label: 'К карточке школы' }
            : { to: '/diagnosis', label: 'К диагностике' }
        }
      />
      <Tabs value={tab} onChange={(v) => update({ tab: v === 'profile' ? null : v })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="profile">Рисковый профиль</Tabs.Tab>
          <Tabs.Tab value="swot">SWOT-анализ</Tabs.Tab>
          <Tabs.Tab value="entry">Входной мониторинг</Tabs.Tab>
          <Tabs.Tab value="anti-risk">Антирисковая программа</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="profile">
          {profile.isPending ? (
            <PageLoader />
          ) : notYet ? (
            <Alert color="gray" variant="light" title="Профиля пока нет">
              {(profile.error as ApiError).message} Профиль строится по отправленным анкетам кампании анкетирования.
            </Alert>
          ) : profile.isError ? (
            <ErrorAlert error={profile.error} onRetry={() => profile.refetch()} />
          ) : (
            <ProfileView history={history} profile={profile.data} onCampaign={(campaignId) => update({ campaignId })} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="swot">
          <RiskFormPanel
            organisationId={o.id}
            kind="swot"
            canFill={can(me, 'diagnosis.school')}
            canReview={can(me, 'diagnosis.review')}
            editor={(p) => <SwotForm {...p} />}
          />
        </Tabs.Panel>
        <Tabs.Panel value="entry">
          <RiskFormPanel
            organisationId={o.id}
            kind="entry-monitoring"
            canFill={can(me, 'diagnosis.school')}
            canReview={can(me, 'diagnosis.review')}
            editor={(p) => <EntryMonitoringForm {...p} />}
          />
        </Tabs.Panel>
        <Tabs.Panel value="anti-risk">
          {profile.isPending ? (
            <PageLoader />
          ) : (
            <AntiRiskProgramme
              organisationId={o.id}
              regionId={o.regionId}
              factors={profile.data?.factors ?? null}
              campaignId={profile.data?.campaign.id ?? null}
              canChoose={can(me, 'diagnosis.school')}
            />
          )}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function ProfileView({
  history,
  profile: p,
  onCampaign,
}: {
  history: ReturnType<typeof useRiskHistory>;
  profile: RiskProfile;
  onCampaign: (campaignId: string) => void;
}) {
  const chart = useMemo(() => profileChartData(p.factors), [p.factors]);
  const counts = levelCounts(Object.fromEntries(p.factors.map((f) => [f.factor, f.level])));
  const campaigns = [...(history.data ?? [])].reverse();
  const answered = respondentGroups.reduce((n, g) => n + (p.respondents[g] ?? 0), 0);
  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Text size="sm">
            Кампания: <b>{p.campaign.title}</b> (до {isoToRu(p.campaign.closesOn)})
          </Text>
          <Text size="sm" c="dimmed" data-testid="profile-respondents">
            Отправленные анкеты:{' '}
            {respondentGroups
              .map((g) => `${groupColumns[g].toLowerCase()} — ${formatNumber(p.respondents[g] ?? 0)}`)
              .join(', ')}
          </Text>
        </Stack>
        {campaigns.length > 1 && (
          <Select
            label="Кампания"
            data={campaigns.map((h) => ({
              value: h.campaign.id,
              label: `${h.campaign.title} (до ${isoToRu(h.campaign.closesOn)})`,
            }))}
            value={p.campaign.id}
            onChange={(v) => v && onCampaign(v)}
            allowDeselect={false}
            w={{ base: '100%', sm: 360 }}
          />
        )}
      </Group>
      {answered === 0 && (
        <Alert color="yellow" variant="light">
          Отправленных анкет ещё нет: уровни появятся, когда респонденты отправят анкеты.
        </Alert>
      )}
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Group justify="space-between" mb="xs" gap="xs">
          <Title order={2} size="h4">
            Профиль рисков
          </Title>
          <Text size="sm" c="dimmed">
            высокий — {counts.high}, средний — {counts.medium}, низкий — {counts.low}
            {counts['no-data'] ? `, нет данных — ${counts['no-data']}` : ''}
          </Text>
        </Group>
        <Suspense fallback={<Skeleton height={40 + p.factors.length * 46} />}>
          <RiskProfileChart data={chart} />
        </Suspense>
      </Paper>
      <section aria-labelledby="profile-factors">
        <Title order={2} size="h4" mb="sm" id="profile-factors">
          Факторы риска и объяснения
        </Title>
        <RiskProfileTable factors={p.factors} />
      </section>
      <section aria-labelledby="profile-history">
        <Title order={2} size="h4" mb="sm" id="profile-history">
          История по кампаниям
        </Title>
        {history.isError ? (
          <ErrorAlert error={history.error} onRetry={() => history.refetch()} />
        ) : !history.data ? (
          <PageLoader />
        ) : history.data.length < 2 ? (
          <Text size="sm" c="dimmed">
            Школа участвовала в одной кампании; история появится после следующей.{' '}
            <Anchor component={Link} to="/diagnosis" size="sm">
              Кампании анкетирования
            </Anchor>
          </Text>
        ) : (
          <RiskHistory history={history.data} factors={p.factors.map((f) => ({ factor: f.factor, title: f.title }))} />
        )}
      </section>
    </Stack>
  );
}
