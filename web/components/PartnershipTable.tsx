// The tab «Школы-тьюторы и партнёрства» of the network page: pairs «школа-тьютор — школа» and partnership
// agreements, with each side's municipality, the agreement and its validity, the status; a pair read from a
// programme whose school the register does not know is matched here. Coordinators add, change and delete pairs.
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconLink, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TerritoryTree } from '../../contract/api.ts';
import { agreementFileUrl, type Partnership, useDeletePartnership, usePartnerships } from '../api/network.ts';
import { formatFileSize } from '../lib/execution-format.ts';
import { documentText, type PartnershipKind, partnershipKindViews, validityText } from '../lib/network-format.ts';
import { type Column, PagedTable } from './DataTable.tsx';
import { PartnershipForm } from './PartnershipForm.tsx';
import { PartnershipStatusBadge } from './PartnershipStatusBadge.tsx';
import { DeleteRecordDialog } from './RecordActions.tsx';
import { SearchInput } from './SearchInput.tsx';
import { MunicipalitySelect } from './TerritorySelects.tsx';

const pageSize = 50;

export interface NetworkFilters {
  kind: string | undefined;
  q: string | undefined;
  municipalityId: string | undefined;
}

interface PartnershipsTabProps {
  tree: TerritoryTree;
  regionId: string | null;
  canWrite: boolean;
  values: NetworkFilters;
  page: number;
  update: (changes: Record<string, string | number | null | undefined>) => void;
}

type Dialog = { mode: 'create' } | { mode: 'edit' | 'match'; pair: Partnership } | null;

function Side({ side }: { side: Partnership['school'] }) {
  return (
    <>
      {side.id ? (
        <Anchor component={Link} to={`/organisations/${side.id}`} size="sm" fw={500}>
          {side.name}
        </Anchor>
      ) : (
        <Text size="sm" fw={500} c="orange.9" title="Не найдена в справочнике организаций">
          {side.name}
        </Text>
      )}
      {side.municipalityName && (
        <Text size="xs" c="dimmed">
          {side.municipalityName}
        </Text>
      )}
    </>
  );
}

