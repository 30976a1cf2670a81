// The questionnaire of one respondent group, saved as the respondent goes: every change is kept in this browser at
// once and sent to the server ~800 ms after the last one, by a random key the browser keeps for the school's code
// and the group; a dropped connection is retried until it is back. After a reload the key and the answers are
// read back, so nothing is lost. «Отправить анкету» submits, and the questionnaire is then locked.
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCloudOff, IconSend } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { type Survey, saveSurveyAnswers } from '../api/diagnosis.ts';
import {
  browserStorage,
  forgetStoredSurvey,
  groupTitles,
  isAnswered,
  newRespondentKey,
  type RespondentGroup,
  readStoredSurvey,
  type StoredAnswer,
  type StoredSurvey,
  timeText,
  writeStoredSurvey,
} from '../lib/diagnosis-format.ts';
import { plural } from '../lib/format.ts';
import { SurveyQuestion } from './SurveyQuestion.tsx';

const debounceMs = 800;
const firstRetryMs = 2000;
const lastRetryMs = 30_000;

type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'offline' }
  | { kind: 'failed'; message: string };

interface SurveyFormProps {
  code: string;
  survey: Survey;
  group: RespondentGroup;
  /** Back to the choice of group. */
  onChangeGroup: () => void;
}

/** Network failures, server errors and throttling pass; anything else the server refused will not. */
const transient = (e: unknown) => !(e instanceof ApiError) || e.status === 0 || e.status === 429 || e.status >= 500;

function initialStored(code: string, group: RespondentGroup): StoredSurvey {
  return (
    readStoredSurvey(browserStorage(), code, group) ?? {
      key: newRespondentKey(),
      answers: {},
      submitted: false,
      savedAt: null,
    }
  );
}

