import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { ApiError, errorMessage } from '../api/client.ts';
import { fieldLabels } from '../lib/format.ts';
import { ProblemsTable } from './ProblemsTable.tsx';

interface ErrorAlertProps {
  error: unknown;
  /** For a stale write (409 conflict.stale): reload the record; shown as «Обновить». */
  onRefresh?: () => void;
  /** For a failed load: try again; shown as «Повторить». */
  onRetry?: () => void;
  /** Fields whose problems the form already shows next to the inputs. */
  shownFields?: readonly string[];
}

function headingOf(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Ошибка';
  if (error.code === 'conflict.stale') return 'Запись уже изменена другим пользователем';
  if (error.code === 'access.denied' || error.status === 403) return 'Недостаточно прав';
  if (error.status === 404) return 'Не найдено';
  if (error.status === 0) return 'Нет связи с сервером';
  if (error.status === 400 || error.status === 422) return 'Проверьте введённые данные';
  return 'Не удалось выполнить действие';
}

/** Shows an API error as the server worded it, with its problems and the action that helps. */
export function ErrorAlert({ error, onRefresh, onRetry, shownFields = [] }: ErrorAlertProps) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const problems = (apiError?.problems ?? []).filter((p) => !(p.field && shownFields.includes(p.field)));
  const placed = problems.some((p) => p.row !== undefined);
  const stale = apiError?.code === 'conflict.stale';
  const retryable = !apiError || apiError.status === 0 || apiError.status >= 500;
  return (
    <Alert color="red" variant="light" title={headingOf(error)} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Text size="sm">{errorMessage(error)}</Text>
      {problems.length > 0 &&
        (placed ? (
          <div style={{ marginTop: 8 }}>
            <ProblemsTable problems={problems} />
          </div>
        ) : (
          <List size="sm" mt="xs">
            {problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static list of messages.
              <List.Item key={i}>
                {p.field ? `${fieldLabels[p.field] ?? p.field}: ` : ''}
                {p.message}
              </List.Item>
            ))}
          </List>
        ))}
      {(stale && onRefresh) || (retryable && onRetry) ? (
        <Group mt="sm">
          {stale && onRefresh && (
            <Button size="xs" variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onRefresh}>
              Обновить
            </Button>
          )}
          {retryable && onRetry && (
            <Button size="xs" variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onRetry}>
              Повторить
            </Button>
          )}
        </Group>
      ) : null}
    </Alert>
  );
}
