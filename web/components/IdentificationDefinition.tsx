// A methodology's definition in plain Russian: which procedures count, what a low result is, the red zone,
// objectivity, and the rules that put a school on the list, in the order they are tried.
import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { conditionText, type Definition, proceduresSummary, thresholdWords } from '../lib/identification-format.ts';

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function IdentificationDefinition({ definition: d }: { definition: Definition }) {
  const procedures = proceduresSummary(d.procedures);
  return (
    <Stack gap="md" data-testid="methodology-definition">
      <Block title="Правила включения в перечень">
        <Text size="sm" c="dimmed" mb="xs">
          Правила применяются по порядку: школа получает категорию первого правила, все условия которого выполнены.
        </Text>
        <List type="ordered" spacing="sm" size="sm">
          {d.rules.map((rule, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rules are an ordered list without identity.
            <List.Item key={i}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge variant="light" tt="none" style={{ flexShrink: 0 }}>
                  Категория {rule.category}
                </Badge>
                <Text size="sm" fw={500}>
                  {rule.label}
                </Text>
              </Group>
              <List size="sm" spacing={2} mt={4} withPadding listStyleType="disc">
                {rule.conditions.map((c, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: conditions are an ordered list without identity.
                  <List.Item key={j}>
                    {conditionText(c)}
                    {j < rule.conditions.length - 1 ? ';' : '.'}
                  </List.Item>
                ))}
              </List>
              {rule.conditions.length > 1 && (
                <Text size="xs" c="dimmed" mt={2}>
                  Должны выполняться все условия.
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      </Block>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Block title="Оценочные процедуры">
          {procedures.length === 0 ? (
            <Text size="sm" c="dimmed">
              Не выбраны.
            </Text>
          ) : (
            <List size="sm" spacing={2}>
              {procedures.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          )}
        </Block>
        <Block title="Низкий результат процедуры">
          <List size="sm" spacing={2}>
            <List.Item>ВПР: отметку «2» получили {thresholdWords(d.lowResult.vpr)} участников;</List.Item>
            <List.Item>
              ОГЭ и ЕГЭ: не преодолели минимальный порог {thresholdWords(d.lowResult.gia)} участников.
            </List.Item>
          </List>
        </Block>
        <Block title="Красная зона ВПР">
          <Text size="sm">
            Доля «2» — {thresholdWords(d.redZone.share2)}, доля «5» — {thresholdWords(d.redZone.share5)}{' '}
            {d.redZone.scope === 'all-vpr' ? 'хотя бы по одной ВПР школы' : 'хотя бы по одной ВПР из процедур методики'}
            .
          </Text>
        </Block>
        <Block title="Необъективность отметок">
          <Text size="sm">
            Отметки ВПР расходятся с отметками журнала (понизили или повысили) у {thresholdWords(d.objectivity.gap)}{' '}
            участников ВПР школы.
          </Text>
        </Block>
      </SimpleGrid>
    </Stack>
  );
}
