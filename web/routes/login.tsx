import { Alert, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, useEffect } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useLogin, useMe } from '../api/queries.ts';
import { PageLoader } from '../components/Loading.tsx';
import { useTextFields } from '../lib/form.ts';
import { safeNext } from '../lib/return-path.ts';

export function LoginPage() {
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { values, setErrors, field } = useTextFields({ login: '', password: '' });

  useEffect(() => {
    document.title = 'Вход — Опора';
  }, []);

  if (me.isPending) return <PageLoader fullHeight />;
  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      login: values.login.trim() ? undefined : 'Введите логин.',
      password: values.password ? undefined : 'Введите пароль.',
    };
    setErrors(found);
    if (found.login || found.password) return;
    login.mutate(
      { login: values.login.trim(), password: values.password },
      { onSuccess: () => navigate(next, { replace: true }) },
    );
  };

  return (
    <Center mih="100dvh" p="md" bg="gray.1">
      <Paper component="main" withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md" w="100%" maw={420}>
        <Stack gap="lg">
          <Box>
            <Title order={1} c="blue.9">
              Опора
            </Title>
            <Text size="sm" c="dimmed">
              Адресная поддержка школ с низкими образовательными результатами
            </Text>
          </Box>
          <form onSubmit={submit} noValidate aria-labelledby="login-title">
            <Stack gap="md">
              <Title order={2} size="h4" id="login-title">
                Вход в систему
              </Title>
              <TextInput
                label="Логин"
                name="login"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                {...field('login')}
                data-autofocus
                autoFocus
              />
              <PasswordInput
                label="Пароль"
                name="password"
                autoComplete="current-password"
                required
                {...field('password')}
              />
              {login.error ? (
                <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
                  {errorMessage(login.error)}
                </Alert>
              ) : null}
              <Button type="submit" fullWidth loading={login.isPending}>
                Войти
              </Button>
              <Text size="xs" c="dimmed">
                Забыли пароль? Обратитесь к администратору: он выдаст ссылку для входа с новым паролем.
              </Text>
            </Stack>
          </form>
        </Stack>
      </Paper>
    </Center>
  );
}
