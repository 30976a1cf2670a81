import { Badge, Button, Checkbox, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconLock, IconLockOpen, IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { type Me, type RoleName, type TerritoryTree, type User, userInput } from '../../contract/api.ts';
import {
  type OneTimeLink,
  useCreateUser,
  useResetLink,
  useTerritoryTree,
  useUpdateUser,
  useUsers,
} from '../api/queries.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { type Column, PagedTable } from '../components/DataTable.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { OneTimeLinkModal } from '../components/OneTimeLinkModal.tsx';
import { OrganisationSelect } from '../components/OrganisationSelect.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { SearchInput } from '../components/SearchInput.tsx';
import { MunicipalitySelect, RegionSelect } from '../components/TerritorySelects.tsx';
import { serverFieldErrors, useForm } from '../lib/form.ts';
import { formatDateTime, userStatusLabels } from '../lib/format.ts';
import { roleLabels, roleOptions } from '../lib/labels.ts';
import { useUrlFilters } from '../lib/search-params.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const pageSize = 50;

/** Which territory an account of each role is bound to (mirrors domain/roles.ts bindingRequired). */
export function bindingOf(role: RoleName | null) {
  switch (role) {
    case 'regional_coordinator':
      return { region: true, municipality: 'none', organisation: false } as const;
    case 'observer':
      return { region: true, municipality: 'optional', organisation: false } as const;
    case 'municipal_coordinator':
      return { region: true, municipality: 'required', organisation: false } as const;
    case 'school':
    case 'curator':
      return { region: true, municipality: 'none', organisation: true } as const;
    default:
      return { region: false, municipality: 'none', organisation: false } as const;
  }
}

const statusColors = { active: 'teal', invited: 'blue', blocked: 'red' } as const;

export default function UsersPage() {
  const me = useCurrentUser();
  if (!can(me, 'user.read')) return <AccessDenied title="Пользователи" />;
  return <UsersList me={me} />;
}

type PendingAction = { kind: 'block' | 'unblock' | 'reset'; userId: string } | null;

function UsersList({ me }: { me: Me }) {
  const canWrite = can(me, 'user.write');
  const { values, page, update } = useUrlFilters(['regionId', 'role', 'q'] as const);
  const role = roleOptions.some((r) => r.value === values.role) ? (values.role as RoleName) : undefined;
  const tree = useTerritoryTree();
  const list = useUsers({ regionId: values.regionId, role, q: values.q, page, pageSize });
  const updateUser = useUpdateUser();
  const resetLink = useResetLink();
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<PendingAction>(null);
  const [link, setLink] = useState<{ link: OneTimeLink; title: string; description: string } | null>(null);
  const regions = tree.data ?? [];
  const target = list.data?.items.find((u) => u.id === pending?.userId);

  const columns: Column<User>[] = [
    {
      key: 'login',
      header: 'Логин',
      render: (u) => (
        <Text ff="monospace" size="sm">
          {u.login}
        </Text>
      ),
      nowrap: true,
    },
    {
      key: 'fullName',
      header: 'ФИО',
      render: (u) => (
        <>
          <Text size="sm" fw={500}>
            {u.fullName}
          </Text>
          {u.email && (
            <Text size="xs" c="dimmed">
              {u.email}
            </Text>
          )}
        </>
      ),
    },
    { key: 'role', header: 'Роль', render: (u) => roleLabels[u.role] },
    { key: 'territory', header: 'Территория', render: (u) => u.territoryName || '—' },
    {
      key: 'status',
      header: 'Статус',
      nowrap: true,
      render: (u) => (
        <Badge
          variant="light"
          color={statusColors[u.status]}
          style={{ textTransform: 'none', minWidth: 'max-content' }}
        >
          {userStatusLabels[u.status]}
        </Badge>
      ),
    },
    { key: 'lastLoginAt', header: 'Последний вход', render: (u) => formatDateTime(u.lastLoginAt), nowrap: true },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      header: 'Действия',
      render: (u) =>
        u.id === me.id ? (
          <Text size="xs" c="dimmed">
            это вы
          </Text>
        ) : (
          <Stack gap={6} align="flex-start">
            {u.status === 'blocked' ? (
              <Button
                size="compact-sm"
                variant="light"
                leftSection={<IconLockOpen size={14} aria-hidden />}
                aria-label={`Разблокировать ${u.login}`}
                onClick={() => open({ kind: 'unblock', userId: u.id })}
              >
                Разблокировать
              </Button>
            ) : (
              <Button
                size="compact-sm"
                variant="light"
                color="red"
                leftSection={<IconLock size={14} aria-hidden />}
                aria-label={`Заблокировать ${u.login}`}
                onClick={() => open({ kind: 'block', userId: u.id })}
              >
                Заблокировать
              </Button>
            )}
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconKey size={14} aria-hidden />}
              aria-label={`Ссылка для сброса пароля: ${u.login}`}
              onClick={() => open({ kind: 'reset', userId: u.id })}
              disabled={u.status === 'blocked'}
            >
              Ссылка для сброса пароля
            </Button>
          </Stack>
        ),
    });
  }

  function open(action: PendingAction) {
    updateUser.reset();
    resetLink.reset();
    setPending(action);
  }

  function confirm() {
    if (!pending || !target) return;
    if (pending.kind === 'reset') {
      resetLink.mutate(target.id, {
        onSuccess: (l) => {
          setPending(null);
          setLink({
            link: l,
            title: 'Ссылка для сброса пароля',
            description: `Передайте ссылку пользователю «${target.fullName}». По ней он задаст новый пароль и войдёт в систему.`,
          });
        },
      });
      return;
    }
    const status = pending.kind === 'block' ? 'blocked' : 'active';
    updateUser.mutate(
      { id: target.id, status, version: target.version },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message:
              status === 'blocked'
                ? `Пользователь ${target.login} заблокирован.`
                : `Пользователь ${target.login} разблокирован.`,
          });
          setPending(null);
        },
      },
    );
  }

  const dialog = {
    block: {
      title: 'Заблокировать пользователя?',
      label: 'Заблокировать',
      text: 'Пользователь не сможет войти в систему, пока его не разблокируют. Его открытые сеансы завершатся.',
    },
    unblock: {
      title: 'Разблокировать пользователя?',
      label: 'Разблокировать',
      text: 'Пользователь снова сможет войти.',
    },
    reset: {
      title: 'Выпустить ссылку для сброса пароля?',
      label: 'Выпустить ссылку',
      text: 'Будет создана одноразовая ссылка, по которой пользователь задаст новый пароль.',
    },
  };

  return (
    <>
      <PageHeader
        title="Пользователи"
        description="Учётные записи, роли и территории доступа"
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
              Добавить пользователя
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <SearchInput
            value={values.q}
            onChange={(q) => update({ q })}
            label="Поиск пользователей"
            placeholder="Логин, ФИО или эл. почта"
          />
          <Select
            label="Роль"
            data={roleOptions}
            value={role ?? null}
            onChange={(v) => update({ role: v })}
            clearable
            placeholder="Все роли"
          />
          {regions.length > 1 && (
            <RegionSelect
              tree={regions}
              value={values.regionId ?? null}
              onChange={(v) => update({ regionId: v })}
              clearable
              placeholder="Все регионы"
            />
          )}
        </Group>
        <PagedTable
          query={list}
          page={page}
          pageSize={pageSize}
          onPage={(p) => update({ page: p })}
          label="Пользователи"
          testId="users-table"
          columns={columns}
          rowKey={(u) => u.id}
          minWidth={canWrite ? 1040 : 860}
          empty="Пользователи не найдены."
        />
      </Stack>

      <Modal opened={creating} onClose={() => setCreating(false)} title="Новый пользователь" size="lg">
        {tree.data && (
          <UserForm
            me={me}
            tree={tree.data}
            onCancel={() => setCreating(false)}
            onCreated={(user, l) => {
              setCreating(false);
              notifications.show({ color: 'teal', message: `Пользователь ${user.login} создан.` });
              if (l) {
                setLink({
                  link: l,
                  title: 'Приглашение создано',
                  description: `Передайте ссылку пользователю «${user.fullName}». По ней он задаст пароль и войдёт в систему.`,
                });
              }
            }}
          />
        )}
      </Modal>

      <ConfirmDialog
        opened={pending !== null && target !== undefined}
        title={pending ? dialog[pending.kind].title : ''}
        confirmLabel={pending ? dialog[pending.kind].label : ''}
        danger={pending?.kind === 'block'}
        loading={updateUser.isPending || resetLink.isPending}
        error={updateUser.error ?? resetLink.error}
        onRefresh={() => {
          updateUser.reset();
          list.refetch();
        }}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      >
        {target && (
          <>
            <Text size="sm" fw={600}>
              {target.fullName} ({target.login})
            </Text>
            <Text size="sm" mt={4}>
              {pending ? dialog[pending.kind].text : ''}
            </Text>
          </>
        )}
      </ConfirmDialog>

      <OneTimeLinkModal
        link={link?.link ?? null}
        title={link?.title ?? ''}
        description={link?.description ?? ''}
        onClose={() => setLink(null)}
      />
    </>
  );
}

