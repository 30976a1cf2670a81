// «Создать проекты дорожных карт»: a regional activity such as «муниципалитеты разрабатывают дорожные карты»
// creates draft roadmaps of the municipalities (or schools) it names, from the template, linked to it.
import { Anchor, Button, Group, List, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ProgrammeDetail } from '../../contract/programmes.ts';
import { type ActivityExecution, type CascadeResult, useCascade } from '../api/execution.ts';
import { formatNumber, plural } from '../lib/format.ts';
import { ExecutionError } from './ExecutionError.tsx';
import { MunicipalityPicker, SchoolPicker } from './ExecutionTargets.tsx';

const levelWords = {
  municipality: { whose: 'муниципальных', who: 'каждого муниципалитета целевых школ' },
  school: { whose: 'школьных', who: 'каждой целевой школы' },
} as const;

const projects = (n: number) => `${formatNumber(n)} ${plural(n, ['проект', 'проекта', 'проектов'])}`;

export function ExecutionCascade({
  programme,
  activity,
  onClose,
}: {
  programme: Pick<ProgrammeDetail, 'id' | 'regionId' | 'municipalityId' | 'schoolList'>;
  activity: ActivityExecution;
  onClose: () => void;
}) {
  const programmeId = programme.id;
  const level = activity.suggestedCascade ?? 'municipality';
  const cascade = useCascade();
  const [result, setResult] = useState<CascadeResult | null>(null);
  const [chosen, setChosen] = useState(!programme.schoolList);
  const [territoryIds, setTerritoryIds] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const create = () => {
    if (chosen && territoryIds.length === 0)
      return setProblem(level === 'school' ? 'Выберите хотя бы одну школу.' : 'Выберите хотя бы один муниципалитет.');
    setProblem(null);
    cascade.mutate(
      { activityId: activity.activityId, level, ...(chosen && { territoryIds }) },
      { onSuccess: setResult },
    );
  };
  return (
    <Modal opened onClose={onClose} title="Создать проекты дорожных карт" size="lg">
      <Stack gap="sm">
        <Text size="sm">
          Мероприятие {activity.number} «{activity.text.slice(0, 200)}» предполагает разработку{' '}
          {levelWords[level].whose} дорожных карт.
        </Text>
        {result ? (
          <Stack gap="xs" data-testid="cascade-result">
            <Text size="sm" fw={600}>
              Создано: {projects(result.created)}; уже были: {projects(result.existing)}.
            </Text>
            <Text size="sm">
              Проекты появились в списке программ со статусом «Проект»; их разработчики получат доступ в пределах своей
              территории. Ход согласования виден на вкладке{' '}
              <Anchor component={Link} to={`/programmes/${programmeId}?tab=approval`} onClick={onClose}>
                «Согласование»
              </Anchor>
              .
            </Text>
            {result.programmeIds.length > 0 && result.programmeIds.length <= 10 && (
              <List size="sm">
                {result.programmeIds.map((id, i) => (
                  <List.Item key={id}>
                    <Anchor component={Link} to={`/programmes/${id}`} onClick={onClose}>
                      Проект {i + 1}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            )}
            <Group justify="flex-end">
              <Button onClick={onClose}>Готово</Button>
            </Group>
          </Stack>
        ) : (
          <>
            <Text size="sm">
              Для каждого выбранного будет создан проект дорожной карты по типовому шаблону, связанный с этим
              мероприятием. Уже созданные проекты не дублируются.
            </Text>
            <Radio.Group
              label="Для кого"
              value={chosen ? 'chosen' : 'all'}
              onChange={(v) => {
                setChosen(v === 'chosen');
                cascade.reset();
              }}
            >
              <Stack gap={6} mt={6}>
                <Radio
                  value="all"
                  label={`Для ${levelWords[level].who}`}
                  description={
                    programme.schoolList
                      ? `По перечню № ${programme.schoolList.number}`
                      : 'Перечень целевых школ не выбран в карточке программы'
                  }
                  disabled={!programme.schoolList}
                />
                <Radio
                  value="chosen"
                  label={level === 'school' ? 'Для выбранных школ' : 'Для выбранных муниципалитетов'}
                />
              </Stack>
            </Radio.Group>
            {chosen &&
              (level === 'school' ? (
                <SchoolPicker
                  regionId={programme.regionId}
                  municipalityId={programme.municipalityId}
                  value={territoryIds}
                  onChange={setTerritoryIds}
                  known={[]}
                />
              ) : (
                <MunicipalityPicker regionId={programme.regionId} value={territoryIds} onChange={setTerritoryIds} />
              ))}
            {problem && (
              <Text size="sm" c="red.8" role="alert">
                {problem}
              </Text>
            )}
            <ExecutionError error={cascade.error} onReload={() => cascade.reset()} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose} data-autofocus>
                Отмена
              </Button>
              <Button loading={cascade.isPending} data-testid="cascade-confirm" onClick={create}>
                Создать проекты
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
