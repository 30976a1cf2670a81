import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { isoToRu, ruToIso } from '../lib/deadline-reading.ts';

interface DateTextInputProps {
  label: string;
  /** ISO date or null. */
  value: string | null;
  /** Called with the ISO date once the text is a real date (null when emptied and `allowEmpty`). */
  onChange: (value: string | null) => void;
  id?: string;
  required?: boolean;
  allowEmpty?: boolean;
  error?: string | undefined;
  description?: string;
  w?: number | string;
}

/** A date typed as officials write it, ДД.ММ.ГГГГ; the value changes only when the text is a real date. */
export function DateTextInput(props: DateTextInputProps) {
  const { value, onChange, allowEmpty = false } = props;
  const [text, setText] = useState(isoToRu(value));
  const [touched, setTouched] = useState(false);

  // A value set from outside (a reset, a fresh record) replaces what is typed, unless it is the same date.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only outside changes of the value matter.
  useEffect(() => {
    if ((ruToIso(text) ?? null) !== value && !(value === null && text.trim() === '')) setText(isoToRu(value));
  }, [value]);

  const empty = text.trim() === '';
  const invalid = empty ? !allowEmpty : ruToIso(text) === null;
  const ownError = invalid && (touched || text.trim().length >= 10) ? 'Введите дату в формате ДД.ММ.ГГГГ.' : undefined;

  return (
    <TextInput
      id={props.id}
      label={props.label}
      description={props.description}
      placeholder="ДД.ММ.ГГГГ"
      value={text}
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      required={props.required}
      error={props.error ?? ownError}
      w={props.w ?? 180}
      onBlur={() => setTouched(true)}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        if (next.trim() === '') {
          if (allowEmpty) onChange(null);
          return;
        }
        const iso = ruToIso(next);
        if (iso !== null && iso !== value) onChange(iso);
      }}
    />
  );
}