interface UserFormValues extends Record<string, unknown> {
  login: string;
  fullName: string;
  email: string;
  role: RoleName | null;
  regionId: string | null;
  municipalityId: string | null;
  organisationId: string | null;
  withPassword: boolean;
  password: string;
}

const shownFields = ['login', 'fullName', 'email', 'role', 'regionId', 'municipalityId', 'organisationId', 'password'];

function UserForm(props: {
  me: Me;
  tree: TerritoryTree;
  onCancel: () => void;
  onCreated: (user: User, link: OneTimeLink | undefined) => void;
}) {
  const { me, tree } = props;
  const fixedRegion = me.role === 'admin' ? null : me.regionId;
  const onlyRegion = tree.length === 1 ? (tree[0]?.id ?? null) : null;
  const form = useForm<UserFormValues>({
    login: '',
    fullName: '',
    email: '',
    role: null,
    regionId: fixedRegion ?? onlyRegion,
    municipalityId: null,
    organisationId: null,
    withPassword: false,
    password: '',
  });
  const create = useCreateUser();
  const { values, set, errors } = form;
  const binding = bindingOf(values.role);
  const roles = me.role === 'admin' ? roleOptions : roleOptions.filter((r) => r.value !== 'admin');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(userInput, {
      login: values.login,
      fullName: values.fullName,
      email: values.email,
      role: values.role ?? undefined,
      regionId: binding.region ? values.regionId : null,
      municipalityId: binding.municipality !== 'none' ? values.municipalityId : null,
      organisationId: binding.organisation ? values.organisationId : null,
      password: values.withPassword ? values.password : undefined,
    });
    // The contract allows nulls everywhere; which ones a role needs is checked here too, for a clear message.
    const missing: Record<string, string> = {};
    if (!values.role) missing.role = 'Выберите роль.';
    if (binding.region && !values.regionId) missing.regionId = 'Выберите регион.';
    if (binding.municipality === 'required' && !values.municipalityId)
      missing.municipalityId = 'Выберите муниципалитет.';
    if (binding.organisation && !values.organisationId) missing.organisationId = 'Выберите организацию.';
    if (Object.keys(missing).length > 0) {
      form.setErrors((e) => ({ ...e, ...missing }));
      return;
    }
    if (!input) return;
    create.mutate(input, {
      onSuccess: (result) => props.onCreated(result.user, result.link),
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Логин"
          description="Латинские буквы, цифры и знаки . _ @ -"
          {...form.text('login')}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={64}
          data-autofocus
        />
        <TextInput label="ФИО" {...form.text('fullName')} required maxLength={300} />
        <TextInput label="Эл. почта" type="email" {...form.text('email')} maxLength={254} />
        <Select
          label="Роль"
          data={roles}
          value={values.role}
          onChange={(v) => {
            set('role', v as RoleName | null);
            set('municipalityId', null);
            set('organisationId', null);
          }}
          error={errors.role}
          required
          placeholder="Выберите роль"
          allowDeselect={false}
        />
        {binding.region &&
          (fixedRegion ? (
            <Text size="sm">
              Регион: <b>{tree.find((r) => r.id === fixedRegion)?.name ?? me.territoryName}</b>
            </Text>
          ) : (
            <RegionSelect
              tree={tree}
              value={values.regionId}
              onChange={(v) => {
                set('regionId', v);
                set('municipalityId', null);
                set('organisationId', null);
              }}
              error={errors.regionId}
              required
            />
          ))}
        {binding.municipality !== 'none' && (
          <MunicipalitySelect
            tree={tree}
            regionId={values.regionId}
            value={values.municipalityId}
            onChange={(v) => set('municipalityId', v)}
            error={errors.municipalityId}
            required={binding.municipality === 'required'}
            clearable={binding.municipality === 'optional'}
            description={
              binding.municipality === 'optional' ? 'Не указывайте, чтобы наблюдатель видел весь регион.' : undefined
            }
          />
        )}
        {binding.organisation && (
          <OrganisationSelect
            regionId={values.regionId}
            kind={values.role === 'school' ? 'school' : undefined}
            label={values.role === 'school' ? 'Школа' : 'Организация'}
            value={values.organisationId}
            onChange={(v) => set('organisationId', v)}
            error={errors.organisationId}
            required
            description={values.role === 'curator' ? 'Организация, от которой работает куратор.' : undefined}
          />
        )}
        <Checkbox
          label="Задать пароль сейчас"
          description="Иначе будет создано приглашение: одноразовая ссылка, по которой пользователь сам задаст пароль."
          checked={values.withPassword}
          onChange={(e) => set('withPassword', e.currentTarget.checked)}
          mt="xs"
        />
        {values.withPassword && (
          <PasswordInput
            label="Пароль пользователя"
            description="Не менее 10 символов."
            {...form.text('password')}
            autoComplete="new-password"
            required
          />
        )}
        <ErrorAlert error={create.error} shownFields={shownFields} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={props.onCancel}>
            Отмена
          </Button>
          <Button type="submit" loading={create.isPending}>
            {values.withPassword ? 'Создать пользователя' : 'Создать и пригласить'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
