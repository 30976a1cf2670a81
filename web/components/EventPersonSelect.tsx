// Picking one member of staff by searching on the server: registering someone not invited to an event, adding
// a person to a mobile group. The list is what the user may see (a school sees its own staff).
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Person } from '../../contract/api.ts';
import { usePeople } from '../api/queries.ts';

interface PersonSelectProps {
  label: string;
  regionId?: string | null;
  organisationId?: string | null;
  value: string | null;
  onChange: (id: string | null, person: Person | null) => void;
  error?: string | undefined;
  description?: string;
  required?: boolean;
}

const labelOf = (p: Person) =>
  [p.fullName, p.position, p.organisationName].filter((s) => s && s.trim() !== '').join(' — ');

export function PersonSelect(props: PersonSelectProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [chosen, setChosen] = useState<Person | null>(null);
  const q = chosen && debounced === labelOf(chosen) ? undefined : debounced || undefined;
  const list = usePeople({
    regionId: props.regionId ?? undefined,
    organisationId: props.organisationId ?? undefined,
    q,
    pageSize: 50,
  });
  const items = list.data?.items ?? [];
  const data = items.map((p) => ({ value: p.id, label: labelOf(p) }));
  if (chosen && !data.some((d) => d.value === chosen.id)) data.unshift({ value: chosen.id, label: labelOf(chosen) });
  return (
    <Select
      label={props.label}
      description={props.description}
      placeholder="Начните вводить фамилию"
      data={data}
      value={props.value}
      onChange={(id) => {
        const person = items.find((p) => p.id === id) ?? (chosen?.id === id ? chosen : null);
        setChosen(person);
        props.onChange(id, person);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      clearable
      required={props.required}
      error={props.error}
      nothingFoundMessage={list.isFetching ? 'Поиск…' : 'Ничего не найдено'}
      comboboxProps={{ width: 'target' }}
    />
  );
}
