// The participants of an event: the invited staff of its schools and anyone registered besides. The organiser
// marks who attended — a list of hundreds is worked school by school («отметить всех из школы») and saved in
// one request against the event's version, so two people marking at once do not overwrite each other; marks
// not yet saved survive a reload after such a conflict. Schools register their own staff.
import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecks, IconSquareOff, IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  type NetworkEvent,
  type Participant,
  useEventParticipants,
  useMarkAttendance,
  useRegisterStaff,
} from '../api/network.ts';
import { formatNumber, plural } from '../lib/format.ts';
import { capitalise, countsText, staffCategoryLabels } from '../lib/network-format.ts';
import { useCurrentUser } from '../lib/session.ts';
import { Paginator } from './DataTable.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { EventCounts } from './EventBadges.tsx';
import { PersonSelect } from './EventPersonSelect.tsx';
import { ExecutionError } from './ExecutionError.tsx';
import { PageLoader } from './Loading.tsx';
import { SearchInput } from './SearchInput.tsx';

const pageSize = 100;

type Show = 'all' | 'registered' | 'attended' | 'unmarked';

interface EventParticipantsProps {
  event: NetworkEvent;
  /** The organiser marks attendance. */
  canMark: boolean;
  /** A school or a coordinator registers its staff. */
  canRegister: boolean;
  onReloadEvent: () => void;
}

const attendedNow = (p: Participant, marks: ReadonlyMap<string, boolean>) =>
  marks.get(p.personId) ?? p.attended === true;

