// The region's library of typical measures per risk factor, which schools choose from for their anti-risk
// programmes. Until the region adds its own measures for a factor, the shipped typical ones are offered; once it
// has one, only its own are — so «Взять типовые в библиотеку региона» copies the shipped ones first, to edit.
import { Accordion, Badge, Button, Group, Modal, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { riskMeasureInput } from '../../contract/diagnosis.ts';
import { factors500 } from '../../domain/diagnosis/risk-factors.ts';
import {
  type RiskMeasure,
  useCreateRiskMeasure,
  useDeleteRiskMeasure,
  useRiskMeasures,
  useUpdateRiskMeasure,
} from '../api/diagnosis.ts';
import { serverFieldErrors, useForm } from '../lib/form.ts';
import { plural } from '../lib/format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoader } from './Loading.tsx';
import { DeleteRecordDialog } from './RecordActions.tsx';

interface Props {
  regionId: string | null;
  canWrite: boolean;
}

export default function RiskMeasureLibrary({ regionId, canWrite }: Props) {
  const list = useRiskMeasures(regionId);
  const [editing, setEditing] = useState<{ factorKey: string; measure: RiskMeasure | null } | null>(null);
  const [deleting, setDeleting] = useState<RiskMeasure | null>(null);
  const [copying, setCopying] = useState<string | null>(null);
  const create = useCreateRiskMeasure();
  const remove = useDeleteRiskMeasure();
  if (!regionId)
    return (
      <Text size="sm" c="dimmed">
        Библиотека мер ведётся регионом.
      </Text>
    );
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  const measures = list.data;

  /** Copies the shipped measures of a factor into the region's own, in their order. */
  const copyShipped = async (factorKey: string) => {
    setCopying(factorKey);
    try {
      for (const m of measures.filter((x) => x.factorKey === factorKey && x.version === null))
        await create.mutateAsync({
          regionId,
          factorKey,
          text: m.text,
          indicator: m.indicator,
          deadlineText: m.deadlineText,
          responsible: m.responsible,
        });
      notifications.show({ color: 'teal', message: 'Типовые меры перенесены в библиотеку региона.' });
    } catch {
      /* shown below */
    } finally {
      setCopying(null);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Меры по каждому фактору риска, из которых школы составляют антирисковые программы. Выбранная мера становится
        мероприятием дорожной карты школы с показателем, сроком и ответственными.
      </Text>
      <ErrorAlert error={create.error} />
      <Accordion variant="separated" multiple>
        {factors500.map((f) => {
          const own = measures.filter((m) => m.factorKey === f.key && m.version !== null);
          const items = measures.filter((m) => m.factorKey === f.key);
          const shipped = own.length === 0;
          return (
            <Accordion.Item key={f.key} value={f.key}>
              <Accordion.Control>
                <Group gap="xs" justify="space-between" wrap="nowrap" pr="sm">
                  <Text fw={500} size="sm">
                    {f.title}
                  </Text>
                  <Badge
                    variant="light"
                    color={shipped ? 'gray' : 'blue'}
                    style={{ textTransform: 'none', flexShrink: 0 }}
                  >
                    {items.length} {plural(items.length, ['мера', 'меры', 'мер'])}
                    {shipped ? ', типовые' : ', региона'}
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  <Table.ScrollContainer minWidth={720} type="native">
                    <Table withTableBorder fz="sm" verticalSpacing={6} aria-label={`Меры: ${f.title}`}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>Мера</Table.Th>
                          <Table.Th w={220}>Показатель</Table.Th>
                          <Table.Th w={150}>Срок</Table.Th>
                          <Table.Th w={170}>Ответственные</Table.Th>
                          {canWrite && !shipped && <Table.Th w={90} />}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {items.length === 0 ? (
                          <Table.Tr>
                            <Table.Td colSpan={5}>
                              <Text size="sm" c="dimmed">
                                Мер нет.
                              </Text>
                            </Table.Td>
                          </Table.Tr>
                        ) : (
                          items.map((m) => (
                            <Table.Tr key={m.id}>
                              <Table.Td>{m.text}</Table.Td>
                              <Table.Td>{m.indicator}</Table.Td>
                              <Table.Td>{m.deadlineText}</Table.Td>
                              <Table.Td>{m.responsible}</Table.Td>
                              {canWrite && !shipped && (
                                <Table.Td>
                                  <Group gap={4} wrap="nowrap">
                                    <Button
                                      variant="subtle"
                                      size="compact-sm"
                                      px={4}
                                      onClick={() => setEditing({ factorKey: f.key, measure: m })}
                                      aria-label={`Изменить меру: ${m.text}`}
                                    >
                                      <IconPencil size={16} aria-hidden />
                                    </Button>
                                    <Button
                                      variant="subtle"
                                      color="red.8"
                                      size="compact-sm"
                                      px={4}
                                      onClick={() => {
                                        remove.reset();
                                        setDeleting(m);
                                      }}
                                      aria-label={`Удалить меру: ${m.text}`}
                                    >
                                      <IconTrash size={16} aria-hidden />
                                    </Button>
                                  </Group>
                                </Table.Td>
                              )}
                            </Table.Tr>
                          ))
                        )}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                  {canWrite &&
                    (shipped ? (
                      <Group gap="sm">
                        <Button
                          variant="light"
                          size="xs"
                          leftSection={<IconCopy size={16} aria-hidden />}
                          onClick={() => void copyShipped(f.key)}
                          loading={copying === f.key}
                          disabled={copying !== null || items.length === 0}
                        >
                          Взять типовые в библиотеку региона
                        </Button>
                        <Text size="xs" c="dimmed">
                          После этого меры можно изменять, удалять и дополнять.
                        </Text>
                      </Group>
                    ) : (
                      <Group>
                        <Button
                          variant="light"
                          size="xs"
                          leftSection={<IconPlus size={16} aria-hidden />}
                          onClick={() => setEditing({ factorKey: f.key, measure: null })}
                        >
                          Добавить меру
                        </Button>
                      </Group>
                    ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.measure ? 'Изменение меры' : 'Новая мера'}
        size="lg"
      >
        {editing && (
          <MeasureForm
            regionId={regionId}
            factorKey={editing.factorKey}
            measure={editing.measure}
            onDone={() => setEditing(null)}
            onRefresh={() => void list.refetch().then(() => setEditing(null))}
          />
        )}
      </Modal>
      <DeleteRecordDialog
        record={deleting}
        title="Удалить меру?"
        done="Мера удалена из библиотеки."
        remove={remove}
        onClose={() => setDeleting(null)}
        onReload={() => void list.refetch()}
      >
        Мера «{deleting?.text}» больше не будет предлагаться школам. Мероприятия, уже включённые в дорожные карты школ,
        останутся.
      </DeleteRecordDialog>
    </Stack>
  );
}

function MeasureForm({
  regionId,
  factorKey,
  measure,
  onDone,
  onRefresh,
}: {
  regionId: string;
  factorKey: string;
  measure: RiskMeasure | null;
  onDone: () => void;
  onRefresh: () => void;
}) {
  const form = useForm({
    text: measure?.text ?? '',
    indicator: measure?.indicator ?? '',
    deadlineText: measure?.deadlineText ?? '',
    responsible: measure?.responsible ?? '',
  });
  const create = useCreateRiskMeasure();
  const update = useUpdateRiskMeasure();
  const mutation = measure ? update : create;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(riskMeasureInput, { regionId, factorKey, ...form.values });
    if (!input) return;
    const done = {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: measure ? 'Мера изменена.' : 'Мера добавлена в библиотеку.' });
        onDone();
      },
      onError: (error: unknown) => form.setErrors(serverFieldErrors(error)),
    };
    if (measure)
      update.mutate(
        {
          id: measure.id,
          version: measure.version ?? 1,
          text: input.text,
          indicator: input.indicator ?? '',
          deadlineText: input.deadlineText ?? '',
          responsible: input.responsible ?? '',
        },
        done,
      );
    else create.mutate(input, done);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea label="Мера" {...form.text('text')} required autosize minRows={2} maxLength={2000} />
        <TextInput label="Показатель" {...form.text('indicator')} maxLength={1000} />
        <TextInput
          label="Срок"
          description="Как в плане: «В течение года», «До 01.09.2026»"
          {...form.text('deadlineText')}
          maxLength={200}
        />
        <TextInput label="Ответственные" {...form.text('responsible')} maxLength={500} />
        <ErrorAlert
          error={mutation.error}
          onRefresh={onRefresh}
          shownFields={['text', 'indicator', 'deadlineText', 'responsible']}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Отмена
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {measure ? 'Сохранить' : 'Добавить'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
