// A grid export is a list of typed columns; CSV and .xlsx write the same columns each their own way.
export type ColumnKind = 'text' | 'date' | 'number';

export interface Column<T> {
  header: string;
  kind: ColumnKind;
  /** Width in characters for the .xlsx sheet. */
  width: number;
  /** Text, an ISO date (YYYY-MM-DD) for a date column, a number, or null. */
  value: (row: T) => string | number | null;
}
