// The heat map of a campaign: schools × risk factors, each cell coloured by the level (high red, medium yellow,
// low green, no data grey) with the value in its tooltip; and the schools grouped by the same set of high
// risks, largest group first, so help can be given to a whole group at once.
import {
  Anchor,
  Box,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { type HeatMap, useHeatMap } from '../api/diagnosis.ts';
import {
  heatCellStyle,
  levelCounts,
  levelText,
  riskLevels,
  shortFactorName,
  valueText,
} from '../lib/diagnosis-format.ts';
import { formatNumber, plural } from '../lib/format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoader } from './Loading.tsx';

type Row = HeatMap['rows'][number];

export function HeatLegend() {
  return (
    <Group gap="md" aria-label="Обозначения уровней риска" role="list">
      {riskLevels.map((l) => (
        <Group key={l} gap={6} wrap="nowrap" role="listitem">
          <Box
            w={22}
            h={18}
            style={{
              background: heatCellStyle[l].bg,
              color: heatCellStyle[l].fg,
              borderRadius: 3,
              fontSize: 11,
              textAlign: 'center',
              lineHeight: '18px',
            }}
            aria-hidden
          >
            {heatCellStyle[l].short}
          </Box>
          <Text size="sm">{levelText(l)}</Text>
        </Group>
      ))}
    </Group>
  );
}

export function HeatMapTable({ campaignId }: { campaignId: string }) {
  const map = useHeatMap(campaignId);
  const [municipality, setMunicipality] = useState<string | null>(null);
  const [order, setOrder] = useState<'risk' | 'name'>('risk');
  if (map.isPending) return <PageLoader />;
  if (map.isError) return <ErrorAlert error={map.error} onRetry={() => map.refetch()} />;
  const { factors, rows } = map.data;
  const municipalities = [...new Set(rows.map((r) => r.municipalityName))].sort((a, b) => a.localeCompare(b, 'ru'));
  const shown = rows
    .filter((r) => !municipality || r.municipalityName === municipality)
    .map((r) => ({ r, counts: levelCounts(r.levels) }))
    .sort((a, b) =>
      order === 'risk'
        ? b.counts.high - a.counts.high || b.counts.medium - a.counts.medium || a.r.name.localeCompare(b.r.name, 'ru')
        : a.r.name.localeCompare(b.r.name, 'ru'),
    );
  const highIn = (key: string) => shown.filter(({ r }) => r.levels[key] === 'high').length;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group gap="sm" align="flex-end">
          {municipalities.length > 1 && (
            <Select
              label="Муниципалитет"
              placeholder="Все муниципалитеты"
              data={municipalities.map((m) => ({ value: m, label: m || 'Региональное подчинение' }))}
              value={municipality}
              onChange={setMunicipality}
              clearable
              searchable
              w={{ base: '100%', xs: 280 }}
            />
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="heat-order-label">
              Порядок школ
            </Text>
            <SegmentedControl
              aria-labelledby="heat-order-label"
              value={order}
              onChange={(v) => setOrder(v as 'risk' | 'name')}
              data={[
                { value: 'risk', label: 'Сначала с высокими рисками' },
                { value: 'name', label: 'По наименованию' },
              ]}
              size="xs"
            />
          </Stack>
        </Group>
        <HeatLegend />
      </Group>
      <Table.ScrollContainer
        minWidth={260 + factors.length * 100}
        type="native"
        tabIndex={0}
        role="region"
        aria-label="Тепловая карта"
      >
        <Table
          aria-label="Тепловая карта факторов риска по школам"
          data-testid="heat-map"
          withTableBorder
          withColumnBorders
          verticalSpacing={4}
          horizontalSpacing={6}
          style={{ tableLayout: 'fixed' }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={260} style={{ position: 'sticky', left: 0, background: 'white', zIndex: 1 }}>
                Школа
              </Table.Th>
              {factors.map((f) => (
                <Table.Th key={f.key} w={100} title={f.title} style={{ verticalAlign: 'bottom', position: 'relative' }}>
                  <Text size="xs" fw={600} lh={1.2} style={{ hyphens: 'auto', overflowWrap: 'break-word' }}>
                    {shortFactorName(f.key, f.title)}
                  </Text>
                  <VisuallyHidden>{f.title}</VisuallyHidden>
                </Table.Th>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Td style={{ position: 'sticky', left: 0, background: 'white', zIndex: 1 }}>
                <Text size="xs" c="dimmed">
                  Школ с высоким риском
                </Text>
              </Table.Td>
              {factors.map((f) => (
                <Table.Td key={f.key} ta="center">
                  <Text size="sm" fw={600}>
                    {formatNumber(highIn(f.key))}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={factors.length + 1}>
                  <Text c="dimmed" ta="center" py="md" size="sm">
                    Школ нет.
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              shown.map(({ r }) => (
                <Table.Tr key={r.organisationId}>
                  <Table.Td style={{ position: 'sticky', left: 0, background: 'white', zIndex: 1 }}>
                    <Anchor
                      component={Link}
                      to={`/organisations/${r.organisationId}/risk-profile?campaignId=${map.data.campaign.id}`}
                      size="sm"
                      lineClamp={2}
                    >
                      {r.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {r.municipalityName}
                    </Text>
                  </Table.Td>
                  {factors.map((f) => (
                    <HeatCell key={f.key} row={r} factor={f} />
                  ))}
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        Значение фактора (0–100, чем больше, тем выше риск) — во всплывающей подсказке ячейки. Уровни считаются по
        отправленным анкетам.
      </Text>
    </Stack>
  );
}

function HeatCell({ row, factor }: { row: Row; factor: { key: string; title: string } }) {
  const level = row.levels[factor.key] ?? 'no-data';
  const value = row.values[factor.key] ?? null;
  const style = heatCellStyle[level];
  const tip = `${factor.title}: ${value === null ? 'нет ответов' : `${valueText(value)} из 100`} — ${levelText(level)}`;
  return (
    <Table.Td
      title={tip}
      data-level={level}
      ta="center"
      style={{
        background: style.bg,
        color: style.fg,
        fontWeight: 600,
        fontSize: 12,
        cursor: 'default',
        position: 'relative',
      }}
    >
      <span aria-hidden>{style.short}</span>
      <VisuallyHidden>{`${levelText(level)}, ${valueText(value)}`}</VisuallyHidden>
    </Table.Td>
  );
}

export function HeatMapGroups({ campaignId }: { campaignId: string }) {
  const map = useHeatMap(campaignId);
  if (map.isPending) return <PageLoader />;
  if (map.isError) return <ErrorAlert error={map.error} onRetry={() => map.refetch()} />;
  const { factors, rows, groups } = map.data;
  const title = (key: string) => factors.find((f) => f.key === key)?.title ?? key;
  const byId = new Map(rows.map((r) => [r.organisationId, r]));
  const grouped = new Set(groups.flatMap((g) => g.schools));
  const noData = rows.filter((r) => Object.values(r.levels).every((l) => l === 'no-data'));
  const withoutHigh = rows.filter((r) => !grouped.has(r.organisationId) && !noData.includes(r));
  const schoolLink = (id: string) => {
    const r = byId.get(id);
    return (
      <Anchor
        component={Link}
        to={`/organisations/${id}/risk-profile?campaignId=${map.data.campaign.id}`}
        size="sm"
        key={id}
      >
        {r?.name ?? id}
        {r?.municipalityName ? ` (${r.municipalityName})` : ''}
      </Anchor>
    );
  };
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Школы с одинаковым набором высоких рисков — одна группа: им можно помогать вместе (общие семинары, курсы,
        куратор или школа-тьютор по этим направлениям).
      </Text>
      {groups.length === 0 && (
        <Paper withBorder p="md" radius="md">
          <Text size="sm">Школ с высоким уровнем риска по отправленным анкетам нет.</Text>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {groups.map((g) => (
          <Paper withBorder p="md" radius="md" key={g.factors.join('|')} data-testid="profile-group">
            <Stack gap="xs">
              <Title order={3} size="h5">
                {formatNumber(g.schools.length)} {plural(g.schools.length, ['школа', 'школы', 'школ'])}: высокий риск по{' '}
                {g.factors.length} {plural(g.factors.length, ['фактору', 'факторам', 'факторам'])}
              </Title>
              <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Высокие риски группы">
                {g.factors.map((f) => (
                  <Group key={f} gap={8} wrap="nowrap" align="flex-start" component="li">
                    <Box
                      w={10}
                      h={10}
                      mt={6}
                      style={{ background: heatCellStyle.high.bg, borderRadius: 2, flexShrink: 0 }}
                    />
                    <Text size="sm" c="red.9">
                      {title(f)}
                    </Text>
                  </Group>
                ))}
              </Stack>
              <Text size="xs" c="dimmed" mt={4}>
                {g.schools.length > 1 ? 'Школы группы' : 'Школа'}
              </Text>
              <Stack gap={2}>{g.schools.map(schoolLink)}</Stack>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
      {withoutHigh.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="xs">
            <Title order={3} size="h5">
              Без высоких рисков: {formatNumber(withoutHigh.length)}{' '}
              {plural(withoutHigh.length, ['школа', 'школы', 'школ'])}
            </Title>
            <Stack gap={2}>{withoutHigh.map((r) => schoolLink(r.organisationId))}</Stack>
          </Stack>
        </Paper>
      )}
      {noData.length > 0 && (
        <Text size="sm" c="dimmed">
          Нет отправленных анкет: {formatNumber(noData.length)} {plural(noData.length, ['школа', 'школы', 'школ'])}.
        </Text>
      )}
    </Stack>
  );
}
