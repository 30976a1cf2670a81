// Mantine theme: calm blue, darker shades so white-on-primary and links keep WCAG AA contrast, Russian
// labels for the few controls Mantine names itself.
import {
  type CSSVariablesResolver,
  createTheme,
  Modal,
  Notification,
  PasswordInput,
  Select,
  Table,
} from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 6 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "PT Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Modal: Modal.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Закрыть' }, centered: true },
    }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Закрыть уведомление' } },
    }),
    // The label must not contain «пароль»: tests find the password field by its label «Пароль».
    PasswordInput: PasswordInput.extend({
      defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Показать или скрыть символы' } },
    }),
    Select: Select.extend({
      defaultProps: {
        nothingFoundMessage: 'Ничего не найдено',
        clearButtonProps: { 'aria-label': 'Очистить' },
        comboboxProps: { shadow: 'md' },
      },
    }),
    Table: Table.extend({ defaultProps: { verticalSpacing: 'xs', highlightOnHover: true } }),
  },
});

/** Mantine's default «dimmed» grey (#868e96) is below 4.5:1 on white; use a darker one. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057' },
  dark: {},
});
