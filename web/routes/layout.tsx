import {
  Anchor,
  AppShell,
  Badge,
  Burger,
  Button,
  Divider,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuilding,
  IconCalendar,
  IconCalendarEvent,
  IconChartBar,
  IconChecklist,
  IconHistory,
  IconHome,
  IconKey,
  IconLogout,
  IconNetwork,
  IconSchool,
  IconStethoscope,
  IconUserShield,
  IconUsers,
} from '@tabler/icons-react';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../contract/api.ts';
import { useLogout, useMe, useTerritoryTree } from '../api/queries.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageLoader } from '../components/Loading.tsx';
import { TerritoryTree } from '../components/TerritoryTree.tsx';
import { roleLabels } from '../lib/labels.ts';
import { can } from '../lib/session.ts';

const ChangePasswordModal = lazy(() => import('../components/ChangePasswordModal.tsx'));
const NotificationBell = lazy(() => import('../components/NotificationBell.tsx'));

/** The signed-in frame: header, navigation with the territory tree, and the current screen. */
export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader fullHeight />;
  if (me.isError) {
    return (
      <Stack p="md" maw={600} mx="auto" mt="xl">
        <ErrorAlert error={me.error} onRetry={() => me.refetch()} />
      </Stack>
    );
  }
  if (!me.data) {
    const back = location.pathname + location.search;
    return <Navigate to={back === '/' ? '/login' : `/login?next=${encodeURIComponent(back)}`} replace />;
  }
  return <Shell me={me.data} />;
}

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  visible: boolean;
  active: (path: string) => boolean;
}