export function PartnershipsTab({ tree, regionId, canWrite, values, page, update }: PartnershipsTabProps) {
  const kind = values.kind === 'tutor' || values.kind === 'partnership' ? (values.kind as PartnershipKind) : undefined;
  const list = usePartnerships({ kind, q: values.q, municipalityId: values.municipalityId, page, pageSize });
  const remove = useDeletePartnership();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [formKey, setFormKey] = useState(0);
  const [deleting, setDeleting] = useState<Partnership | null>(null);
  const open = (d: Dialog) => {
    setFormKey((k) => k + 1);
    setDialog(d);
  };

  const columns: Column<Partnership>[] = [
    {
      key: 'supporter',
      header: 'Школа-тьютор / лидер',
      render: (p) => <Side side={p.supporter} />,
    },
    { key: 'school', header: 'Поддерживаемая школа', render: (p) => <Side side={p.school} /> },
    {
      key: 'kind',
      header: 'Вид',
      render: (p) => (
        <>
          <Text size="sm">{partnershipKindViews[p.kind]}</Text>
          {p.programme && (
            <Anchor component={Link} to={`/programmes/${p.programme.id}?tab=tutors`} size="xs" lineClamp={2}>
              {p.programme.title}
            </Anchor>
          )}
        </>
      ),
      width: 180,
    },
    {
      key: 'agreement',
      header: 'Соглашение',
      render: (p) => {
        const doc = documentText(p.agreementNumber, p.agreementDate);
        const valid = validityText(p.validFrom, p.validTo);
        return doc || valid || p.file ? (
          <>
            {doc && <Text size="sm">{doc}</Text>}
            {valid && (
              <Text size="xs" c="dimmed">
                {valid}
              </Text>
            )}
            {p.file && (
              <Anchor href={agreementFileUrl(p.id)} download size="xs" title={p.file.name}>
                Документ ({formatFileSize(p.file.size)})
              </Anchor>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            не указано
          </Text>
        );
      },
      width: 170,
    },
    {
      key: 'status',
      header: 'Статус',
      render: (p) => (
        <Stack gap={6} align="flex-start">
          <PartnershipStatusBadge status={p.status} />
          {canWrite && p.status === 'unmatched' && (
            <Button
              size="compact-xs"
              variant="light"
              color="orange"
              leftSection={<IconLink size={14} aria-hidden />}
              onClick={() => open({ mode: 'match', pair: p })}
              aria-label={`Сопоставить со справочником: ${p.supporter.name} — ${p.school.name}`}
              data-testid="partnership-match"
            >
              Сопоставить
            </Button>
          )}
        </Stack>
      ),
      width: 160,
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            header: <VisuallyHidden>Действия</VisuallyHidden>,
            width: 80,
            render: (p: Partnership) => (
              <Group gap={4} wrap="nowrap" justify="flex-end">
                <Tooltip label="Изменить" withArrow>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Изменить пару ${p.supporter.name} — ${p.school.name}`}
                    onClick={() => open({ mode: 'edit', pair: p })}
                  >
                    <IconPencil size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Удалить" withArrow>
                  <ActionIcon
                    variant="subtle"
                    color="red.8"
                    aria-label={`Удалить пару ${p.supporter.name} — ${p.school.name}`}
                    onClick={() => {
                      remove.reset();
                      setDeleting(p);
                    }}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ),
          },
        ]
      : []),
  ];

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="pair-kind-label">
            Вид
          </Text>
          <SegmentedControl
            aria-labelledby="pair-kind-label"
            value={kind ?? 'all'}
            onChange={(v) => update({ kind: v === 'all' ? null : v })}
            data={[
              { value: 'all', label: 'Все' },
              { value: 'tutor', label: 'Школы-тьюторы' },
              { value: 'partnership', label: 'Соглашения' },
            ]}
          />
        </Stack>
        <SearchInput label="Поиск" placeholder="Наименование школы" value={values.q} onChange={(q) => update({ q })} />
        {tree.length > 0 && (
          <MunicipalitySelect
            tree={tree}
            regionId={regionId}
            value={values.municipalityId ?? null}
            onChange={(v) => update({ municipalityId: v })}
            clearable
            placeholder="Все муниципалитеты"
          />
        )}
        {canWrite && (
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => open({ mode: 'create' })}
            data-testid="partnership-create"
          >
            Добавить пару
          </Button>
        )}
      </Group>
      <PagedTable
        query={list}
        page={page}
        pageSize={pageSize}
        onPage={(p) => update({ page: p })}
        label="Школы-тьюторы и партнёрства"
        testId="partnerships-table"
        columns={columns}
        rowKey={(p) => p.id}
        minWidth={900}
        empty={
          values.q || kind || values.municipalityId
            ? 'По условиям отбора пар нет.'
            : 'Пар пока нет. Они появляются из приложений программ («школа — школа-тьютор») или добавляются здесь.'
        }
      />

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          dialog?.mode === 'match'
            ? 'Сопоставить школу со справочником'
            : dialog?.mode === 'edit'
              ? 'Изменение пары'
              : 'Новая пара или соглашение'
        }
        size="lg"
      >
        {dialog && (
          <PartnershipForm
            key={formKey}
            partnership={dialog.mode === 'create' ? undefined : dialog.pair}
            matching={dialog.mode === 'match'}
            regionId={regionId}
            onDone={() => setDialog(null)}
            onRefresh={() => void list.refetch()}
          />
        )}
      </Modal>
      <DeleteRecordDialog
        record={deleting}
        title="Удалить пару?"
        done="Пара удалена."
        remove={remove}
        onClose={() => setDeleting(null)}
        onReload={() => void list.refetch()}
      >
        {deleting && (
          <>
            Пара «{deleting.supporter.name} — {deleting.school.name}» (
            {partnershipKindViews[deleting.kind].toLowerCase()}) будет удалена из карточек обеих школ. Запись об
            удалении сохранится в журнале изменений.
          </>
        )}
      </DeleteRecordDialog>
    </Stack>
  );
}
