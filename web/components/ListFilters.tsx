// The filter header of a list page: an optional segmented filter, a search box and the territory selects.
import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import type { TerritoryTree } from '../../contract/api.ts';
import { SearchInput } from './SearchInput.tsx';
import { MunicipalitySelect, RegionSelect } from './TerritorySelects.tsx';

/** The region a list works in: the one chosen, or the only one the user has. */
export function effectiveRegionId(regions: TerritoryTree, regionId: string | undefined): string | null {
  return regionId ?? (regions.length === 1 ? regions[0]?.id : undefined) ?? null;
}

/** The region or municipality the list is filtered to, if any. */
export function filteredTerritory(
  regions: TerritoryTree,
  values: { regionId: string | undefined; municipalityId: string | undefined },
) {
  return regions
    .flatMap((r) => [{ id: r.id, name: r.name }, ...r.municipalities.map((m) => ({ id: m.id, name: m.name }))])
    .find((t) => t.id === (values.municipalityId ?? values.regionId));
}

interface SegmentFilterProps {
  /** The URL filter the control sets; «Все» clears it. */
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
}

interface ListFiltersProps {
  regions: TerritoryTree;
  values: { regionId: string | undefined; municipalityId: string | undefined; q: string | undefined };
  update: (changes: Record<string, string | null | undefined>) => void;
  search: { label: string; placeholder: string };
  segment?: SegmentFilterProps;
  /** Choosing a municipality also pins the region it was chosen under. */
  pinRegion?: boolean;
}

export function ListFilters({ regions, values, update, search, segment, pinRegion = false }: ListFiltersProps) {
  const regionId = effectiveRegionId(regions, values.regionId);
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      {segment && (
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${segment.name}-filter-label`}>
            {segment.label}
          </Text>
          <SegmentedControl
            aria-labelledby={`${segment.name}-filter-label`}
            value={segment.value ?? 'all'}
            onChange={(v) => update({ [segment.name]: v === 'all' ? null : v })}
            data={[{ value: 'all', label: 'Все' }, ...segment.options]}
          />
        </Stack>
      )}
      <SearchInput
        value={values.q}
        onChange={(q) => update({ q })}
        placeholder={search.placeholder}
        label={search.label}
      />
      {regions.length > 1 && (
        <RegionSelect
          tree={regions}
          value={values.regionId ?? null}
          onChange={(v) => update({ regionId: v, municipalityId: null })}
          clearable
          placeholder="Все регионы"
        />
      )}
      {regions.length > 0 && (
        <MunicipalitySelect
          tree={regions}
          regionId={regionId}
          value={values.municipalityId ?? null}
          onChange={(v) =>
            update(pinRegion ? { municipalityId: v, regionId: v ? regionId : values.regionId } : { municipalityId: v })
          }
          clearable
          placeholder="Все муниципалитеты"
        />
      )}
    </Group>
  );
}