function Shell({ me }: { me: Me }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const location = useLocation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const logout = useLogout();
  const tree = useTerritoryTree(can(me, 'territory.read'));

  // On a phone the menu covers the page: close it once the user has gone somewhere.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only.
  useEffect(() => {
    close();
  }, [location.pathname, location.search]);

  const items: NavItem[] = [
    { to: '/', label: 'Главная', icon: <IconHome size={18} aria-hidden />, visible: true, active: (p) => p === '/' },
    {
      to: '/organisations',
      label: 'Организации',
      icon: <IconBuilding size={18} aria-hidden />,
      visible: can(me, 'organisation.read'),
      active: (p) => p.startsWith('/organisations'),
    },
    {
      to: '/programmes',
      label: 'Программы',
      icon: <IconChecklist size={18} aria-hidden />,
      visible: can(me, 'programme.read'),
      active: (p) => p.startsWith('/programmes'),
    },
    {
      to: '/dashboard',
      label: 'Мониторинг',
      icon: <IconChartBar size={18} aria-hidden />,
      visible: can(me, 'execution.read'),
      active: (p) => p.startsWith('/dashboard'),
    },
    {
      to: '/calendar',
      label: 'Календарь',
      icon: <IconCalendar size={18} aria-hidden />,
      visible: can(me, 'execution.read'),
      active: (p) => p.startsWith('/calendar'),
    },
    {
      to: '/events',
      label: 'Мероприятия',
      icon: <IconCalendarEvent size={18} aria-hidden />,
      // Permissions of the network are not in PermissionName yet: read from the session as they come.
      visible: can(me, 'event.read'),
      active: (p) => p.startsWith('/events'),
    },
    {
      to: '/network',
      label: 'Сеть поддержки',
      icon: <IconNetwork size={18} aria-hidden />,
      visible: can(me, 'organisation.read'),
      active: (p) => p.startsWith('/network'),
    },
    {
      to: '/identification',
      label: 'Выявление ШНОР',
      icon: <IconSchool size={18} aria-hidden />,
      visible: can(me, 'identification.read'),
      active: (p) => p.startsWith('/identification'),
    },
    {
      to: '/diagnosis',
      label: 'Диагностика',
      icon: <IconStethoscope size={18} aria-hidden />,
      visible: can(me, 'diagnosis.read'),
      active: (p) => p.startsWith('/diagnosis'),
    },
    {
      to: '/people',
      label: 'Сотрудники',
      icon: <IconUsers size={18} aria-hidden />,
      visible: can(me, 'person.read'),
      active: (p) => p.startsWith('/people'),
    },
    {
      to: '/users',
      label: 'Пользователи',
      icon: <IconUserShield size={18} aria-hidden />,
      visible: can(me, 'user.read'),
      active: (p) => p.startsWith('/users'),
    },
    {
      to: '/audit',
      label: 'Журнал изменений',
      icon: <IconHistory size={18} aria-hidden />,
      visible: can(me, 'audit.read'),
      active: (p) => p.startsWith('/audit'),
    },
  ];

  const onOrganisations = location.pathname === '/organisations';
  const signOut = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 300, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main" className="skip-link">
        Перейти к содержимому
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Закрыть меню' : 'Открыть меню'}
              aria-expanded={opened}
              aria-controls="app-navbar"
            />
            <Anchor
              component={Link}
              to="/"
              fw={750}
              fz={{ base: 20, sm: 22 }}
              c="blue.9"
              underline="never"
              aria-label="Опора — главная"
            >
              Опора
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Stack gap={2} align="flex-end" style={{ minWidth: 0, flexShrink: 1 }}>
              <Group gap={8} wrap="nowrap" visibleFrom="sm">
                <Text size="sm" fw={600} truncate maw={260} data-testid="user-name">
                  {me.fullName}
                </Text>
                <Badge variant="light" color="blue" style={{ textTransform: 'none' }} data-testid="role-label">
                  {roleLabels[me.role]}
                </Badge>
              </Group>
              <Text
                size="xs"
                c="dimmed"
                truncate
                maw={{ base: 120, xs: 260, md: 420 }}
                title={me.territoryName}
                data-testid="territory-name"
              >
                {me.territoryName}
              </Text>
            </Stack>
            {can(me, 'execution.read') && (
              <Suspense fallback={null}>
                <NotificationBell />
              </Suspense>
            )}
            <Button
              variant="default"
              size="xs"
              px="xs"
              style={{ flexShrink: 0 }}
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={signOut}
              loading={logout.isPending}
            >
              Выйти
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="app-navbar" aria-label="Основное меню">
        <AppShell.Section p="sm" hiddenFrom="sm">
          <Text size="sm" fw={600}>
            {me.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            {roleLabels[me.role]} · {me.territoryName}
          </Text>
        </AppShell.Section>
        <AppShell.Section p="xs">
          {items
            .filter((i) => i.visible)
            .map((i) => {
              const active = i.active(location.pathname);
              return (
                <NavLink
                  key={i.to}
                  component={Link}
                  to={i.to}
                  label={i.label}
                  leftSection={i.icon}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  fw={500}
                />
              );
            })}
        </AppShell.Section>
        <Divider />
        {can(me, 'territory.read') && (
          <AppShell.Section grow component={ScrollArea} p="xs" aria-labelledby="territories-title">
            <Text id="territories-title" component="h2" size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" my="xs">
              Территории
            </Text>
            {tree.data ? (
              <TerritoryTree
                tree={tree.data}
                activeRegionId={onOrganisations ? params.get('regionId') : null}
                activeMunicipalityId={onOrganisations ? params.get('municipalityId') : null}
                showCounts={me.organisationId === null}
              />
            ) : tree.isError ? (
              <ErrorAlert error={tree.error} onRetry={() => tree.refetch()} />
            ) : (
              <PageLoader />
            )}
          </AppShell.Section>
        )}
        <Divider />
        <AppShell.Section p="xs">
          <NavLink
            component="button"
            label="Сменить пароль"
            leftSection={<IconKey size={18} aria-hidden />}
            onClick={() => setPasswordOpen(true)}
          />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <div style={{ maxWidth: 1400, margin: '0 auto' }}>
          <Suspense fallback={<PageLoader />}>
            <Outlet context={me} />
          </Suspense>
        </div>
      </AppShell.Main>
      {passwordOpen && (
        <Suspense fallback={null}>
          <ChangePasswordModal onClose={() => setPasswordOpen(false)} />
        </Suspense>
      )}
    </AppShell>
  );
}