export function SurveyForm({ code, survey, group, onChangeGroup }: SurveyFormProps) {
  const questions = survey.groups.find((g) => g.group === group)?.questions ?? [];
  const anonymous = survey.groups.find((g) => g.group === group)?.anonymous ?? false;
  const stored = useRef<StoredSurvey>(initialStored(code, group));
  const [answers, setAnswers] = useState<Record<string, StoredAnswer>>(stored.current.answers);
  const [submitted, setSubmitted] = useState(stored.current.submitted);
  const [state, setState] = useState<SaveState>(
    stored.current.savedAt ? { kind: 'saved', at: stored.current.savedAt } : { kind: 'idle' },
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const changes = useRef(0);
  const savedChanges = useRef(0);
  const retryDelay = useRef(firstRetryMs);
  const alive = useRef(true);

  const discarded = useRef(false);

  const persist = useCallback(() => {
    if (!discarded.current) writeStoredSurvey(browserStorage(), code, group, stored.current);
  }, [code, group]);

  const clearTimer = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const save = useCallback(async (): Promise<void> => {
    clearTimer();
    if (inFlight.current) {
      await inFlight.current;
      if (changes.current > savedChanges.current) return save();
      return;
    }
    const upTo = changes.current;
    const current = stored.current;
    if (current.submitted || discarded.current) return;
    if (alive.current) setState({ kind: 'saving' });
    inFlight.current = (async () => {
      try {
        const result = await saveSurveyAnswers(code, {
          respondentKey: current.key,
          group,
          answers: current.answers,
        });
        savedChanges.current = Math.max(savedChanges.current, upTo);
        retryDelay.current = firstRetryMs;
        stored.current = { ...stored.current, savedAt: result.savedAt };
        persist();
        if (!alive.current) return;
        setProblems(Object.fromEntries(result.problems.map((p) => [p.question, p.message])));
        if (changes.current > upTo) {
          setState({ kind: 'pending' });
          timer.current = setTimeout(() => void save(), debounceMs);
        } else setState({ kind: 'saved', at: result.savedAt });
      } catch (error) {
        if (!alive.current) return;
        if (transient(error)) {
          setState({ kind: 'offline' });
          timer.current = setTimeout(() => void save(), retryDelay.current);
          retryDelay.current = Math.min(retryDelay.current * 2, lastRetryMs);
        } else setState({ kind: 'failed', message: errorMessage(error) });
      }
    })();
    try {
      await inFlight.current;
    } finally {
      inFlight.current = null;
    }
  }, [clearTimer, code, group, persist]);

  // Answers kept from before a reload are sent again (the server merges them); a connection that comes back
  // is used at once; leaving the page sends what is not saved yet.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per questionnaire.
  useEffect(() => {
    alive.current = true;
    if (!stored.current.submitted && Object.keys(stored.current.answers).length > 0) {
      changes.current = 1;
      void save();
    }
    const online = () => {
      if (changes.current > savedChanges.current) void save();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      alive.current = false;
      if (timer.current && changes.current > savedChanges.current && !discarded.current) void save();
      clearTimer();
    };
  }, [code, group]);

  const change = (key: string, value: StoredAnswer | undefined) => {
    const next = { ...stored.current.answers };
    if (value === undefined) delete next[key];
    else next[key] = value;
    stored.current = { ...stored.current, answers: next };
    persist();
    setAnswers(next);
    setProblems(({ [key]: _, ...rest }) => rest);
    changes.current++;
    if (state.kind !== 'offline' && state.kind !== 'failed') setState({ kind: 'pending' });
    clearTimer();
    timer.current = setTimeout(() => void save(), debounceMs);
  };

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    clearTimer();
    if (inFlight.current) await inFlight.current.catch(() => undefined);
    try {
      const result = await saveSurveyAnswers(code, {
        respondentKey: stored.current.key,
        group,
        answers: stored.current.answers,
        submit: true,
      });
      stored.current = { ...stored.current, submitted: true, savedAt: result.savedAt };
      savedChanges.current = changes.current;
      persist();
      setConfirming(false);
      setSubmitted(true);
      window.scrollTo({ top: 0 });
    } catch (error) {
      setSubmitError(error);
    } finally {
      setSubmitting(false);
    }
  };

  /** A new questionnaire in this browser: a new key, no answers (the previous one stays on the server). */
  const startAgain = () => {
    discarded.current = true;
    clearTimer();
    forgetStoredSurvey(browserStorage(), code, group);
    onChangeGroup();
  };

  const answered = questions.filter((q) => isAnswered(answers[q.key])).length;

  if (submitted)
    return (
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} data-testid="survey-thanks">
        <Stack gap="sm" align="flex-start">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconCheck
              size={28}
              color="var(--mantine-color-teal-7)"
              aria-hidden
              style={{ flexShrink: 0, marginTop: 2 }}
            />
            <Title order={2} size="h3">
              Спасибо! Анкета отправлена
            </Title>
          </Group>
          <Text>
            Ответы учтены в рисковом профиле школы{anonymous ? ' без указания, кто их дал' : ''}. Изменить их уже
            нельзя.
          </Text>
          <Text size="sm" c="dimmed">
            Если на этом компьютере анкету будет заполнять другой человек, начните новую анкету.
          </Text>
          <Button variant="default" onClick={startAgain}>
            Заполнить ещё одну анкету
          </Button>
        </Stack>
      </Paper>
    );

  const failedAlready = state.kind === 'failed';
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs" align="flex-end">
        <Stack gap={4}>
          <Title order={2} size="h3">
            Анкета: {groupTitles[group].toLowerCase()}
          </Title>
          <Group gap="xs">
            {anonymous && (
              <Badge variant="light" color="blue" style={{ textTransform: 'none' }}>
                анкета анонимная
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              {questions.length} {plural(questions.length, ['вопрос', 'вопроса', 'вопросов'])}; ответы сохраняются
              автоматически
            </Text>
          </Group>
        </Stack>
        <Button variant="subtle" size="compact-sm" onClick={onChangeGroup}>
          Выбрать другую группу
        </Button>
      </Group>
      {anonymous && (
        <Text size="sm">Имя и контакты не спрашиваются; ответы учитываются только в сводных показателях школы.</Text>
      )}
      {failedAlready && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Ответы не сохраняются">
          <Text size="sm">{state.message}</Text>
          <Button size="xs" variant="default" mt="sm" onClick={startAgain}>
            Начать анкету заново
          </Button>
        </Alert>
      )}
      {questions.map((q, i) => (
        <SurveyQuestion
          key={q.key}
          question={q}
          number={i + 1}
          total={questions.length}
          value={answers[q.key]}
          onChange={(v) => change(q.key, v)}
          disabled={!survey.open || failedAlready}
          problem={problems[q.key]}
        />
      ))}
      <Paper
        withBorder
        radius="md"
        p="sm"
        shadow="sm"
        style={{ position: 'sticky', bottom: 8, zIndex: 2 }}
        data-testid="survey-footer"
      >
        <Group justify="space-between" gap="sm">
          <Stack gap={0}>
            <SaveStatus state={state} />
            <Text size="xs" c="dimmed">
              Отвечено {answered} из {questions.length}
            </Text>
          </Stack>
          <Button
            leftSection={<IconSend size={18} aria-hidden />}
            onClick={() => {
              setSubmitError(null);
              setConfirming(true);
            }}
            disabled={answered === 0 || failedAlready || !survey.open}
          >
            Отправить анкету
          </Button>
        </Group>
      </Paper>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Отправить анкету?">
        <Stack gap="sm">
          <Text size="sm">
            {answered < questions.length
              ? `Вы ответили на ${answered} из ${questions.length} ${plural(questions.length, ['вопроса', 'вопросов', 'вопросов'])}. `
              : 'Вы ответили на все вопросы. '}
            После отправки изменить ответы будет нельзя.
          </Text>
          {submitError ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
              {transient(submitError)
                ? 'Нет связи — анкета не отправлена. Ответы сохранены в этом браузере; повторите отправку, когда связь восстановится.'
                : errorMessage(submitError)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Вернуться к анкете
            </Button>
            <Button onClick={() => void submit()} loading={submitting} data-testid="survey-submit-confirm">
              Отправить
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const body = (() => {
    switch (state.kind) {
      case 'idle':
        return <Text size="sm">Ответы сохраняются по мере заполнения.</Text>;
      case 'pending':
      case 'saving':
        return <Text size="sm">Сохранение…</Text>;
      case 'saved':
        return (
          <Text size="sm" c="teal.8">
            Сохранено в {timeText(state.at)}
          </Text>
        );
      case 'offline':
        return (
          <Group gap={6} wrap="nowrap">
            <IconCloudOff size={16} color="var(--mantine-color-orange-8)" aria-hidden />
            <Text size="sm" c="orange.9">
              Нет связи — ответы сохранятся, когда связь восстановится
            </Text>
          </Group>
        );
      case 'failed':
        return (
          <Text size="sm" c="red.8">
            Ответы не сохранены
          </Text>
        );
    }
  })();
  return (
    <div aria-live="polite" data-testid="survey-save-status">
      {body}
    </div>
  );
}
