import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { passwordField } from '../../contract/fields.ts';
import { useChangePassword } from '../api/queries.ts';
import { useTextFields } from '../lib/form.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

export default function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const change = useChangePassword();
  const { values, setErrors, field } = useTextFields({ current: '', next: '', repeat: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = passwordField.safeParse(values.next);
    const found = {
      current: values.current ? undefined : 'Введите текущий пароль.',
      next: checked.success ? undefined : checked.error.issues[0]?.message,
      repeat: values.repeat === values.next ? undefined : 'Пароли не совпадают.',
    };
    setErrors(found);
    if (found.current || found.next || found.repeat) return;
    change.mutate(
      { currentPassword: values.current, newPassword: values.next },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Пароль изменён.' });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title="Смена пароля">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput label="Текущий пароль" autoComplete="current-password" required {...field('current')} />
          <PasswordInput
            label="Новый пароль"
            description="Не менее 10 символов."
            autoComplete="new-password"
            required
            {...field('next')}
          />
          <PasswordInput label="Повторите новый пароль" autoComplete="new-password" required {...field('repeat')} />
          <ErrorAlert error={change.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={change.isPending}>
              Сменить пароль
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
