// Filters of the schools of a run or of an approved list: a search by name or code, the category, the
// municipality and a sign (red zone, objectivity, first time or again). They live in the address.
import { Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ExportFormat } from '../api/identification.ts';
import { type SchoolFilter, type SchoolSign, schoolSignLabels } from '../lib/identification-format.ts';
import { SearchInput } from './SearchInput.tsx';

export const schoolFilterKeys = ['q', 'category', 'municipalityId', 'sign'] as const;

interface IdentificationSchoolFiltersProps {
  values: SchoolFilter;
  update: (changes: Record<string, string | null | undefined>) => void;
  categories: readonly number[];
  /** A run also has the schools it did not list. */
  withUnlisted: boolean;
  municipalities: { value: string; label: string }[];
  signs: readonly SchoolSign[];
}

export function IdentificationSchoolFilters(props: IdentificationSchoolFiltersProps) {
  const { values, update, categories, withUnlisted, municipalities, signs } = props;
  const options = [
    { value: 'all', label: 'Все' },
    ...(withUnlisted ? [{ value: 'listed', label: 'Включены' }] : []),
    ...categories.map((c) => ({ value: String(c), label: `Кат. ${c}` })),
    ...(withUnlisted ? [{ value: 'none', label: 'Не включены' }] : []),
  ];
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <SearchInput
        value={values.q}
        onChange={(q) => update({ q })}
        label="Поиск школы"
        placeholder="Наименование или код"
      />
      {options.length > 2 && (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="category-filter-label">
            Категория
          </Text>
          <SegmentedControl
            aria-labelledby="category-filter-label"
            value={values.category ?? 'all'}
            onChange={(v) => update({ category: v === 'all' ? null : v })}
            data={options}
          />
        </Stack>
      )}
      {municipalities.length > 1 && (
        <Select
          label="Муниципалитет"
          data={municipalities}
          value={values.municipalityId ?? null}
          onChange={(v) => update({ municipalityId: v })}
          clearable
          searchable
          placeholder="Все муниципалитеты"
          w={260}
        />
      )}
      {signs.length > 0 && (
        <Select
          label="Признак"
          data={signs.map((s) => ({ value: s, label: schoolSignLabels[s] }))}
          value={values.sign ?? null}
          onChange={(v) => update({ sign: v })}
          clearable
          placeholder="Любой"
          w={200}
        />
      )}
    </Group>
  );
}

/** The downloads of a run or a list; the server names the file. */
export function IdentificationExportButtons({ url }: { url: (format: ExportFormat) => string }) {
  return (
    <>
      {(['xlsx', 'docx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={url(format)}
          download
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden />}
        >
          Скачать {format.toUpperCase()}
        </Button>
      ))}
    </>
  );
}
