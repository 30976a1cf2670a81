// A school's anti-risk programme: the risks of its profile at high or medium level are offered; the school ticks
// the ones it will work on (two or more in «500+»), ticks measures from the region's library for each, and
// «Включить в дорожную карту» makes each risk a section of its roadmap with the measures as activities — then
// executed and monitored like any activity, on the programme's execution page and dashboard.
import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconChecklist, IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type FactorResult,
  type AntiRiskProgramme as Programme,
  type RiskMeasure,
  useAntiRisk,
  useRiskMeasures,
  useSaveAntiRisk,
} from '../api/diagnosis.ts';
import { valueText } from '../lib/diagnosis-format.ts';
import { plural } from '../lib/format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoader } from './Loading.tsx';
import { RiskLevelBadge } from './RiskProfileTable.tsx';

interface AntiRiskProps {
  organisationId: string;
  regionId: string;
  /** The profile's factors (of the campaign shown), or null when the school has no profile yet. */
  factors: FactorResult[] | null;
  campaignId: string | null;
  canChoose: boolean;
}

export function AntiRiskProgramme({ organisationId, regionId, factors, campaignId, canChoose }: AntiRiskProps) {
  const programme = useAntiRisk(organisationId);
  if (programme.isPending) return <PageLoader />;
  if (programme.isError) return <ErrorAlert error={programme.error} onRetry={() => programme.refetch()} />;
  const p = programme.data;
  const taken = new Set(p.risks.map((r) => r.factorKey));
  const offered = (factors ?? [])
    .filter((f) => (f.level === 'high' || f.level === 'medium') && !taken.has(f.factor))
    .sort((a, b) => (a.level === b.level ? (b.value ?? 0) - (a.value ?? 0) : a.level === 'high' ? -1 : 1));
  return (
    <Stack gap="xl">
      {p.programmeId ? (
        <ChosenRisks programme={p} />
      ) : (
        <Text size="sm" c="dimmed">
          Антирисковой программы у школы пока нет. Выберите риски, с которыми школа будет работать, и меры по каждому:
          они станут разделами и мероприятиями дорожной карты школы.
        </Text>
      )}
      {canChoose && factors === null && (
        <Alert color="gray" variant="light">
          Риски выбираются по рисковому профилю: он появится, когда руководитель и учителя отправят анкеты.
        </Alert>
      )}
      {canChoose && factors !== null && (
        <RiskChoice
          key={p.risks.length}
          organisationId={organisationId}
          regionId={regionId}
          offered={offered}
          chosenBefore={p.risks.length}
          campaignId={campaignId}
        />
      )}
    </Stack>
  );
}

