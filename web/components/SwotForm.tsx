// A school's SWOT analysis (seeds 001 and 003) as four lists — strengths, weaknesses, opportunities, threats —
// whose items are added, edited and removed in place.
import {
  ActionIcon,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { type KeyboardEvent, useState } from 'react';
import { swotQuadrants } from '../../domain/diagnosis/forms.ts';
import type { FormEditorProps } from './RiskFormPanel.tsx';

const quadrantColours: Record<string, string> = {
  strengths: 'teal',
  weaknesses: 'red',
  opportunities: 'blue',
  threats: 'orange',
};

const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function SwotForm({ content, onChange, readOnly, errors }: FormEditorProps) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="swot-form">
      {swotQuadrants.map((q) => (
        <Quadrant
          key={q.key}
          title={q.title}
          colour={quadrantColours[q.key] ?? 'gray'}
          items={listOf(content[q.key])}
          onChange={(items) => onChange({ ...content, [q.key]: items })}
          readOnly={readOnly}
          error={errors[q.key]}
        />
      ))}
    </SimpleGrid>
  );
}

function Quadrant({
  title,
  colour,
  items,
  onChange,
  readOnly,
  error,
}: {
  title: string;
  colour: string;
  items: string[];
  onChange: (items: string[]) => void;
  readOnly: boolean;
  error?: string | undefined;
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const text = draft.trim();
    if (!text) return;
    onChange([...items, text]);
    setDraft('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      style={{ borderTop: `4px solid var(--mantine-color-${colour}-6)` }}
      component="section"
      aria-label={title}
    >
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {readOnly ? (
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              Не указано.
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {items.map((item, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items are plain texts in their order.
                <List.Item key={i}>{item}</List.Item>
              ))}
            </List>
          )
        ) : (
          <>
            {items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items are plain texts in their order.
              <Group key={i} gap={4} wrap="nowrap" align="flex-start">
                <Textarea
                  aria-label={`${title}: пункт ${i + 1}`}
                  value={item}
                  onChange={(e) => onChange(items.map((x, j) => (j === i ? e.currentTarget.value : x)))}
                  autosize
                  minRows={1}
                  maxLength={2000}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={4}
                  onClick={() => onChange(items.filter((_, j) => j !== i))}
                  aria-label={`Удалить пункт ${i + 1}: ${title}`}
                >
                  <IconX size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group gap={4} wrap="nowrap">
              <TextInput
                aria-label={`${title}: новый пункт`}
                placeholder="Новый пункт"
                value={draft}
                onChange={(e) => setDraft(e.currentTarget.value)}
                onKeyDown={onKey}
                maxLength={2000}
                style={{ flex: 1 }}
              />
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={add}
                disabled={!draft.trim()}
                aria-label={`Добавить пункт: ${title}`}
              >
                Добавить
              </Button>
            </Group>
          </>
        )}
        {error && (
          <Text size="sm" c="red.8">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
