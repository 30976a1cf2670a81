// The diagnosis section of a school's card: its latest risk profile in one line and the way to the profile, its
// SWOT analysis, entry monitoring and anti-risk programme.
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconStethoscope } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useRiskHistory, useRiskProfile } from '../api/diagnosis.ts';
import { defaultCampaignId, isoToRu, levelCounts } from '../lib/diagnosis-format.ts';
import { plural } from '../lib/format.ts';
import { can, useCurrentUser } from '../lib/session.ts';
import { RiskLevelBadge } from './RiskProfileTable.tsx';

const factorsText = (n: number) => `${n} ${plural(n, ['фактор', 'фактора', 'факторов'])}`;

export function RiskProfileLink({ organisationId }: { organisationId: string }) {
  const me = useCurrentUser();
  if (!can(me, 'diagnosis.read')) return null;
  return <Section organisationId={organisationId} />;
}

function Section({ organisationId }: { organisationId: string }) {
  const history = useRiskHistory(organisationId);
  const profile = useRiskProfile(
    organisationId,
    history.data ? defaultCampaignId(history.data) : null,
    !history.isPending,
  );
  const p = profile.data;
  const counts = p ? levelCounts(Object.fromEntries(p.factors.map((f) => [f.factor, f.level]))) : null;
  const notYet = profile.error instanceof ApiError && profile.error.status === 404;
  return (
    <section aria-labelledby="organisation-diagnosis">
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <Group justify="space-between" gap="sm" align="center">
          <Stack gap={4}>
            <Title order={2} size="h4" id="organisation-diagnosis">
              Диагностика
            </Title>
            {p && counts ? (
              <Group gap="xs">
                <Text size="sm">
                  {p.campaign.title} (до {isoToRu(p.campaign.closesOn)}):
                </Text>
                {counts.high > 0 && <RiskLevelBadge level="high" />}
                {counts.high > 0 && <Text size="sm">{factorsText(counts.high)}</Text>}
                {counts.medium > 0 && <RiskLevelBadge level="medium" />}
                {counts.medium > 0 && <Text size="sm">{factorsText(counts.medium)}</Text>}
                {counts.high + counts.medium === 0 && (
                  <Text size="sm" c="dimmed">
                    высоких и средних рисков нет
                  </Text>
                )}
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {notYet
                  ? 'Школа ещё не участвовала в анкетировании.'
                  : profile.isPending
                    ? 'Рисковый профиль загружается…'
                    : 'Рисковый профиль не загрузился.'}
              </Text>
            )}
          </Stack>
          <Button
            component={Link}
            to={`/organisations/${organisationId}/risk-profile`}
            variant="light"
            leftSection={<IconStethoscope size={18} aria-hidden />}
          >
            Рисковый профиль, SWOT и антирисковая программа
          </Button>
        </Group>
      </Paper>
    </section>
  );
}
