import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

interface SearchInputProps {
  value: string | undefined;
  onChange: (value: string) => void;
  label?: string;
  placeholder?: string;
}

/** A search box that reports what was typed after a short pause, not on every key. */
export function SearchInput({ value, onChange, label = 'Поиск', placeholder }: SearchInputProps) {
  const [text, setText] = useState(value ?? '');
  const [debounced] = useDebouncedValue(text, 350);

  // biome-ignore lint/correctness/useExhaustiveDependencies: report only when the debounced text changes.
  useEffect(() => {
    if (debounced.trim() !== (value ?? '')) onChange(debounced.trim());
  }, [debounced]);

  // The URL changed from elsewhere (a link, the back button): show its value.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the outside value only.
  useEffect(() => {
    if ((value ?? '') !== debounced.trim()) setText(value ?? '');
  }, [value]);

  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      type="search"
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label="Очистить поиск"
            onClick={() => {
              setText('');
              onChange('');
            }}
          />
        ) : null
      }
      style={{ flex: '1 1 16rem' }}
    />
  );
}
