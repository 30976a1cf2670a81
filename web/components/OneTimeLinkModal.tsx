import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { OneTimeLink } from '../api/queries.ts';
import { formatDateTime } from '../lib/format.ts';

interface OneTimeLinkModalProps {
  link: OneTimeLink | null;
  title: string;
  description: string;
  onClose: () => void;
}

/** Shows a one-time invitation or reset link once, as a full address with a copy button. */
export function OneTimeLinkModal({ link, title, description, onClose }: OneTimeLinkModalProps) {
  const url = link ? `${window.location.origin}${link.path}` : '';
  return (
    <Modal opened={link !== null} onClose={onClose} title={title} size="lg">
      <Stack>
        <Text size="sm">{description}</Text>
        <TextInput
          label="Ссылка"
          value={url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          data-testid="one-time-link"
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        {link && (
          <Text size="sm" c="dimmed">
            Действует до {formatDateTime(link.expiresAt)}.
          </Text>
        )}
        <Alert color="yellow" variant="light" title="Ссылка показывается один раз">
          Скопируйте её сейчас и передайте пользователю удобным способом. Потом её можно будет только выпустить заново.
        </Alert>
        <Group justify="flex-end">
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button
                onClick={copy}
                color={copied ? 'teal.8' : undefined}
                leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              >
                {copied ? 'Скопировано' : 'Скопировать ссылку'}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            Готово
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
