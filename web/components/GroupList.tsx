// The tab «Мобильные группы и сети» of the network page: mobile groups (seed 000), networks of strong schools
// and methodical platforms (seed 003) with their members — people of the register or whole organisations, each
// with a role. Coordinators create and change groups and their members.
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash, IconUserPlus, IconX } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { TerritoryTree } from '../../contract/api.ts';
import { groupMemberInput, supportGroupInput, supportGroupPatch } from '../../contract/network.ts';
import {
  type GroupMember,
  type SupportGroup,
  useAddGroupMember,
  useCreateGroup,
  useDeleteGroup,
  useGroups,
  useRemoveGroupMember,
  useUpdateGroup,
} from '../api/network.ts';
import { changedFields, serverFieldErrors, useForm } from '../lib/form.ts';
import { formatNumber, plural } from '../lib/format.ts';
import { type GroupKind, groupKindLabels, groupKindOptions } from '../lib/network-format.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PersonSelect } from './EventPersonSelect.tsx';
import { ExecutionError } from './ExecutionError.tsx';
import { PageLoader } from './Loading.tsx';
import { OrganisationSelect } from './OrganisationSelect.tsx';
import { DeleteRecordDialog } from './RecordActions.tsx';
import { MunicipalitySelect, RegionSelect } from './TerritorySelects.tsx';

interface GroupsTabProps {
  tree: TerritoryTree;
  regionId: string | null;
  canWrite: boolean;
  kind: string | undefined;
  update: (changes: Record<string, string | null | undefined>) => void;
}

type Dialog = { kind: 'group'; group?: SupportGroup } | { kind: 'member'; group: SupportGroup } | null;

