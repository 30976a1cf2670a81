// The organisation card's «Сеть поддержки»: the tutor school or partner that supports this school, the schools
// it supports itself, its curators with their orders, and the groups it belongs to (as an organisation or
// through its staff). Both schools of a pair show it.
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { agreementFileUrl, type Partnership, useOrganisationNetwork } from '../api/network.ts';
import { documentText, groupKindLabels, partnershipKindViews, validityText } from '../lib/network-format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoader } from './Loading.tsx';
import { PartnershipStatusBadge } from './PartnershipStatusBadge.tsx';

function Block({ title, empty, children }: { title: string; empty: string; children: ReactNode[] }) {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={700}>
        {title}
      </Text>
      {children.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap={8} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {children}
        </Stack>
      )}
    </Stack>
  );
}

function Pair({ pair, other }: { pair: Partnership; other: Partnership['school'] }) {
  const agreement = documentText(pair.agreementNumber, pair.agreementDate);
  const validity = validityText(pair.validFrom, pair.validTo);
  return (
    <li>
      <Group gap={6} wrap="wrap">
        {other.id ? (
          <Anchor component={Link} to={`/organisations/${other.id}`} size="sm" fw={500}>
            {other.name}
          </Anchor>
        ) : (
          <Text size="sm" fw={500}>
            {other.name}
          </Text>
        )}
        <PartnershipStatusBadge status={pair.status} size="xs" />
      </Group>
      <Text size="xs" c="dimmed">
        {partnershipKindViews[pair.kind]}
        {other.municipalityName ? ` · ${other.municipalityName}` : ''}
        {agreement ? ` · соглашение ${agreement}` : ''}
        {validity ? ` · срок ${validity}` : ''}
      </Text>
      {pair.file && (
        <Anchor href={agreementFileUrl(pair.id)} download size="xs">
          Документ соглашения «{pair.file.name}»
        </Anchor>
      )}
    </li>
  );
}

export function OrganisationNetwork({ organisationId }: { organisationId: string }) {
  const network = useOrganisationNetwork(organisationId);
  return (
    <section aria-labelledby="organisation-network" data-testid="organisation-network">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="organisation-network">
          Сеть поддержки
        </Title>
        <Anchor component={Link} to="/network" size="sm">
          Вся сеть поддержки
        </Anchor>
      </Group>
      {network.isPending ? (
        <PageLoader />
      ) : network.isError ? (
        <ErrorAlert error={network.error} onRetry={() => network.refetch()} />
      ) : (
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="lg">
            <Block title="Школа-тьютор / партнёр" empty="Школа-тьютор или партнёр не назначены.">
              {network.data.supportedBy.map((p) => (
                <Pair key={p.id} pair={p} other={p.supporter} />
              ))}
            </Block>
            <Block title="Поддерживает школы" empty="Не поддерживает другие школы.">
              {network.data.supports.map((p) => (
                <Pair key={p.id} pair={p} other={p.school} />
              ))}
            </Block>
            <Block title="Кураторы" empty="Куратор не закреплён.">
              {network.data.curators.map((c) => (
                <li key={c.userId}>
                  <Text size="sm" fw={500}>
                    {c.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[
                      c.curatorOrganisation,
                      documentText(c.orderNumber, c.orderDate) && `приказ ${documentText(c.orderNumber, c.orderDate)}`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </li>
              ))}
            </Block>
            <Block title="Группы" empty="Не входит в мобильные группы и сети.">
              {network.data.groups.map((g) => (
                <li key={g.id}>
                  <Anchor component={Link} to="/network?tab=groups" size="sm" fw={500}>
                    {g.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {groupKindLabels[g.kind]}
                    {g.municipalityName ? ` · ${g.municipalityName}` : ''}
                  </Text>
                </li>
              ))}
            </Block>
          </SimpleGrid>
        </Paper>
      )}
    </section>
  );
}
