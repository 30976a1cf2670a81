// Filling progress of a campaign: by municipality (schools, schools with answers, questionnaires submitted) and
// by school, per respondent group, with each school's code and the link its respondents open.
import { ActionIcon, Anchor, Code, CopyButton, Group, Progress, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Campaign, CampaignSchool } from '../api/diagnosis.ts';
import { groupColumns, respondentGroups } from '../lib/diagnosis-format.ts';
import { formatNumber } from '../lib/format.ts';
import { type Column, DataTable } from './DataTable.tsx';
import { SearchInput } from './SearchInput.tsx';

type MunicipalityRow = Campaign['municipalities'][number];

export const surveyUrl = (code: string) => `${window.location.origin}/survey/${encodeURIComponent(code)}`;

export function CampaignProgress({ campaign: c }: { campaign: Campaign }) {
  const [q, setQ] = useState<string | undefined>();
  const withCodes = c.schools.some((s) => s.accessCode);
  const words = (q ?? '').toLowerCase().trim();
  const schools = words
    ? c.schools.filter((s) => `${s.name} ${s.municipalityName} ${s.accessCode}`.toLowerCase().includes(words))
    : c.schools;

  const municipalityColumns: Column<MunicipalityRow>[] = [
    { key: 'name', header: 'Муниципалитет', render: (m) => m.name || 'Региональное подчинение' },
    { key: 'schools', header: 'Школ', render: (m) => formatNumber(m.schools), width: 90 },
    {
      key: 'with',
      header: 'Школ с отправленными анкетами',
      render: (m) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" w={70}>
            {formatNumber(m.withAnswers)} из {formatNumber(m.schools)}
          </Text>
          <Progress
            value={m.schools ? (100 * m.withAnswers) / m.schools : 0}
            w={120}
            aria-label={`${m.name}: школ с анкетами ${m.withAnswers} из ${m.schools}`}
          />
        </Group>
      ),
      width: 260,
    },
    { key: 'submitted', header: 'Анкет отправлено', render: (m) => formatNumber(m.submitted), width: 150 },
  ];

  const schoolColumns: Column<CampaignSchool>[] = [
    {
      key: 'school',
      header: 'Школа',
      render: (s) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/organisations/${s.organisationId}/risk-profile?campaignId=${c.id}`} size="sm">
            {s.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {s.municipalityName || 'Региональное подчинение'}
          </Text>
        </Stack>
      ),
    },
    ...respondentGroups.map(
      (g): Column<CampaignSchool> => ({
        key: g,
        header: groupColumns[g],
        render: (s) => <GroupCell started={s.groups[g]?.started ?? 0} submitted={s.groups[g]?.submitted ?? 0} />,
        width: 110,
      }),
    ),
    ...(withCodes
      ? [
          {
            key: 'code',
            header: 'Код и ссылка для респондентов',
            render: (s: CampaignSchool) => <SchoolCode code={s.accessCode} />,
            width: 250,
          },
        ]
      : []),
  ];

  return (
    <Stack gap="xl">
      <section aria-labelledby="progress-municipalities">
        <Title order={2} size="h4" mb="sm" id="progress-municipalities">
          По муниципалитетам
        </Title>
        <DataTable
          label="Ход заполнения по муниципалитетам"
          columns={municipalityColumns}
          rows={c.municipalities}
          rowKey={(m) => m.id ?? 'region'}
          minWidth={640}
          empty="В кампании нет школ вашей территории."
        />
      </section>
      <section aria-labelledby="progress-schools">
        <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
          <Stack gap={2}>
            <Title order={2} size="h4" id="progress-schools">
              По школам
            </Title>
            <Text size="sm" c="dimmed">
              В графах групп — отправленные анкеты; «+N» — начатые, но ещё не отправленные.
              {withCodes &&
                ' Респонденты открывают анкету по ссылке или на странице /survey, введя код школы; входить в систему не нужно.'}
            </Text>
          </Stack>
          {c.schools.length > 10 && (
            <SearchInput label="Поиск" placeholder="Школа, муниципалитет или код" value={q} onChange={setQ} />
          )}
        </Group>
        <DataTable
          label="Ход заполнения по школам"
          testId="campaign-schools"
          columns={schoolColumns}
          rows={schools}
          rowKey={(s) => s.organisationId}
          minWidth={960}
          empty={words ? 'Школ по условию поиска нет.' : 'В кампании нет школ вашей территории.'}
        />
      </section>
    </Stack>
  );
}

function GroupCell({ started, submitted }: { started: number; submitted: number }) {
  const inProgress = started - submitted;
  return (
    <Text size="sm" title={`Отправлено: ${submitted}; начато и не отправлено: ${inProgress}`}>
      <Text span fw={submitted > 0 ? 600 : 400} c={submitted > 0 ? undefined : 'dimmed'} inherit>
        {formatNumber(submitted)}
      </Text>
      {inProgress > 0 && (
        <Text span c="orange.9" size="xs">
          {' '}
          +{formatNumber(inProgress)}
        </Text>
      )}
    </Text>
  );
}

function SchoolCode({ code }: { code: string }) {
  const url = surveyUrl(code);
  return (
    <Group gap={6} wrap="nowrap">
      <Code fz="sm" data-testid="school-access-code">
        {code}
      </Code>
      <CopyButton value={url} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Ссылка скопирована' : 'Скопировать ссылку на анкету'} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label={copied ? 'Ссылка скопирована' : `Скопировать ссылку на анкету: ${url}`}
            >
              {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
      <Tooltip label="Открыть анкету" withArrow>
        <ActionIcon
          component="a"
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          variant="subtle"
          color="gray"
          aria-label="Открыть анкету в новой вкладке"
        >
          <IconExternalLink size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
