// Choosing several schools by searching on the server (a region has hundreds): the audience of an event and the
// schools a curator is assigned to. Chosen schools keep their names while the search shows others.
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import type { Organisation } from '../../contract/api.ts';
import { api } from '../api/client.ts';
import { useOrganisations } from '../api/queries.ts';

interface SchoolsMultiSelectProps {
  label: string;
  regionId: string | null;
  municipalityId?: string | null;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
  description?: string;
  required?: boolean;
}

const labelOf = (o: Organisation) => `${o.shortName || o.name} (${o.code})`;

export function SchoolsMultiSelect(props: SchoolsMultiSelectProps) {
  const { regionId, municipalityId, value } = props;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [known, setKnown] = useState<Record<string, string>>({});
  const list = useOrganisations(
    {
      regionId: regionId ?? undefined,
      municipalityId: municipalityId ?? undefined,
      kind: 'school',
      q: debounced || undefined,
      pageSize: 50,
    },
    Boolean(regionId),
  );
  // Chosen schools the search has not shown (an event opened for editing): their names, one request each.
  const unknown = value.filter((id) => !(id in known) && !list.data?.items.some((o) => o.id === id));
  const fetched = useQueries({
    queries: unknown.slice(0, 100).map((id) => ({
      queryKey: ['organisation', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<Organisation>(`/api/organisations/${encodeURIComponent(id)}`, undefined, signal),
      staleTime: 60_000,
    })),
  });
  const items = list.data?.items ?? [];
  const labels = new Map<string, string>(Object.entries(known));
  for (const f of fetched) if (f.data) labels.set(f.data.id, labelOf(f.data));
  const data = items.map((o) => ({ value: o.id, label: labelOf(o) }));
  for (const id of value)
    if (!data.some((o) => o.value === id)) data.unshift({ value: id, label: labels.get(id) ?? 'Школа…' });

  return (
    <MultiSelect
      label={props.label}
      description={props.description}
      placeholder={regionId ? 'Начните вводить наименование или код школы' : 'Сначала выберите регион'}
      data={data}
      value={value}
      onChange={(ids) => {
        const next = { ...known };
        for (const id of ids) {
          const o = data.find((d) => d.value === id);
          if (o) next[id] = o.label;
        }
        setKnown(next);
        props.onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      clearable
      hidePickedOptions
      disabled={!regionId}
      error={props.error}
      required={props.required}
      nothingFoundMessage={list.isFetching ? 'Поиск…' : 'Ничего не найдено'}
      maxDropdownHeight={280}
    />
  );
}