export function GroupsTab({ tree, regionId, canWrite, kind: kindValue, update }: GroupsTabProps) {
  const kind = groupKindOptions.some((o) => o.value === kindValue) ? (kindValue as GroupKind) : undefined;
  const list = useGroups({ kind, regionId: regionId ?? undefined });
  const remove = useDeleteGroup();
  const removeMember = useRemoveGroupMember();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [formKey, setFormKey] = useState(0);
  const [deleting, setDeleting] = useState<SupportGroup | null>(null);
  const [leaving, setLeaving] = useState<{ group: SupportGroup; member: GroupMember } | null>(null);
  const open = (d: Dialog) => {
    setFormKey((k) => k + 1);
    setDialog(d);
  };
  const groups = list.data ?? [];

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="group-kind-label">
            Вид
          </Text>
          <SegmentedControl
            aria-labelledby="group-kind-label"
            value={kind ?? 'all'}
            onChange={(v) => update({ gkind: v === 'all' ? null : v })}
            data={[{ value: 'all', label: 'Все' }, ...groupKindOptions]}
          />
        </Stack>
        {canWrite && (
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => open({ kind: 'group' })}
            data-testid="group-create"
          >
            Создать группу
          </Button>
        )}
      </Group>
      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <PageLoader />
      ) : groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          {kind ? 'Групп этого вида нет.' : 'Мобильных групп, сетей школ и методических площадок пока нет.'}
        </Text>
      ) : (
        groups.map((g) => (
          <Paper
            key={g.id}
            withBorder
            radius="md"
            p={{ base: 'sm', sm: 'md' }}
            component="section"
            aria-labelledby={`group-${g.id}`}
            data-testid="group-card"
          >
            <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
              <Stack gap={2} style={{ flex: '1 1 20rem', minWidth: 0 }}>
                <Group gap="xs">
                  <Title order={3} size="h5" id={`group-${g.id}`}>
                    {g.name}
                  </Title>
                  <Badge variant="light" tt="none" size="sm">
                    {groupKindLabels[g.kind]}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {g.municipalityName || 'региональный уровень'} · {formatNumber(g.members.length)}{' '}
                  {plural(g.members.length, ['участник', 'участника', 'участников'])}
                  {g.basis ? ` · ${g.basis}` : ''}
                </Text>
                {g.description && (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {g.description}
                  </Text>
                )}
              </Stack>
              {canWrite && (
                <Group gap={4}>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconUserPlus size={14} aria-hidden />}
                    onClick={() => open({ kind: 'member', group: g })}
                  >
                    Добавить участника
                  </Button>
                  <Tooltip label="Изменить группу" withArrow>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Изменить группу ${g.name}`}
                      onClick={() => open({ kind: 'group', group: g })}
                    >
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Удалить группу" withArrow>
                    <ActionIcon
                      variant="subtle"
                      color="red.8"
                      aria-label={`Удалить группу ${g.name}`}
                      onClick={() => {
                        remove.reset();
                        setDeleting(g);
                      }}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              )}
            </Group>
            {g.members.length === 0 ? (
              <Text size="sm" c="dimmed">
                Участники не добавлены.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={640} type="native">
                <Table fz="sm" striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Участник</Table.Th>
                      <Table.Th>Организация</Table.Th>
                      <Table.Th w={220}>Роль в группе</Table.Th>
                      {canWrite && <Table.Th w={60} />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {g.members.map((m) => (
                      <Table.Tr key={m.id}>
                        <Table.Td>
                          {m.personId ? (
                            <>
                              <Anchor component={Link} to={`/people/${m.personId}`} size="sm">
                                {m.personName}
                              </Anchor>
                              {m.position && (
                                <Text size="xs" c="dimmed">
                                  {m.position}
                                </Text>
                              )}
                            </>
                          ) : (
                            <Text size="sm" c="dimmed">
                              организация целиком
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {m.organisationId ? (
                            <Anchor component={Link} to={`/organisations/${m.organisationId}`} size="sm">
                              {m.organisationName}
                            </Anchor>
                          ) : (
                            m.organisationName || '—'
                          )}
                        </Table.Td>
                        <Table.Td>{m.role || '—'}</Table.Td>
                        {canWrite && (
                          <Table.Td>
                            <Tooltip label="Исключить из группы" withArrow>
                              <ActionIcon
                                variant="subtle"
                                color="red.8"
                                aria-label={`Исключить ${m.personName || m.organisationName} из группы`}
                                onClick={() => {
                                  removeMember.reset();
                                  setLeaving({ group: g, member: m });
                                }}
                              >
                                <IconX size={16} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        ))
      )}

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          dialog?.kind === 'member'
            ? `Новый участник: ${dialog.group.name}`
            : dialog?.group
              ? 'Изменение группы'
              : 'Новая группа'
        }
        size="lg"
      >
        {dialog?.kind === 'group' && (
          <GroupForm
            key={formKey}
            tree={tree}
            regionId={regionId}
            group={dialog.group}
            onDone={() => setDialog(null)}
            onRefresh={() => void list.refetch()}
          />
        )}
        {dialog?.kind === 'member' && (
          <GroupMemberForm key={formKey} group={dialog.group} regionId={regionId} onDone={() => setDialog(null)} />
        )}
      </Modal>
      <DeleteRecordDialog
        record={deleting}
        title="Удалить группу?"
        done="Группа удалена."
        remove={remove}
        onClose={() => setDeleting(null)}
        onReload={() => void list.refetch()}
      >
        {deleting && (
          <>
            Группа «{deleting.name}» будет удалена вместе со списком участников ({formatNumber(deleting.members.length)}
            ). Запись об удалении сохранится в журнале изменений.
          </>
        )}
      </DeleteRecordDialog>
      <ConfirmDialog
        opened={leaving !== null}
        title="Исключить из группы?"
        confirmLabel="Исключить"
        danger
        loading={removeMember.isPending}
        error={removeMember.error}
        onConfirm={() =>
          leaving &&
          removeMember.mutate(
            { groupId: leaving.group.id, memberId: leaving.member.id },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: 'Участник исключён из группы.' });
                setLeaving(null);
              },
            },
          )
        }
        onClose={() => setLeaving(null)}
      >
        {leaving && (
          <>
            {leaving.member.personName || leaving.member.organisationName} будет исключён(а) из группы «
            {leaving.group.name}».
          </>
        )}
      </ConfirmDialog>
    </Stack>
  );
}

interface GroupValues extends Record<string, unknown> {
  regionId: string | null;
  kind: GroupKind;
  name: string;
  description: string;
  basis: string;
  municipalityId: string | null;
}

function GroupForm(props: {
  tree: TerritoryTree;
  regionId: string | null;
  group?: SupportGroup | undefined;
  onDone: () => void;
  onRefresh: () => void;
}) {
  const { group, tree } = props;
  const form = useForm<GroupValues>({
    regionId: props.regionId,
    kind: group?.kind ?? 'mobile-group',
    name: group?.name ?? '',
    description: group?.description ?? '',
    basis: group?.basis ?? '',
    municipalityId: group?.municipalityId ?? null,
  });
  const { values, set, errors } = form;
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const mutation = group ? update : create;
  const onError = (error: unknown) => form.setErrors(serverFieldErrors(error));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      kind: values.kind,
      name: values.name,
      description: values.description,
      basis: values.basis,
      municipalityId: values.municipalityId,
    };
    if (!group) {
      const input = form.validate(supportGroupInput, { ...fields, regionId: values.regionId ?? '' });
      if (!input) {
        if (!values.regionId) form.setErrors((e) => ({ ...e, regionId: 'Выберите регион.' }));
        return;
      }
      create.mutate(input, {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: `Группа «${input.name}» создана.` });
          props.onDone();
        },
        onError,
      });
      return;
    }
    const changes = changedFields(fields, group);
    if (!changes) {
      notifications.show({ message: 'Изменений нет.' });
      props.onDone();
      return;
    }
    const patch = form.validate(supportGroupPatch, { ...changes, version: group.version });
    if (!patch) return;
    update.mutate(
      { id: group.id, ...patch },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Изменения сохранены.' });
          props.onDone();
        },
        onError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="group-form">
      <Stack gap="sm">
        <Select
          label="Вид"
          data={groupKindOptions}
          value={values.kind}
          onChange={(v) => v && set('kind', v as GroupKind)}
          allowDeselect={false}
          w={300}
        />
        <TextInput label="Название" {...form.text('name')} required maxLength={300} data-autofocus />
        {!group && !props.regionId && tree.length > 1 && (
          <RegionSelect
            tree={tree}
            value={values.regionId}
            onChange={(v) => {
              set('regionId', v);
              set('municipalityId', null);
            }}
            error={errors.regionId}
            required
          />
        )}
        <MunicipalitySelect
          tree={tree}
          regionId={values.regionId}
          value={values.municipalityId}
          onChange={(v) => set('municipalityId', v)}
          clearable
          placeholder="Региональный уровень"
          description="Пусто — группа региона"
          error={errors.municipalityId}
        />
        <TextInput
          label="Основание (приказ)"
          placeholder="Приказ от 30.12.2021 № 3872"
          {...form.text('basis')}
          maxLength={1000}
        />
        <Textarea label="Описание" {...form.text('description')} autosize minRows={2} maxRows={8} maxLength={5000} />
        <ExecutionError
          error={mutation.error}
          shownFields={['name', 'regionId', 'municipalityId']}
          onReload={() => {
            mutation.reset();
            props.onRefresh();
            props.onDone();
          }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onDone}>
            Отмена
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {group ? 'Сохранить' : 'Создать'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function GroupMemberForm(props: { group: SupportGroup; regionId: string | null; onDone: () => void }) {
  const [who, setWho] = useState<'person' | 'organisation'>('person');
  const [personId, setPersonId] = useState<string | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [role, setRole] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const add = useAddGroupMember();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body =
      who === 'person'
        ? { personId, organisationId: null, role: role.trim() }
        : { organisationId, personId: null, role: role.trim() };
    const parsed = groupMemberInput.safeParse(body);
    if (!parsed.success) {
      setProblem(who === 'person' ? 'Выберите сотрудника.' : 'Выберите организацию.');
      return;
    }
    add.mutate(
      { groupId: props.group.id, ...parsed.data },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Участник добавлен в группу.' });
          props.onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="group-member-form">
      <Stack gap="sm">
        <SegmentedControl
          aria-label="Кого добавить"
          value={who}
          onChange={(v) => {
            setWho(v as 'person' | 'organisation');
            setProblem(undefined);
          }}
          data={[
            { value: 'person', label: 'Сотрудник' },
            { value: 'organisation', label: 'Организация' },
          ]}
        />
        {who === 'person' ? (
          <PersonSelect
            label="Сотрудник"
            description="Из справочника сотрудников; организация будет указана по месту работы"
            regionId={props.regionId}
            value={personId}
            onChange={(id) => {
              setPersonId(id);
              setProblem(undefined);
            }}
            error={problem}
            required
          />
        ) : (
          <OrganisationSelect
            label="Организация"
            regionId={props.regionId}
            value={organisationId}
            onChange={(id) => {
              setOrganisationId(id);
              setProblem(undefined);
            }}
            error={problem}
            required
          />
        )}
        <TextInput
          label="Роль в группе"
          placeholder="Руководитель группы, консультант по математике…"
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
          maxLength={300}
        />
        <ExecutionError error={add.error} shownFields={['personId', 'organisationId']} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onDone}>
            Отмена
          </Button>
          <Button type="submit" loading={add.isPending}>
            Добавить
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
