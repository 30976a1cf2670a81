import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { PageHeader } from './PageHeader.tsx';

/** Shown instead of a screen the user's role does not give access to. */
export function AccessDenied({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Alert color="orange" variant="light" title="Недостаточно прав" icon={<IconLock aria-hidden />}>
        Этот раздел недоступен для вашей роли. Если доступ нужен для работы, обратитесь к администратору системы.
      </Alert>
    </>
  );
}
