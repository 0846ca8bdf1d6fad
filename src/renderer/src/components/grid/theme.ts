// AG Grid's look in the app's colours and font. Kept beside the grid (not in ../../theme.ts) so the
// first screen, which has no grid, does not load AG Grid.
import { themeQuartz } from 'ag-grid-community';
import { fontFamily, schoolblauw } from '../../theme';

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
  // Narrower side padding: nine columns fit a 1366-pixel screen without cutting values off.
  cellHorizontalPaddingScale: 0.75,
  oddRowBackgroundColor: '#fafbfc',
});
