import { Alert, Anchor, Box, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { passwordField } from '../../contract/fields.ts';
import { useSetPasswordByToken } from '../api/queries.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useTextFields } from '../lib/form.ts';

interface SetPasswordPageProps {
  /** invite: /welcome?token= from an invitation; reset: /reset?token= from a password reset. */
  mode: 'invite' | 'reset';
}

const texts = {
  invite: {
    title: 'Добро пожаловать в «Опору»',
    lead: 'Вас пригласили в систему. Придумайте пароль — с ним вы будете входить дальше.',
    button: 'Сохранить пароль и войти',
  },
  reset: {
    title: 'Новый пароль',
    lead: 'Придумайте новый пароль для входа в систему.',
    button: 'Сменить пароль и войти',
  },
} as const;

export default function SetPasswordPage({ mode }: SetPasswordPageProps) {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const submitPassword = useSetPasswordByToken(mode);
  const { values, setErrors, field } = useTextFields({ next: '', repeat: '' });
  const t = texts[mode];

  useEffect(() => {
    document.title = `${t.title} — Опора`;
  }, [t.title]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = passwordField.safeParse(values.next);
    const found = {
      next: checked.success ? undefined : checked.error.issues[0]?.message,
      repeat: values.repeat === values.next ? undefined : 'Пароли не совпадают.',
    };
    setErrors(found);
    if (found.next || found.repeat) return;
    submitPassword.mutate({ token, newPassword: values.next }, { onSuccess: () => navigate('/', { replace: true }) });
  };

  return (
    <Center mih="100dvh" p="md" bg="gray.1">
      <Paper component="main" withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md" w="100%" maw={460}>
        <Stack gap="lg">
          <Box>
            <Text fw={750} fz={22} c="blue.9">
              Опора
            </Text>
            <Title order={1} size="h3" mt={4}>
              {t.title}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t.lead}
            </Text>
          </Box>
          {token.length < 10 ? (
            <Alert color="orange" variant="light" title="Ссылка неполная">
              В адресе нет кода приглашения. Откройте ссылку из письма целиком или попросите администратора выдать
              новую.{' '}
              <Anchor component={Link} to="/login">
                Перейти ко входу
              </Anchor>
            </Alert>
          ) : (
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <PasswordInput
                  label="Новый пароль"
                  description="Не менее 10 символов."
                  autoComplete="new-password"
                  required
                  {...field('next')}
                  autoFocus
                />
                <PasswordInput label="Повторите пароль" autoComplete="new-password" required {...field('repeat')} />
                <ErrorAlert error={submitPassword.error} />
                <Button type="submit" fullWidth loading={submitPassword.isPending}>
                  {t.button}
                </Button>
                <Text size="sm">
                  <Anchor component={Link} to="/login">
                    Вход по логину и паролю
                  </Anchor>
                </Text>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
