// The big figures of a monitoring round (or of a dashboard, which counts the same way) with their parts:
// «Исполнено 11 из 30 (без учёта 2 отменённых) — 36,7 %», what was due by the date, the threshold and
// whether it is met (seed 004: 30.06 — не менее 30–40 %, 30.11 — не менее 80–90 %).
import { Group, SimpleGrid, Text } from '@mantine/core';
import { isoToRu } from '../lib/deadline-reading.ts';
import {
  dueText,
  executionText,
  type RoundFigures as Figures,
  percentColour,
  percentText,
  thresholdView,
  thresholdWords,
} from '../lib/execution-format.ts';
import { formatNumber } from '../lib/format.ts';
import { DashboardFigure } from './DashboardFigure.tsx';
import { ViewBadge } from './ExecutionBadges.tsx';

export function RoundFigures({ figures: f, dueSoon }: { figures: Figures; dueSoon?: number }) {
  const meets = thresholdView(f);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" data-testid="round-figures">
      <DashboardFigure
        label={`Исполнение на ${isoToRu(f.date)}`}
        value={percentText(f.executionPercent)}
        colour={`${percentColour(f.executionPercent, f.threshold)}.8`}
        detail={<span data-testid="round-execution-text">{executionText(f)}</span>}
        testId="round-execution-percent"
      />
      <DashboardFigure
        label="Из мероприятий, срок которых наступил"
        value={percentText(f.duePercent)}
        detail={<span data-testid="round-due-text">{dueText(f)}</span>}
        testId="round-due-percent"
      />
      <DashboardFigure
        label="Пороговое значение"
        value={f.threshold ? thresholdWords(f.threshold) : '—'}
        detail={
          meets ? (
            <Group gap={6} data-testid="round-threshold" data-meets={String(f.meetsThreshold)}>
              <ViewBadge view={meets} size="md" />
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Порог для этой даты не установлен
            </Text>
          )
        }
      />
      <DashboardFigure
        label="Просрочено мероприятий"
        value={formatNumber(f.overdue)}
        colour={f.overdue > 0 ? 'red.8' : undefined}
        detail={
          <>
            выполняется: {formatNumber(f.inProgress)}, запланировано: {formatNumber(f.planned)}
            {dueSoon !== undefined && `, скоро срок: ${formatNumber(dueSoon)}`}
          </>
        }
        testId="round-overdue"
      />
    </SimpleGrid>
  );
}
