// The look: a calm, professional office style. One Mantine theme and one AG Grid theme, with colours
// dark enough that text passes WCAG AA contrast (axe-core checks this in the e2e tests).
import { createTheme } from '@mantine/core';
import type { CSSVariablesResolver, MantineColorsTuple } from '@mantine/core';
import { themeQuartz } from 'ag-grid-community';

// A muted school blue; shade 7 carries white text at more than 4.5:1.
const schoolblauw: MantineColorsTuple = [
  '#eef3fa',
  '#dbe4f1',
  '#b3c7e3',
  '#88a8d5',
  '#658ec9',
  '#4f7dc2',
  '#3f6fb5',
  '#2f5c9a',
  '#25507f',
  '#1b3f66',
];

const fontFamily =
  "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif";

export const mantineTheme = createTheme({
  primaryColor: 'schoolblauw',
  primaryShade: 7,
  colors: { schoolblauw },
  fontFamily,
  headings: { fontFamily, fontWeight: '600' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
});

/** Mantine's default "dimmed" grey is too light for AA contrast on white and grey-0. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#555d66',
    '--mantine-color-placeholder': '#6b737b',
  },
  dark: {},
});

export const gridTheme = themeQuartz.withParams({
  fontFamily,
  fontSize: 14,
  accentColor: schoolblauw[7],
  foregroundColor: '#1f2933',
  headerBackgroundColor: '#f1f4f8',
  headerTextColor: '#1f2933',
  headerFontWeight: 600,
  rowHoverColor: schoolblauw[0],
  selectedRowBackgroundColor: schoolblauw[1],
  borderColor: '#d5dbe3',
  wrapperBorderRadius: 4,
  spacing: 6,
  oddRowBackgroundColor: '#fafbfc',
});
