// «Диагностика»: the region's questionnaire campaigns for schools' risk profiles (seed 004, item 4), newest
// first, with their dates and state; the region opens a new one for the approved list or chosen schools, and
// curates the library of typical measures per risk factor. A school goes from here to its own profile.
import { Anchor, Badge, Button, Modal, Stack, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconStethoscope } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type CampaignListItem, useCampaigns, useDiagnosisModels } from '../api/diagnosis.ts';
import { useTerritoryTree } from '../api/queries.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { CampaignForm } from '../components/CampaignForm.tsx';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { campaignStateViews, periodText } from '../lib/diagnosis-format.ts';
import { formatDate } from '../lib/format.ts';
import { useUrlFilters } from '../lib/search-params.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const RiskMeasureLibrary = lazy(() => import('../components/RiskMeasureLibrary.tsx'));
const DiagnosisModelEditor = lazy(() => import('../components/DiagnosisModelEditor.tsx'));
const tabs = ['campaigns', 'measures', 'model'] as const;

export default function DiagnosisPage() {
  const me = useCurrentUser();
  if (!can(me, 'diagnosis.read')) return <AccessDenied title="Диагностика" />;
  return <Diagnosis />;
}

function Diagnosis() {
  const me = useCurrentUser();
  const { values, update } = useUrlFilters(['tab'] as const);
  const tab = tabs.find((t) => t === values.tab) ?? 'campaigns';
  const tree = useTerritoryTree();
  const regionId = me.regionId ?? (tree.data?.length === 1 ? (tree.data[0]?.id ?? null) : null);
  const canWrite = can(me, 'diagnosis.write');
  const [creating, setCreating] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 48em)');

  return (
    <>
      <PageHeader
        title="Диагностика"
        description="Анкетирование для рисковых профилей школ: кампании, ход заполнения, тепловая карта факторов риска; SWOT-анализ, входной мониторинг и антирисковые программы школ."
        actions={
          <>
            {me.organisationId && (
              <Button
                component={Link}
                to={`/organisations/${me.organisationId}/risk-profile`}
                variant="default"
                leftSection={<IconStethoscope size={18} aria-hidden />}
              >
                Рисковый профиль школы
              </Button>
            )}
            {canWrite && (
              <Button
                leftSection={<IconPlus size={18} aria-hidden />}
                onClick={() => {
                  setFormKey((k) => k + 1);
                  setCreating(true);
                }}
                data-testid="campaign-create"
              >
                Новая кампания
              </Button>
            )}
          </>
        }
      />
      <Tabs value={tab} onChange={(v) => update({ tab: v === 'campaigns' ? null : v })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="campaigns">Кампании анкетирования</Tabs.Tab>
          <Tabs.Tab value="measures">Библиотека мер</Tabs.Tab>
          <Tabs.Tab value="model">Модель расчёта</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="campaigns">
          <CampaignList />
        </Tabs.Panel>
        <Tabs.Panel value="measures">
          <Suspense fallback={<PageLoader />}>
            <RiskMeasureLibrary regionId={regionId} canWrite={canWrite} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="model">
          <Suspense fallback={<PageLoader />}>
            <DiagnosisModelEditor regionId={regionId} canWrite={canWrite} />
          </Suspense>
        </Tabs.Panel>
      </Tabs>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title="Новая кампания анкетирования"
        size="lg"
        fullScreen={phone}
      >
        {tree.data && (
          <CampaignForm
            key={formKey}
            tree={tree.data}
            regionId={me.regionId}
            onSaved={(c) => {
              setCreating(false);
              navigate(`/diagnosis/campaigns/${c.id}`);
            }}
            onCancel={() => setCreating(false)}
          />
        )}
      </Modal>
    </>
  );
}

function CampaignList() {
  const list = useCampaigns();
  const models = useDiagnosisModels();
  const modelTitle = (code: string) => models.data?.find((m) => m.code === code)?.title ?? code;
  const columns: Column<CampaignListItem>[] = [
    {
      key: 'title',
      header: 'Кампания',
      render: (c) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/diagnosis/campaigns/${c.id}`} fw={500} size="sm">
            {c.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {modelTitle(c.modelCode)}
          </Text>
        </Stack>
      ),
    },
    { key: 'period', header: 'Сроки', render: (c) => periodText(c.opensOn, c.closesOn), nowrap: true, width: 220 },
    {
      key: 'state',
      header: 'Состояние',
      render: (c) => (
        <Badge variant="light" color={campaignStateViews[c.state].color} style={{ textTransform: 'none' }}>
          {campaignStateViews[c.state].label}
        </Badge>
      ),
      width: 140,
    },
    { key: 'created', header: 'Создана', render: (c) => formatDate(c.createdAt), nowrap: true, width: 120 },
  ];
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  return (
    <DataTable
      label="Кампании анкетирования"
      testId="campaigns-table"
      columns={columns}
      rows={list.data}
      rowKey={(c) => c.id}
      loading={list.isPending}
      minWidth={720}
      empty="Кампаний анкетирования пока нет."
    />
  );
}
