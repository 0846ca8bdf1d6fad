// The look: a calm, professional office style. One Mantine theme and one AG Grid theme, with colours
// dark enough that text passes WCAG AA contrast (axe-core checks this in the e2e tests).
import { createTheme, defaultVariantColorsResolver, parseThemeColor, Modal, Notification } from '@mantine/core';
import type { CSSVariablesResolver, MantineColorsTuple, VariantColorsResolver } from '@mantine/core';

// A muted school blue; shade 7 carries white text at more than 4.5:1.
export const schoolblauw: MantineColorsTuple = [
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

export const fontFamily = "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif";

/**
 * Text on light, subtle and outline buttons and badges uses shade 9 of its colour (Mantine's default
 * is shade 6, too light on a pale background for AA contrast).
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const r = defaultVariantColorsResolver(input);
  if (!['light', 'subtle', 'outline', 'transparent'].includes(input.variant)) return r;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const palette = parsed.isThemeColor ? input.theme.colors[parsed.color] : undefined;
  if (!palette) return r;
  const text = palette[9];
  return { ...r, color: text, hoverColor: text, border: input.variant === 'outline' ? `1px solid ${text}` : r.border };
};

/** The theme; `closeLabel` names every close button (axe: buttons need a name) in the UI language. */
export const makeTheme = (closeLabel: string) =>
  createTheme({
    variantColorResolver,
    primaryColor: 'schoolblauw',
    primaryShade: 7,
    colors: { schoolblauw },
    fontFamily,
    headings: { fontFamily, fontWeight: '600' },
    defaultRadius: 'sm',
    cursorType: 'pointer',
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
    },
  });

/** Mantine's default "dimmed" grey is too light for AA contrast on white and grey-0. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#555d66',
    '--mantine-color-placeholder': '#6b737b',
    // Error messages next to fields: red.9 instead of red.6.
    '--mantine-color-error': '#c92a2a',
  },
  dark: {},
});
