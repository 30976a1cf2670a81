import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { Organisation } from '../../contract/api.ts';
import { useOrganisation, useOrganisations } from '../api/queries.ts';

interface OrganisationSelectProps {
  label?: string;
  regionId: string | null;
  municipalityId?: string | null;
  kind?: 'school' | 'support';
  value: string | null;
  onChange: (value: string | null, organisation: Organisation | null) => void;
  error?: string | undefined;
  required?: boolean;
  description?: string;
  clearable?: boolean;
}

const labelOf = (o: Organisation) => `${o.shortName || o.name} (${o.code})`;

/** Picks an organisation by searching on the server, so it works with thousands of schools. */
export function OrganisationSelect(props: OrganisationSelectProps) {
  const { regionId, municipalityId, kind, value } = props;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const selected = useOrganisation(value);
  const selectedLabel = selected.data ? labelOf(selected.data) : '';
  // The search box shows the chosen organisation's label; that is not a query.
  const q = debounced && debounced !== selectedLabel ? debounced : undefined;
  const list = useOrganisations(
    { regionId: regionId ?? undefined, municipalityId: municipalityId ?? undefined, kind, q, pageSize: 50 },
    Boolean(regionId),
  );
  const items = list.data?.items ?? [];
  const data = useMemo(() => {
    const options = items.map((o) => ({ value: o.id, label: labelOf(o) }));
    if (selected.data && !options.some((o) => o.value === selected.data.id)) {
      options.unshift({ value: selected.data.id, label: labelOf(selected.data) });
    }
    return options;
  }, [items, selected.data]);

  return (
    <Select
      label={props.label ?? 'Организация'}
      placeholder={regionId ? 'Начните вводить наименование или код' : 'Сначала выберите регион'}
      data={data}
      value={value}
      onChange={(id) => props.onChange(id, items.find((o) => o.id === id) ?? null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      clearable={props.clearable ?? true}
      disabled={!regionId}
      required={props.required}
      error={props.error}
      description={props.description}
      nothingFoundMessage={list.isFetching ? 'Поиск…' : 'Ничего не найдено'}
    />
  );
}
