// «Анкетирование»: the public questionnaire a school's director, teachers, students and parents fill by the
// school's code, without an account — /survey asks for the code, /survey/:code shows the campaign, the choice of
// respondent group (anonymous groups marked) and then that group's questions, saved as the respondent goes.
// Outside the signed-in layout: it never asks who the user is.
import {
  Anchor,
  Badge,
  Box,
  Button,
  Container,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconAlertTriangle, IconClipboardList } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client.ts';
import { type Survey, usePublicSurvey } from '../api/diagnosis.ts';
import { PageLoader } from '../components/Loading.tsx';
import { SurveyForm } from '../components/SurveyForm.tsx';
import {
  browserStorage,
  closedSurveyText,
  groupTitles,
  isAnswered,
  isoToRu,
  type RespondentGroup,
  readStoredSurvey,
  respondentGroups,
  todayIso,
} from '../lib/diagnosis-format.ts';
import { plural } from '../lib/format.ts';

export default function SurveyPage() {
  const { code: raw = '' } = useParams();
  const code = raw.trim().toUpperCase();
  return (
    <Box mih="100dvh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size={760} py="sm">
          <Group gap="xs" wrap="nowrap">
            <Text fw={750} fz={20} c="blue.9">
              Опора
            </Text>
            <Text c="dimmed" size="sm">
              · анкетирование школ
            </Text>
          </Group>
        </Container>
      </Box>
      <Container size={760} py={{ base: 'md', sm: 'xl' }} component="main" id="main">
        {code ? <SurveyByCode code={code} /> : <CodeForm />}
      </Container>
    </Box>
  );
}

function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} — Опора`;
  }, [title]);
}

function CodeForm({ wrongCode }: { wrongCode?: string }) {
  useTitle('Анкетирование');
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const open = (e: FormEvent) => {
    e.preventDefault();
    const c = value.replace(/\s+/g, '').toUpperCase();
    if (!/^[A-Z0-9]{4,40}$/.test(c)) {
      setError('Введите код из приглашения: латинские буквы и цифры.');
      return;
    }
    navigate(`/survey/${encodeURIComponent(c)}`);
  };
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
      <form onSubmit={open} noValidate>
        <Stack gap="md">
          <Group gap="xs">
            <IconClipboardList size={28} color="var(--mantine-color-blue-8)" aria-hidden />
            <Title order={1} size="h2">
              {wrongCode ? 'Анкета не найдена' : 'Анкетирование школы'}
            </Title>
          </Group>
          <Text>
            {wrongCode
              ? `По коду ${wrongCode} анкеты нет. Проверьте код в приглашении и введите его ещё раз.`
              : 'Введите код школы из приглашения, чтобы открыть анкету. Входить в систему не нужно.'}
          </Text>
          <TextInput
            label="Код школы"
            placeholder="Например, ABCD2345EF"
            value={value}
            onChange={(e) => {
              setValue(e.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            autoComplete="off"
            autoCapitalize="characters"
            maw={320}
            required
          />
          <Group>
            <Button type="submit">Открыть анкету</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function SurveyByCode({ code }: { code: string }) {
  const survey = usePublicSurvey(code);
  const [params, setParams] = useSearchParams();
  const requested = params.get('group');
  const group = respondentGroups.find((g) => g === requested) ?? null;
  const choose = (g: RespondentGroup | null) => setParams(g ? { group: g } : {}, { replace: false });

  if (survey.isPending) return <PageLoader />;
  if (survey.isError) {
    const error = survey.error;
    if (error instanceof ApiError && error.status === 404) return <CodeForm wrongCode={code} />;
    return (
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm" align="flex-start">
          <Group gap="xs">
            <IconAlertTriangle color="var(--mantine-color-red-7)" aria-hidden />
            <Title order={1} size="h3">
              Анкета не открылась
            </Title>
          </Group>
          <Text>
            {error instanceof ApiError && error.status === 0
              ? 'Нет связи с сервером. Проверьте подключение к сети.'
              : errorMessage(error)}
          </Text>
          <Button variant="default" onClick={() => survey.refetch()}>
            Повторить
          </Button>
        </Stack>
      </Paper>
    );
  }
  const s = survey.data;
  return (
    <Stack gap="lg">
      <SurveyHeading survey={s} />
      {!s.open && (
        <Paper withBorder radius="md" p="lg" bg="yellow.0" role="status" data-testid="survey-closed">
          <Text fw={600}>{closedSurveyText(s.opensOn, s.closesOn, todayIso())}</Text>
          <Text size="sm" c="dimmed" mt={4}>
            Ответы сейчас не принимаются. Если анкету нужно заполнить, обратитесь к руководителю школы.
          </Text>
        </Paper>
      )}
      {s.open &&
        (group ? (
          <SurveyForm
            key={`${code}:${group}`}
            code={code}
            survey={s}
            group={group}
            onChangeGroup={() => choose(null)}
          />
        ) : (
          <GroupChoice code={code} survey={s} onChoose={choose} />
        ))}
    </Stack>
  );
}

function SurveyHeading({ survey }: { survey: Survey }) {
  useTitle(`Анкета: ${survey.schoolName}`);
  return (
    <Stack gap={4}>
      <Title order={1} size="h2">
        {survey.campaignTitle}
      </Title>
      <Text fw={500}>{survey.schoolName}</Text>
      <Text size="sm" c="dimmed">
        Сроки анкетирования: с {isoToRu(survey.opensOn)} по {isoToRu(survey.closesOn)}
      </Text>
    </Stack>
  );
}

function GroupChoice({
  code,
  survey,
  onChoose,
}: {
  code: string;
  survey: Survey;
  onChoose: (g: RespondentGroup) => void;
}) {
  const storage = browserStorage();
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Кто заполняет анкету?
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {survey.groups
          .filter((g) => g.questions.length > 0)
          .map((g) => {
            const kept = readStoredSurvey(storage, code, g.group);
            const started = kept && !kept.submitted && Object.values(kept.answers).some(isAnswered);
            return (
              <UnstyledButton
                key={g.group}
                onClick={() => onChoose(g.group)}
                data-testid={`survey-group-${g.group}`}
                style={{ display: 'block' }}
              >
                <Paper withBorder radius="md" p="md" h="100%" className="survey-group-card">
                  <Stack gap={6}>
                    <Text fw={600} size="lg">
                      {groupTitles[g.group]}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {g.questions.length} {plural(g.questions.length, ['вопрос', 'вопроса', 'вопросов'])}
                    </Text>
                    <Group gap={6}>
                      {g.anonymous && (
                        <Badge variant="light" color="blue" style={{ textTransform: 'none' }}>
                          анкета анонимная
                        </Badge>
                      )}
                      {started && (
                        <Badge variant="light" color="orange" style={{ textTransform: 'none' }}>
                          начата в этом браузере
                        </Badge>
                      )}
                      {kept?.submitted && (
                        <Badge variant="light" color="teal" style={{ textTransform: 'none' }}>
                          отправлена
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                </Paper>
              </UnstyledButton>
            );
          })}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Ответы сохраняются в этом браузере и на сервере по мере заполнения: анкету можно закрыть и продолжить позже.{' '}
        <Anchor component={Link} to="/survey" size="xs">
          Другой код школы
        </Anchor>
      </Text>
    </Stack>
  );
}