function ChosenRisks({ programme: p }: { programme: Programme }) {
  const id = p.programmeId!;
  return (
    <section aria-labelledby="anti-risk-programme" data-testid="anti-risk-programme">
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id="anti-risk-programme">
            В дорожной карте школы
          </Title>
          <Anchor component={Link} to={`/programmes/${id}`} size="sm">
            {p.programmeTitle}
          </Anchor>
        </Stack>
        <Group gap="xs">
          <Button
            component={Link}
            to={`/programmes/${id}/execution`}
            variant="light"
            leftSection={<IconChecklist size={18} aria-hidden />}
          >
            Исполнение мероприятий
          </Button>
          <Button
            component={Link}
            to={`/programmes/${id}/dashboard`}
            variant="default"
            leftSection={<IconChartBar size={18} aria-hidden />}
          >
            Дашборд программы
          </Button>
        </Group>
      </Group>
      <Stack gap="md">
        {p.risks.map((r) => (
          <Paper withBorder radius="md" p="md" key={r.factorKey}>
            <Text fw={600} mb="xs">
              {r.factorTitle}
            </Text>
            {r.activities.length === 0 ? (
              <Text size="sm" c="dimmed">
                Мероприятий в разделе нет (раздел изменён в дорожной карте).
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={640} type="native">
                <Table withTableBorder fz="sm" verticalSpacing={6} aria-label={`Меры: ${r.factorTitle}`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={60}>№</Table.Th>
                      <Table.Th>Мероприятие</Table.Th>
                      <Table.Th w={240}>Показатель</Table.Th>
                      <Table.Th w={170}>Срок</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.activities.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>{a.number}</Table.Td>
                        <Table.Td>{a.text}</Table.Td>
                        <Table.Td>{a.indicator}</Table.Td>
                        <Table.Td>{a.deadlineText}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        ))}
      </Stack>
    </section>
  );
}

function RiskChoice({
  organisationId,
  regionId,
  offered,
  chosenBefore,
  campaignId,
}: {
  organisationId: string;
  regionId: string;
  offered: FactorResult[];
  chosenBefore: number;
  campaignId: string | null;
}) {
  const [risks, setRisks] = useState<string[]>([]);
  const [measures, setMeasures] = useState<Record<string, string[]>>({});
  const [tried, setTried] = useState(false);
  const save = useSaveAntiRisk(organisationId);
  const without = risks.filter((k) => (measures[k] ?? []).length === 0);
  const total = chosenBefore + risks.length;

  const include = () => {
    setTried(true);
    if (risks.length === 0 || without.length > 0) return;
    save.mutate(
      {
        ...(campaignId ? { campaignId } : {}),
        risks: risks.map((factorKey) => ({ factorKey, measureIds: measures[factorKey] ?? [] })),
      },
      {
        onSuccess: (p) => {
          const count = risks.reduce((n, k) => n + (measures[k]?.length ?? 0), 0);
          notifications.show({
            color: 'teal',
            message: `В дорожную карту «${p.programmeTitle}» включено ${count} ${plural(count, ['мероприятие', 'мероприятия', 'мероприятий'])}.`,
          });
          setRisks([]);
          setMeasures({});
          setTried(false);
        },
      },
    );
  };

  if (offered.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {chosenBefore > 0
          ? 'Все риски высокого и среднего уровня уже в антирисковой программе.'
          : 'В профиле школы нет рисков высокого или среднего уровня.'}
      </Text>
    );
  return (
    <section aria-labelledby="anti-risk-choice">
      <Title order={2} size="h4" id="anti-risk-choice" mb={4}>
        {chosenBefore > 0 ? 'Добавить риски в программу' : 'Выбор рисков и мер'}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Отметьте риски, с которыми школа будет работать (в проекте «500+» — не менее двух), и меры из библиотеки региона
        по каждому.
      </Text>
      <Stack gap="sm">
        {offered.map((f) => {
          const checked = risks.includes(f.factor);
          return (
            <Paper
              withBorder
              radius="md"
              p="md"
              key={f.factor}
              data-testid={`risk-option-${f.factor}`}
              style={checked ? { borderColor: 'var(--mantine-color-blue-5)' } : undefined}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                <Checkbox
                  checked={checked}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setRisks((r) => (on ? [...r, f.factor] : r.filter((x) => x !== f.factor)));
                  }}
                  label={<Text fw={600}>{f.title}</Text>}
                />
                <Group gap="xs" wrap="nowrap">
                  <RiskLevelBadge level={f.level} />
                  <Text size="sm" c="dimmed">
                    {valueText(f.value)}
                  </Text>
                </Group>
              </Group>
              {checked && (
                <MeasurePicker
                  regionId={regionId}
                  factor={f}
                  value={measures[f.factor] ?? []}
                  onChange={(ids) => setMeasures((m) => ({ ...m, [f.factor]: ids }))}
                  error={tried && without.includes(f.factor) ? 'Выберите хотя бы одну меру.' : undefined}
                />
              )}
            </Paper>
          );
        })}
        {tried && risks.length === 0 && (
          <Text size="sm" c="red.8">
            Отметьте риски, с которыми школа будет работать.
          </Text>
        )}
        {risks.length > 0 && total < 2 && (
          <Text size="sm" c="orange.9">
            Выбран один риск; в проекте «500+» школа работает не менее чем с двумя.
          </Text>
        )}
        <ErrorAlert error={save.error} />
        <Group>
          <Button
            leftSection={<IconRoute size={18} aria-hidden />}
            onClick={include}
            loading={save.isPending}
            data-testid="anti-risk-include"
          >
            Включить в дорожную карту
          </Button>
          {risks.length > 0 && (
            <Text size="sm" c="dimmed">
              Рисков: {risks.length}, мер: {risks.reduce((n, k) => n + (measures[k]?.length ?? 0), 0)}
            </Text>
          )}
        </Group>
      </Stack>
    </section>
  );
}

function MeasurePicker({
  regionId,
  factor,
  value,
  onChange,
  error,
}: {
  regionId: string;
  factor: FactorResult;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const list = useRiskMeasures(regionId, factor.factor);
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  if (list.data.length === 0)
    return (
      <Text size="sm" c="dimmed" mt="sm">
        В библиотеке региона нет мер по этому фактору.
      </Text>
    );
  return (
    <Checkbox.Group value={value} onChange={onChange} label="Меры" error={error} mt="sm" ml={{ base: 0, sm: 32 }}>
      <Stack gap="xs" mt={6}>
        {list.data.map((m) => (
          <Checkbox key={m.id} value={m.id} label={<MeasureLabel measure={m} />} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function MeasureLabel({ measure: m }: { measure: RiskMeasure }) {
  return (
    <Stack gap={0}>
      <Text size="sm">
        {m.text}
        {m.version === null && (
          <Badge size="xs" variant="outline" color="gray" ml={6} style={{ textTransform: 'none' }}>
            типовая
          </Badge>
        )}
      </Text>
      <Text size="xs" c="dimmed">
        {[m.indicator && `Показатель: ${m.indicator}`, m.deadlineText && `Срок: ${m.deadlineText}`, m.responsible]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}
