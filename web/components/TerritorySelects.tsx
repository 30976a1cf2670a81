import { Select } from '@mantine/core';
import type { TerritoryTree } from '../../contract/api.ts';

interface SelectBaseProps {
  label?: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | undefined;
  required?: boolean;
  clearable?: boolean;
  placeholder?: string;
  description?: string;
  disabled?: boolean;
}

export function RegionSelect({ tree, label = 'Регион', ...props }: SelectBaseProps & { tree: TerritoryTree }) {
  return (
    <Select
      label={label}
      data={tree.map((r) => ({ value: r.id, label: r.name }))}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      required={props.required}
      clearable={props.clearable}
      placeholder={props.placeholder ?? 'Выберите регион'}
      description={props.description}
      disabled={props.disabled}
      searchable={tree.length > 8}
      allowDeselect={props.clearable ?? false}
    />
  );
}

export function MunicipalitySelect({
  tree,
  regionId,
  label = 'Муниципалитет',
  ...props
}: SelectBaseProps & { tree: TerritoryTree; regionId: string | null }) {
  const municipalities = tree.find((r) => r.id === regionId)?.municipalities ?? [];
  return (
    <Select
      label={label}
      data={municipalities.map((m) => ({ value: m.id, label: m.name }))}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      required={props.required}
      clearable={props.clearable}
      placeholder={props.placeholder ?? (regionId ? 'Выберите муниципалитет' : 'Сначала выберите регион')}
      description={props.description}
      disabled={props.disabled || !regionId}
      searchable
      allowDeselect={props.clearable ?? false}
    />
  );
}
