// Methodologies of identification: the presets shipped with Опора and the region's own copies.
import { Alert, Anchor, Badge, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { MethodologyView } from '../../contract/identification.ts';
import { useMethodologies } from '../api/identification.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import {
  IdentificationNav,
  type IdentificationScope,
  useIdentificationScope,
} from '../components/IdentificationNav.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { formatDateTime } from '../lib/format.ts';
import { categoriesOf, sectionTitle } from '../lib/identification-format.ts';
import { can } from '../lib/session.ts';

export default function IdentificationMethodologiesPage() {
  const scope = useIdentificationScope();
  if (!can(scope.me, 'identification.read')) return <AccessDenied title="Методики" />;
  return (
    <>
      <PageHeader
        title={sectionTitle}
        description="Методика — правила выявления как данные: процедуры, пороги и правила включения в перечень"
      />
      <IdentificationNav active="methodologies" scope={scope} />
      {scope.ready ? (
        <Methodologies scope={scope} />
      ) : (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          Выберите регион, методики которого хотите открыть.
        </Alert>
      )}
    </>
  );
}

function Methodologies({ scope }: { scope: IdentificationScope }) {
  const list = useMethodologies(scope.regionId);
  const columns: Column<MethodologyView>[] = [
    {
      key: 'title',
      header: 'Методика',
      render: (m) => (
        <>
          <Anchor
            component={Link}
            to={scope.link(`/identification/methodologies/${encodeURIComponent(m.id)}`)}
            fw={500}
            style={{ overflowWrap: 'break-word' }}
          >
            {m.title}
          </Anchor>
          <Text size="xs" c="dimmed" lineClamp={1} title={m.source}>
            {m.source}
          </Text>
        </>
      ),
    },
    {
      key: 'kind',
      header: 'Вид',
      width: 140,
      render: (m) =>
        m.preset ? (
          <Badge variant="light" color="gray" tt="none">
            поставляемая
          </Badge>
        ) : (
          <Badge variant="light" color="blue" tt="none">
            методика региона
          </Badge>
        ),
    },
    { key: 'code', header: 'Код', width: 160, render: (m) => m.code },
    {
      key: 'categories',
      header: 'Категорий',
      width: 100,
      render: (m) => categoriesOf(m.definition).length,
    },
    {
      key: 'version',
      header: 'Версия',
      width: 170,
      render: (m) => (
        <>
          {m.version}
          {m.updatedAt && (
            <Text size="xs" c="dimmed">
              {formatDateTime(m.updatedAt)}
            </Text>
          )}
          {m.basedOn && (
            <Text size="xs" c="dimmed">
              на основе {m.basedOn}
            </Text>
          )}
        </>
      ),
    },
  ];
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Stack gap="sm">
      {scope.canWrite && (
        <Text size="sm" c="dimmed">
          Поставляемые методики не меняются. Чтобы изменить правила, откройте методику и нажмите «Создать копию»: копия
          станет методикой региона, каждое её изменение сохраняется как новая версия.
        </Text>
      )}
      <DataTable
        label="Методики"
        testId="methodologies-table"
        columns={columns}
        rows={list.data}
        loading={list.isPending}
        rowKey={(m) => m.id}
        minWidth={820}
      />
    </Stack>
  );
}
