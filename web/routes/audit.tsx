import { Button, Group, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDownload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { AuditEntry, RoleName } from '../../contract/api.ts';
import { queryString } from '../api/client.ts';
import { useAudit, useTerritoryTree } from '../api/queries.ts';
import { AccessDenied } from '../components/AccessDenied.tsx';
import { type Column, PagedTable } from '../components/DataTable.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { SearchInput } from '../components/SearchInput.tsx';
import { RegionSelect } from '../components/TerritorySelects.tsx';
import { diffRecords, formatValue } from '../lib/diff.ts';
import {
  auditActionLabels,
  auditEntityLabels,
  dayBoundary,
  fieldLabels,
  formatDateTime,
  kindLabels,
  urbanLabel,
  userStatusLabels,
} from '../lib/format.ts';
import { roleLabels } from '../lib/labels.ts';
import { useUrlFilters } from '../lib/search-params.ts';
import { can, useCurrentUser } from '../lib/session.ts';

const pageSize = 50;

export default function AuditPage() {
  const me = useCurrentUser();
  if (!can(me, 'audit.read')) return <AccessDenied title="Журнал изменений" />;
  return <AuditJournal />;
}

function AuditJournal() {
  const { values, page, update } = useUrlFilters(['regionId', 'entity', 'actor', 'from', 'to'] as const);
  const tree = useTerritoryTree();
  const filter = {
    regionId: values.regionId,
    entity: values.entity,
    actor: values.actor,
    from: dayBoundary(values.from, 'start'),
    to: dayBoundary(values.to, 'end'),
  };
  const list = useAudit({ ...filter, page, pageSize });
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const regions = tree.data ?? [];
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const r of tree.data ?? []) {
      map.set(r.id, r.name);
      for (const m of r.municipalities) map.set(m.id, m.name);
    }
    return map;
  }, [tree.data]);
  const entityOptions = Object.entries(auditEntityLabels).map(([value, label]) => ({ value, label }));

  const toggle = (id: number) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const columns: Column<AuditEntry>[] = [
    {
      key: 'toggle',
      header: <VisuallyHidden>Подробности</VisuallyHidden>,
      width: 44,
      render: (e) => {
        const open = expanded.has(e.id);
        return (
          <Button
            variant="subtle"
            size="compact-sm"
            px={4}
            aria-expanded={open}
            aria-controls={`audit-diff-${e.id}`}
            aria-label={open ? 'Скрыть изменения' : 'Показать изменения'}
            onClick={() => toggle(e.id)}
          >
            {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </Button>
        );
      },
    },
    { key: 'at', header: 'Когда', render: (e) => formatDateTime(e.at), nowrap: true, width: 150 },
    { key: 'actor', header: 'Кто', render: (e) => e.actorLogin, nowrap: true },
    { key: 'action', header: 'Действие', render: (e) => auditActionLabels[e.action] ?? e.action },
    { key: 'entity', header: 'Объект', render: (e) => auditEntityLabels[e.entity] ?? e.entity },
    { key: 'summary', header: 'Описание', render: (e) => e.summary },
  ];

  const exportHref = (format: 'csv' | 'xlsx') => `/api/audit/export${queryString({ format, ...filter })}`;

  return (
    <>
      <PageHeader
        title="Журнал изменений"
        description="Кто, когда и что изменил в данных системы"
        actions={
          <>
            <Button
              component="a"
              href={exportHref('csv')}
              download
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              Выгрузить CSV
            </Button>
            <Button
              component="a"
              href={exportHref('xlsx')}
              download
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              Выгрузить XLSX
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label="Объект"
            data={entityOptions}
            value={values.entity ?? null}
            onChange={(v) => update({ entity: v })}
            clearable
            placeholder="Все объекты"
            w={200}
          />
          <SearchInput
            value={values.actor}
            onChange={(actor) => update({ actor })}
            label="Кто (логин)"
            placeholder="Логин пользователя"
          />
          <TextInput
            label="С даты"
            placeholder="ДД.ММ.ГГГГ"
            inputMode="numeric"
            maxLength={10}
            value={values.from ?? ''}
            onChange={(e) => update({ from: e.currentTarget.value })}
            error={
              values.from && values.from.length === 10 && !dayBoundary(values.from, 'start')
                ? 'Дата ДД.ММ.ГГГГ'
                : undefined
            }
            w={150}
          />
          <TextInput
            label="По дату"
            placeholder="ДД.ММ.ГГГГ"
            inputMode="numeric"
            maxLength={10}
            value={values.to ?? ''}
            onChange={(e) => update({ to: e.currentTarget.value })}
            error={
              values.to && values.to.length === 10 && !dayBoundary(values.to, 'start') ? 'Дата ДД.ММ.ГГГГ' : undefined
            }
            w={150}
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
          label="Журнал изменений"
          testId="audit-table"
          columns={columns}
          rowKey={(e) => String(e.id)}
          minWidth={860}
          empty="Записей за выбранный период нет."
          renderDetails={(e) => (expanded.has(e.id) ? <AuditDiff entry={e} names={names} /> : null)}
        />
      </Stack>
    </>
  );
}

const kindText = { added: 'добавлено', removed: 'удалено', changed: 'изменено' } as const;

/** A stored value in words: labels for codes, names for territory ids the user can see. */
function describe(key: string, value: unknown, names: ReadonlyMap<string, string>): string {
  if (typeof value === 'string') {
    if (key === 'role' && value in roleLabels) return roleLabels[value as RoleName];
    if (key === 'status' && value in userStatusLabels) return userStatusLabels[value as keyof typeof userStatusLabels];
    if (key === 'kind' && value in kindLabels) return kindLabels[value as keyof typeof kindLabels];
    if (key.endsWith('Id')) return names.get(value) ?? value;
    if (key.endsWith('At')) return formatDateTime(value);
  }
  if (key === 'urban' && typeof value === 'boolean') return urbanLabel(value);
  return formatValue(value);
}

function AuditDiff({ entry, names }: { entry: AuditEntry; names: ReadonlyMap<string, string> }) {
  const changes = diffRecords(entry.before, entry.after);
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed" id={`audit-diff-${entry.id}`}>
        Подробностей изменения нет.
      </Text>
    );
  }
  // A creation has nothing before and a deletion nothing after: show one column of values then.
  const onlyAdded = changes.every((c) => c.kind === 'added');
  const onlyRemoved = changes.every((c) => c.kind === 'removed');
  const single = onlyAdded || onlyRemoved;
  return (
    <Table
      id={`audit-diff-${entry.id}`}
      fz="sm"
      withTableBorder
      bg="var(--mantine-color-body)"
      aria-label={`Изменения: ${entry.summary}`}
      data-testid="audit-diff"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={200}>Поле</Table.Th>
          {single ? (
            <Table.Th>{onlyAdded ? 'Значение' : 'Было'}</Table.Th>
          ) : (
            <>
              <Table.Th>Было</Table.Th>
              <Table.Th w={24} aria-hidden />
              <Table.Th>Стало</Table.Th>
            </>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.key}>
            <Table.Td>
              {fieldLabels[c.key] ?? c.key}
              {!single && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({kindText[c.kind]})
                </Text>
              )}
            </Table.Td>
            {single ? (
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {describe(c.key, onlyAdded ? c.after : c.before, names)}
              </Table.Td>
            ) : (
              <>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {c.kind === 'added' ? '—' : <del>{describe(c.key, c.before, names)}</del>}
                </Table.Td>
                <Table.Td aria-hidden>→</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {c.kind === 'removed' ? (
                    '—'
                  ) : (
                    <ins style={{ textDecoration: 'none', fontWeight: 600 }}>{describe(c.key, c.after, names)}</ins>
                  )}
                </Table.Td>
              </>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
