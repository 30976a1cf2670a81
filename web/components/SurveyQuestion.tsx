// One question of the public questionnaire on its own card: single choice as radio buttons, multiple choice as
// checkboxes, a scale as a segmented control with its ends' words, a number, a text.
import {
  Badge,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useId } from 'react';
import type { SurveyQuestion as Question } from '../api/diagnosis.ts';
import { isAnswered, type StoredAnswer, scaleEnds, scaleQuestionText } from '../lib/diagnosis-format.ts';

interface SurveyQuestionProps {
  question: Question;
  number: number;
  total: number;
  value: StoredAnswer | undefined;
  /** A new answer, or undefined when it is emptied. */
  onChange: (value: StoredAnswer | undefined) => void;
  disabled: boolean;
  problem?: string | undefined;
}

export function SurveyQuestion({
  question: q,
  number,
  total,
  value,
  onChange,
  disabled,
  problem,
}: SurveyQuestionProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const text = q.type === 'scale' ? scaleQuestionText(q.text) : q.text;
  const answered = isAnswered(value);
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby={titleId}
      data-testid={`question-${q.key}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text size="xs" c="dimmed">
            Вопрос {number} из {total}
          </Text>
          {answered && (
            <Badge size="xs" variant="light" color="teal" style={{ textTransform: 'none' }}>
              есть ответ
            </Badge>
          )}
        </Group>
        <Text id={titleId} fw={600} size="md">
          {text}
        </Text>
        {q.type === 'multiple' && (
          <Text size="xs" c="dimmed" mt={-8}>
            Можно выбрать несколько вариантов.
          </Text>
        )}
        <Answer q={q} value={value} onChange={onChange} disabled={disabled} titleId={titleId} />
        {problem && (
          <Text size="sm" c="red.8" role="alert">
            {problem}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Answer({
  q,
  value,
  onChange,
  disabled,
  titleId,
}: {
  q: Question;
  value: StoredAnswer | undefined;
  onChange: (value: StoredAnswer | undefined) => void;
  disabled: boolean;
  titleId: string;
}) {
  switch (q.type) {
    case 'single':
      return (
        <Radio.Group
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
          aria-labelledby={titleId}
          readOnly={disabled}
        >
          <Stack gap="xs">
            {(q.options ?? []).map((o) => (
              <Radio key={o.key} value={o.key} label={o.text} disabled={disabled} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group
          value={Array.isArray(value) ? value : []}
          onChange={(v) => onChange(v)}
          aria-labelledby={titleId}
          readOnly={disabled}
        >
          <Stack gap="xs">
            {(q.options ?? []).map((o) => (
              <Checkbox key={o.key} value={o.key} label={o.text} disabled={disabled} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'scale': {
      const { min, max } = q.scale ?? { min: 1, max: 5 };
      const ends = scaleEnds(q.text, min, max);
      const steps = Array.from({ length: Math.max(0, max - min) + 1 }, (_, i) => min + i);
      return (
        <Stack gap={4}>
          <SegmentedControl<number>
            data={steps.map((s) => ({ value: s, label: String(s) }))}
            // No step is chosen until the respondent chooses one.
            value={typeof value === 'number' ? value : Number.NaN}
            onChange={(v) => onChange(v)}
            aria-labelledby={titleId}
            disabled={disabled}
            fullWidth
            size="md"
            color="blue"
          />
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed">
              {ends.min}
            </Text>
            <Text size="xs" c="dimmed" ta="right">
              {ends.max}
            </Text>
          </Group>
        </Stack>
      );
    }
    case 'number':
      return (
        <NumberInput
          aria-labelledby={titleId}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' && Number.isFinite(v) ? v : undefined)}
          min={0}
          allowNegative={false}
          decimalSeparator=","
          thousandSeparator=" "
          maxLength={12}
          disabled={disabled}
          placeholder="Число"
          w={{ base: '100%', xs: 220 }}
        />
      );
    case 'text':
      return (
        <Textarea
          aria-labelledby={titleId}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={5000}
          disabled={disabled}
          placeholder="Ваш ответ"
        />
      );
  }
}
