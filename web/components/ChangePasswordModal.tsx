import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { passwordField } from '../../contract/fields.ts';
import { useChangePassword } from '../api/queries.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

export default function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const change = useChangePassword();
  const [values, setValues] = useState({ current: '', next: '', repeat: '' });
  const [errors, setErrors] = useState<{ current?: string; next?: string; repeat?: string }>({});

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

  const field = (key: keyof typeof values) => ({
    value: values[key],
    error: errors[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
    },
  });

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
