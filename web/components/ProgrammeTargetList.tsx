import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ProgrammeDetail } from '../../contract/programmes.ts';
import { useSchoolLists } from '../api/identification.ts';
import { useUpdateProgramme } from '../api/programmes.ts';
import { formatNumber, plural } from '../lib/format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

const describe = (l: { number: number; title: string; year: number }) => `№ ${l.number} «${l.title}» (${l.year})`;
const schoolsText = (n: number) => `${formatNumber(n)} ${plural(n, ['школа', 'школы', 'школ'])}`;

/**
 * The programme's target schools: an approved list of schools of its region. Those who write the programme
 * choose the list; everyone else sees which list it is and opens it (filtered to their territory).
 */
export function ProgrammeTargetList({ programme, canWrite }: { programme: ProgrammeDetail; canWrite: boolean }) {
  const current = programme.schoolList;
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState<string | null>(current?.id ?? null);
  const lists = useSchoolLists(programme.regionId, editing);
  const update = useUpdateProgramme(programme.id);

  if (!editing)
    return (
      <Group gap="xs" wrap="wrap">
        {current ? (
          <Anchor component={Link} to={`/identification/lists/${current.id}`}>
            {describe(current)}: {schoolsText(current.schools)}
          </Anchor>
        ) : (
          <Text span c="dimmed">
            перечень не выбран
          </Text>
        )}
        {canWrite && (
          <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)}>
            {current ? 'Изменить' : 'Выбрать перечень'}
          </Button>
        )}
      </Group>
    );

  return (
    <Stack gap="xs">
      <Select
        aria-label="Утверждённый перечень школ"
        placeholder={lists.isLoading ? 'Загрузка…' : 'Выберите утверждённый перечень'}
        data={(lists.data ?? []).map((l) => ({ value: l.id, label: `${describe(l)}: ${schoolsText(l.schools)}` }))}
        value={choice}
        onChange={setChoice}
        clearable
        nothingFoundMessage="Утверждённых перечней в регионе нет"
      />
      {update.error && <ErrorAlert error={update.error} />}
      <Group gap="xs">
        <Button
          size="compact-sm"
          loading={update.isPending}
          onClick={() =>
            update.mutate(
              { version: programme.version, schoolListId: choice },
              {
                onSuccess: () => {
                  setEditing(false);
                  notifications.show({ color: 'teal', message: 'Целевые школы программы сохранены.' });
                },
              },
            )
          }
        >
          Сохранить
        </Button>
        <Button size="compact-sm" variant="default" onClick={() => setEditing(false)}>
          Отмена
        </Button>
      </Group>
    </Stack>
  );
}
