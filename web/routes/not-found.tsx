import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader.tsx';

export default function NotFoundPage() {
  return (
    <Stack align="flex-start">
      <PageHeader title="Страница не найдена" />
      <Text>Такой страницы нет. Возможно, ссылка устарела или в адресе опечатка.</Text>
      <Button component={Link} to="/">
        На главную
      </Button>
    </Stack>
  );
}
