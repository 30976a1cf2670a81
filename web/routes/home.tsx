import {
  Anchor,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconBuilding, IconBuildingCommunity, IconMap, IconSchool } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Me, TerritoryTree } from '../../contract/api.ts';
import { useTerritoryTree } from '../api/queries.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { formatNumber } from '../lib/format.ts';
import { roleLabels } from '../lib/labels.ts';
import { can, useCurrentUser } from '../lib/session.ts';

/** Totals of what the user can see, from the territory tree. */
export function summarise(tree: TerritoryTree) {
  let municipalities = 0;
  let schools = 0;
  let support = 0;
  for (const r of tree) {
    municipalities += r.municipalities.length;
    support += r.regionalOrganisations;
    for (const m of r.municipalities) {
      schools += m.schools;
      support += m.organisations;
    }
  }
  return { regions: tree.length, municipalities, schools, support };
}

export default function HomePage() {
  const me = useCurrentUser();
  const tree = useTerritoryTree(can(me, 'territory.read'));
  // «Фамилия Имя Отчество» → «Имя Отчество», the polite form of address; anything else as written.
  const words = me.fullName.trim().split(/\s+/);
  const addressed = words.length === 3 ? words.slice(1).join(' ') : me.fullName;

  return (
    <>
      <PageHeader
        title="Главная"
        description={`Здравствуйте, ${addressed}! Вы вошли как «${roleLabels[me.role]}»: ${me.territoryName}.`}
      />
      {me.organisationId ? (
        <OwnOrganisation me={me} />
      ) : tree.isPending && can(me, 'territory.read') ? (
        <PageLoader />
      ) : tree.isError ? (
        <ErrorAlert error={tree.error} onRetry={() => tree.refetch()} />
      ) : tree.data ? (
        <Overview tree={tree.data} canOpen={can(me, 'organisation.read')} />
      ) : null}
    </>
  );
}

/** Accounts bound to one organisation (school, curator) see it, not territory totals. */
function OwnOrganisation({ me }: { me: Me }) {
  return (
    <Card withBorder padding="lg" radius="md" maw={640}>
      <Group wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size={44} radius="md">
          {me.role === 'school' ? <IconSchool aria-hidden /> : <IconBuilding aria-hidden />}
        </ThemeIcon>
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            Ваша организация
          </Text>
          <Text fw={600} size="lg">
            {me.territoryName}
          </Text>
          <Group gap="sm">
            {can(me, 'organisation.read') && (
              <Button component={Link} to={`/organisations/${me.organisationId}`}>
                Открыть карточку
              </Button>
            )}
            {can(me, 'person.read') && (
              <Button component={Link} to={`/people?organisationId=${me.organisationId}`} variant="default">
                Список сотрудников
              </Button>
            )}
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

function Overview({ tree, canOpen }: { tree: TerritoryTree; canOpen: boolean }) {
  const total = summarise(tree);
  const onlyRegion = tree.length === 1 ? tree[0] : undefined;
  const regionQuery = onlyRegion ? `regionId=${onlyRegion.id}&` : '';
  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <SummaryCard label="Регионы" value={total.regions} icon={<IconMap aria-hidden />} />
        <SummaryCard label="Муниципалитеты" value={total.municipalities} icon={<IconBuildingCommunity aria-hidden />} />
        <SummaryCard
          label="Школы"
          value={total.schools}
          icon={<IconSchool aria-hidden />}
          to={canOpen ? `/organisations?${regionQuery}kind=school` : undefined}
          linkLabel="Список школ"
        />
        <SummaryCard
          label="Организации поддержки"
          value={total.support}
          icon={<IconBuilding aria-hidden />}
          to={canOpen ? `/organisations?${regionQuery}kind=support` : undefined}
          linkLabel="Список организаций поддержки"
        />
      </SimpleGrid>
      {tree.map((region) => (
        <section key={region.id} aria-labelledby={`region-${region.id}`}>
          <Title order={2} size="h4" mb="xs" id={`region-${region.id}`}>
            {region.name}
          </Title>
          {region.municipalities.length === 0 ? (
            <Text c="dimmed" size="sm">
              Муниципалитеты ещё не добавлены.
            </Text>
          ) : (
            <Table.ScrollContainer
              minWidth={420}
              type="native"
              tabIndex={0}
              aria-label={`Муниципалитеты: ${region.name}`}
            >
              <Table striped withTableBorder highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Муниципалитет</Table.Th>
                    <Table.Th ta="right" w={110}>
                      Школ
                    </Table.Th>
                    <Table.Th ta="right" w={200}>
                      Организаций поддержки
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {region.municipalities.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        {canOpen ? (
                          <Anchor component={Link} to={`/organisations?regionId=${region.id}&municipalityId=${m.id}`}>
                            {m.name}
                          </Anchor>
                        ) : (
                          m.name
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(m.schools)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(m.organisations)}</Table.Td>
                    </Table.Tr>
                  ))}
                  {region.regionalOrganisations > 0 && (
                    <Table.Tr>
                      <Table.Td>
                        <Text span fs="italic" size="sm">
                          Региональный уровень
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">—</Table.Td>
                      <Table.Td ta="right">{formatNumber(region.regionalOrganisations)}</Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
      ))}
    </Stack>
  );
}

interface SummaryCardProps {
  label: string;
  value: number;
  icon: ReactNode;
  to?: string | undefined;
  /** The link's accessible name; must not repeat a navigation link's name («Организации»). */
  linkLabel?: string;
}

function SummaryCard({ label, value, icon, to, linkLabel }: SummaryCardProps) {
  const body = (
    <Group justify="space-between" wrap="nowrap" align="flex-start">
      <div>
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
        <Text fz={32} fw={700} lh={1.2}>
          {formatNumber(value)}
        </Text>
      </div>
      <ThemeIcon variant="light" size={44} radius="md">
        {icon}
      </ThemeIcon>
    </Group>
  );
  return (
    <Card withBorder padding="lg" radius="md">
      {to ? (
        <UnstyledButton component={Link} to={to} aria-label={`${linkLabel ?? label}: ${formatNumber(value)}`}>
          {body}
        </UnstyledButton>
      ) : (
        body
      )}
    </Card>
  );
}