export function EventParticipants({
  event,
  canMark: mayMark,
  canRegister: mayRegister,
  ...props
}: EventParticipantsProps) {
  const me = useCurrentUser();
  const view = useEventParticipants(event.id);
  const mark = useMarkAttendance(event.id);
  const register = useRegisterStaff(event.id);
  const [marks, setMarks] = useState<Map<string, boolean>>(new Map());
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [school, setSchool] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [page, setPage] = useState(1);
  const [outsider, setOutsider] = useState<string | null>(null);

  const participants = view.data?.participants ?? [];
  const canMark = mayMark && event.status !== 'cancelled';
  // The organiser's marks register people too; registration with checkboxes is the invited schools' own.
  const canRegister = mayRegister && event.status === 'planned';
  const registerRows = canRegister && !mayMark;

  const schools = useMemo(() => {
    const bySchool = new Map<string, { name: string; total: number; attended: number }>();
    for (const p of participants) {
      const key = p.organisationId ?? '';
      const s = bySchool.get(key) ?? { name: p.organisationName || 'Без организации', total: 0, attended: 0 };
      s.total += 1;
      if (p.attended === true) s.attended += 1;
      bySchool.set(key, s);
    }
    return [...bySchool.entries()]
      .map(([value, s]) => ({ value, ...s }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  }, [participants]);

  // The changes not saved yet: a mark equal to what the server now has is no change.
  const changed = participants.filter((p) => marks.has(p.personId) && marks.get(p.personId) !== (p.attended === true));
  const needle = q.trim().toLowerCase();
  const rows = participants.filter(
    (p) =>
      (school === null || (p.organisationId ?? '') === school) &&
      (!needle || `${p.fullName} ${p.position}`.toLowerCase().includes(needle)) &&
      (show === 'all' ||
        (show === 'registered' && p.registered) ||
        (show === 'attended' && attendedNow(p, marks)) ||
        (show === 'unmarked' && p.attended === null && !marks.has(p.personId))),
  );
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(page, pages);
  const pageRows = rows.slice((current - 1) * pageSize, current * pageSize);

  if (view.isPending) return <PageLoader />;
  if (view.isError) return <ErrorAlert error={view.error} onRetry={() => view.refetch()} />;
  const counts = view.data.counts;
  const attendedAfter =
    counts.attended +
    changed.filter((p) => marks.get(p.personId) === true).length -
    changed.filter((p) => marks.get(p.personId) === false).length;

  const setMark = (ids: readonly Participant[], value: boolean) =>
    setMarks((prev) => {
      const next = new Map(prev);
      for (const p of ids) next.set(p.personId, value);
      return next;
    });
  const filterChanged = (next: () => void) => {
    next();
    setPage(1);
  };

  const saveMarks = () =>
    mark.mutate(
      {
        version: view.data.version,
        marks: changed.map((p) => ({ personId: p.personId, attended: marks.get(p.personId) ?? null })),
      },
      {
        onSuccess: (fresh) => {
          setMarks(new Map());
          notifications.show({ color: 'teal', message: `Посещаемость сохранена: ${countsText(fresh.counts)}.` });
        },
      },
    );

  const registerIds = (ids: string[], done: () => void) =>
    register.mutate(ids, {
      onSuccess: () => {
        done();
        notifications.show({
          color: 'teal',
          message: `Зарегистрировано: ${formatNumber(ids.length)} ${plural(ids.length, ['сотрудник', 'сотрудника', 'сотрудников'])}.`,
        });
      },
    });

  const schoolLabel = school !== null ? schools.find((s) => s.value === school)?.name : null;
  const unregisteredShown = rows.filter((p) => !p.registered);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <EventCounts counts={counts} />
        {changed.length > 0 && (
          <Text size="sm" c="blue.8">
            После сохранения присутствовали: {formatNumber(attendedAfter)}
          </Text>
        )}
      </Group>
      {event.status === 'cancelled' && (
        <Alert color="gray" variant="light">
          Мероприятие отменено: посещаемость не отмечается, регистрация закрыта.
        </Alert>
      )}
      {participants.length === 0 ? (
        <Text size="sm" c="dimmed">
          {event.audience.schools === 'programme' && !event.programme
            ? 'Школы участников не определены: выберите школы в настройках участников.'
            : 'Сотрудников, подходящих под состав участников, нет (или они ещё не внесены в справочник сотрудников).'}
        </Text>
      ) : (
        <>
          {participants.length > 10 && (
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select
                label="Школа"
                placeholder={`Все школы (${formatNumber(schools.length)})`}
                data={schools.map((s) => ({
                  value: s.value,
                  label: `${s.name} — ${formatNumber(s.attended)} из ${formatNumber(s.total)}`,
                }))}
                value={school}
                onChange={(v) => filterChanged(() => setSchool(v))}
                searchable
                clearable
                w={{ base: '100%', sm: 380 }}
                data-testid="participants-school"
              />
              <SearchInput
                label="Поиск"
                placeholder="ФИО или должность"
                value={q}
                onChange={(v) => filterChanged(() => setQ(v))}
              />
              <SegmentedControl
                aria-label="Показать"
                value={show}
                onChange={(v) => filterChanged(() => setShow(v as Show))}
                data={[
                  { value: 'all', label: 'Все' },
                  { value: 'registered', label: 'Зарегистрированы' },
                  { value: 'attended', label: 'Присутствовали' },
                  { value: 'unmarked', label: 'Не отмечены' },
                ]}
              />
            </Group>
          )}

          {canMark && rows.length > 0 && (
            <Group gap="xs">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconChecks size={16} aria-hidden />}
                onClick={() => setMark(rows, true)}
                data-testid="participants-mark-all"
              >
                {schoolLabel
                  ? `Отметить всех из школы (${formatNumber(rows.length)})`
                  : `Отметить всех показанных (${formatNumber(rows.length)})`}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconSquareOff size={16} aria-hidden />}
                onClick={() => setMark(rows, false)}
              >
                Снять отметки у показанных
              </Button>
            </Group>
          )}

          <Table.ScrollContainer minWidth={760} type="native" tabIndex={0} role="region" aria-label="Участники">
            <Table striped withTableBorder fz="sm" data-testid="participants-table">
              <Table.Thead>
                <Table.Tr>
                  {canMark && <Table.Th w={120}>Присутствовал</Table.Th>}
                  <Table.Th>ФИО</Table.Th>
                  <Table.Th>Должность</Table.Th>
                  {school === null && <Table.Th>Школа</Table.Th>}
                  <Table.Th w={170}>Регистрация</Table.Th>
                  {!canMark && <Table.Th w={140}>Посещение</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pageRows.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={school === null ? 5 : 4}>
                      <Text c="dimmed" ta="center" py="md" size="sm">
                        По условиям отбора никого нет.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  pageRows.map((p) => {
                    const now = attendedNow(p, marks);
                    const dirty = marks.has(p.personId) && marks.get(p.personId) !== (p.attended === true);
                    return (
                      <Table.Tr key={p.personId} data-testid="participant-row" bg={dirty ? 'blue.0' : undefined}>
                        {canMark && (
                          <Table.Td>
                            <Checkbox
                              checked={now}
                              onChange={(e) => setMark([p], e.currentTarget.checked)}
                              aria-label={`Присутствовал: ${p.fullName}`}
                              data-testid="participant-attended"
                            />
                          </Table.Td>
                        )}
                        <Table.Td>
                          <Text size="sm">{p.fullName}</Text>
                          {!p.inAudience && (
                            <Text size="xs" c="dimmed">
                              не из приглашённых
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{p.position || capitalise(staffCategoryLabels[p.category])}</Table.Td>
                        {school === null && (
                          <Table.Td>
                            {p.organisationId ? (
                              <Text component={Link} to={`/organisations/${p.organisationId}`} size="sm" c="blue.8">
                                {p.organisationName}
                              </Text>
                            ) : (
                              p.organisationName || '—'
                            )}
                          </Table.Td>
                        )}
                        <Table.Td>
                          {p.registered ? (
                            <Badge variant="light" color="blue" tt="none" size="sm">
                              Зарегистрирован(а)
                            </Badge>
                          ) : registerRows ? (
                            <Checkbox
                              label="Зарегистрировать"
                              size="xs"
                              checked={chosen.has(p.personId)}
                              onChange={(e) => {
                                const checked = e.currentTarget.checked;
                                setChosen((prev) => {
                                  const next = new Set(prev);
                                  if (checked) next.add(p.personId);
                                  else next.delete(p.personId);
                                  return next;
                                });
                              }}
                            />
                          ) : (
                            <Text size="sm" c="dimmed">
                              —
                            </Text>
                          )}
                        </Table.Td>
                        {!canMark && (
                          <Table.Td>
                            {p.attended === true ? (
                              <Badge variant="light" color="teal" tt="none" size="sm">
                                Присутствовал(а)
                              </Badge>
                            ) : p.attended === false ? (
                              <Text size="sm">Отсутствовал(а)</Text>
                            ) : (
                              <Text size="sm" c="dimmed">
                                не отмечено
                              </Text>
                            )}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Paginator page={current} pageSize={pageSize} total={rows.length} onChange={setPage} />
        </>
      )}

      {canMark && (changed.length > 0 || mark.error !== null) && (
        <Paper
          withBorder
          p="sm"
          radius="md"
          shadow="sm"
          style={{ position: 'sticky', bottom: 8, zIndex: 2, background: 'var(--mantine-color-body)' }}
          data-testid="attendance-savebar"
        >
          <Stack gap="xs">
            <ExecutionError
              error={mark.error}
              onReload={() => {
                mark.reset();
                void view.refetch();
                props.onReloadEvent();
              }}
            />
            {mark.error !== null && changed.length > 0 && (
              <Text size="xs" c="dimmed">
                Ваши отметки сохранятся на странице после обновления: проверьте их и сохраните ещё раз.
              </Text>
            )}
            <Group justify="space-between" gap="sm">
              <Text size="sm">Изменено отметок: {formatNumber(changed.length)}</Text>
              <Group gap="xs">
                <Button variant="default" size="sm" onClick={() => setMarks(new Map())} disabled={changed.length === 0}>
                  Отменить изменения
                </Button>
                <Button
                  size="sm"
                  onClick={saveMarks}
                  loading={mark.isPending}
                  disabled={changed.length === 0}
                  data-testid="attendance-save"
                >
                  Сохранить посещаемость
                </Button>
              </Group>
            </Group>
          </Stack>
        </Paper>
      )}

      {canRegister && (
        <Paper withBorder p="sm" radius="md" data-testid="registration-panel">
          <Stack gap="xs">
            <Text fw={600} size="sm">
              Регистрация сотрудников
            </Text>
            {registerRows && participants.some((p) => !p.registered) && (
              <Group gap="sm" align="flex-end" wrap="wrap">
                <Button
                  size="sm"
                  leftSection={<IconUserPlus size={16} aria-hidden />}
                  disabled={chosen.size === 0}
                  loading={register.isPending && chosen.size > 0}
                  onClick={() => registerIds([...chosen], () => setChosen(new Set()))}
                  data-testid="register-chosen"
                >
                  Зарегистрировать выбранных ({formatNumber(chosen.size)})
                </Button>
                {unregisteredShown.length > 0 && (
                  <Button
                    size="sm"
                    variant="subtle"
                    onClick={() => setChosen(new Set([...chosen, ...unregisteredShown.map((p) => p.personId)]))}
                  >
                    Выбрать всех показанных ({formatNumber(unregisteredShown.length)})
                  </Button>
                )}
              </Group>
            )}
            <Group gap="sm" align="flex-end" wrap="wrap">
              <Box style={{ flex: '1 1 320px' }}>
                <PersonSelect
                  label="Сотрудник не из списка приглашённых"
                  regionId={event.regionId}
                  organisationId={me.organisationId}
                  value={outsider}
                  onChange={(id) => setOutsider(id)}
                />
              </Box>
              <Button
                variant="light"
                disabled={!outsider}
                loading={register.isPending && chosen.size === 0}
                onClick={() => outsider && registerIds([outsider], () => setOutsider(null))}
              >
                Зарегистрировать
              </Button>
            </Group>
            <ErrorAlert error={register.error} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
