// The tab «Кураторы» of the network page: curators with the schools assigned to each by an order (number and
// date). Coordinators assign a curator to schools and remove an assignment; an assigned curator reads and
// coaches the school's work.
import { Anchor, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconUserMinus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { TerritoryTree } from '../../contract/api.ts';
import { curatorAssignmentInput } from '../../contract/network.ts';
import {
  type CuratorAssignment,
  useAssignCurator,
  useCuratorAssignments,
  useCurators,
  useUnassignCurator,
} from '../api/network.ts';
import { serverFieldErrors, useForm } from '../lib/form.ts';
import { formatNumber, plural } from '../lib/format.ts';
import { documentText, groupBy } from '../lib/network-format.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { DateTextInput } from './DateTextInput.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { SchoolsMultiSelect } from './EventSchoolsSelect.tsx';
import { ExecutionError } from './ExecutionError.tsx';
import { PageLoader } from './Loading.tsx';
import { MunicipalitySelect } from './TerritorySelects.tsx';

const schoolsWord = ['школа', 'школы', 'школ'] as const;

interface CuratorsTabProps {
  tree: TerritoryTree;
  regionId: string | null;
  /** Assigns the region's curators to, and removes them from, the schools of the user's territory. */
  canWrite: boolean;
  municipalityId: string | undefined;
  update: (changes: Record<string, string | null | undefined>) => void;
}

export function CuratorsTab({ tree, regionId, canWrite, municipalityId, update }: CuratorsTabProps) {
  const list = useCuratorAssignments({ municipalityId });
  const unassign = useUnassignCurator();
  const [assigning, setAssigning] = useState<{ userId: string | null } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [removing, setRemoving] = useState<CuratorAssignment | null>(null);
  const groups = [...groupBy(list.data ?? [], (a) => a.userId).values()];

  const open = (userId: string | null) => {
    setFormKey((k) => k + 1);
    setAssigning({ userId });
  };

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        {tree.length > 0 && (
          <MunicipalitySelect
            tree={tree}
            regionId={regionId}
            value={municipalityId ?? null}
            onChange={(v) => update({ municipalityId: v })}
            clearable
            placeholder="Все муниципалитеты"
          />
        )}
        {canWrite && (
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => open(null)}
            data-testid="curator-assign"
          >
            Закрепить куратора
          </Button>
        )}
      </Group>
      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <PageLoader />
      ) : groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          Кураторы за школами пока не закреплены.
          {canWrite ? ' Закрепите куратора по приказу: он будет видеть работу школ и сопровождать её.' : ''}
        </Text>
      ) : (
        groups.map((rows) => {
          const c = rows[0]!;
          return (
            <Paper key={c.userId} withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid="curator-group">
              <Group justify="space-between" align="flex-start" mb="xs" gap="xs">
                <div>
                  <Title order={3} size="h5">
                    {c.fullName}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {[c.curatorOrganisation, `логин ${c.login}`].filter(Boolean).join(' · ')} ·{' '}
                    {formatNumber(rows.length)} {plural(rows.length, schoolsWord)}
                  </Text>
                </div>
                {canWrite && (
                  <Button size="xs" variant="light" onClick={() => open(c.userId)}>
                    Закрепить ещё школы
                  </Button>
                )}
              </Group>
              <Table.ScrollContainer minWidth={640} type="native">
                <Table fz="sm" striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Школа</Table.Th>
                      <Table.Th w={220}>Муниципалитет</Table.Th>
                      <Table.Th w={210}>Приказ</Table.Th>
                      {canWrite && <Table.Th w={120} />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((a) => (
                      <Table.Tr key={a.organisationId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/organisations/${a.organisationId}`} size="sm">
                            {a.organisationName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{a.municipalityName || '—'}</Table.Td>
                        <Table.Td>
                          {documentText(a.orderNumber, a.orderDate) || '—'}
                          {a.basis && (
                            <Text size="xs" c="dimmed">
                              {a.basis}
                            </Text>
                          )}
                        </Table.Td>
                        {canWrite && (
                          <Table.Td>
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color="red.8"
                              leftSection={<IconUserMinus size={14} aria-hidden />}
                              aria-label={`Открепить ${a.fullName} от ${a.organisationName}`}
                              onClick={() => {
                                unassign.reset();
                                setRemoving(a);
                              }}
                            >
                              Открепить
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          );
        })
      )}

      <Modal opened={assigning !== null} onClose={() => setAssigning(null)} title="Закрепление куратора" size="lg">
        {assigning && (
          <CuratorAssignForm
            key={formKey}
            regionId={regionId}
            userId={assigning.userId}
            onDone={() => setAssigning(null)}
          />
        )}
      </Modal>
      <ConfirmDialog
        opened={removing !== null}
        title="Открепить куратора?"
        confirmLabel="Открепить"
        danger
        loading={unassign.isPending}
        error={unassign.error}
        onConfirm={() =>
          removing &&
          unassign.mutate(
            { userId: removing.userId, organisationId: removing.organisationId },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: 'Куратор откреплён.' });
                setRemoving(null);
              },
            },
          )
        }
        onClose={() => setRemoving(null)}
      >
        {removing && (
          <>
            {removing.fullName} больше не будет видеть работу школы «{removing.organisationName}». Запись об этом
            сохранится в журнале изменений.
          </>
        )}
      </ConfirmDialog>
    </Stack>
  );
}

interface FormValues extends Record<string, unknown> {
  userId: string | null;
  organisationIds: string[];
  orderNumber: string;
  orderDate: string | null;
  basis: string;
}

function CuratorAssignForm(props: { regionId: string | null; userId: string | null; onDone: () => void }) {
  const curators = useCurators(props.regionId);
  const assign = useAssignCurator();
  const form = useForm<FormValues>({
    userId: props.userId,
    organisationIds: [],
    orderNumber: '',
    orderDate: null,
    basis: '',
  });
  const { values, set, errors } = form;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(curatorAssignmentInput, {
      ...values,
      userId: values.userId ?? '',
      orderDate: values.orderDate ?? '',
    });
    if (!input) {
      form.setErrors((e) => ({
        ...e,
        ...(values.userId ? {} : { userId: 'Выберите куратора.' }),
        ...(values.orderDate ? {} : { orderDate: 'Укажите дату приказа (ДД.ММ.ГГГГ).' }),
      }));
      return;
    }
    assign.mutate(input, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: `Куратор закреплён: ${formatNumber(input.organisationIds.length)} ${plural(input.organisationIds.length, schoolsWord)}.`,
        });
        props.onDone();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="curator-form">
      <Stack gap="sm">
        {curators.isError ? (
          <ErrorAlert error={curators.error} onRetry={() => curators.refetch()} />
        ) : (
          <Select
            label="Куратор"
            description="Учётные записи с ролью «Куратор» в регионе"
            placeholder={curators.isPending ? 'Загрузка…' : 'Выберите куратора'}
            data={(curators.data ?? []).map((c) => ({
              value: c.userId,
              label: `${c.fullName}${c.organisationName ? ` — ${c.organisationName}` : ''} (закреплено: ${formatNumber(c.schools)})`,
            }))}
            value={values.userId}
            onChange={(v) => set('userId', v)}
            searchable
            required
            error={errors.userId}
            nothingFoundMessage="Кураторов не найдено"
          />
        )}
        <SchoolsMultiSelect
          label="Школы"
          regionId={props.regionId}
          value={values.organisationIds}
          onChange={(ids) => set('organisationIds', ids)}
          error={errors.organisationIds}
          required
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput label="Номер приказа" {...form.text('orderNumber')} required maxLength={100} w={200} />
          <DateTextInput
            label="Дата приказа"
            value={values.orderDate}
            onChange={(v) => set('orderDate', v)}
            required
            error={errors.orderDate}
          />
        </Group>
        <TextInput label="Основание" description="Необязательно" {...form.text('basis')} maxLength={1000} />
        <ExecutionError error={assign.error} shownFields={['userId', 'organisationIds', 'orderNumber', 'orderDate']} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onDone}>
            Отмена
          </Button>
          <Button type="submit" loading={assign.isPending}>
            Закрепить
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
