// AG Grid Community modules, registered once: only what our grids use (infinite row model, column
// sizing, tooltips, localised texts). Sorting, keyboard and aria support are part of the core module.
import {
  ModuleRegistry,
  InfiniteRowModelModule,
  ColumnAutoSizeModule,
  LocaleModule,
  CellStyleModule,
  RowStyleModule,
  TooltipModule,
  ValidationModule,
} from 'ag-grid-community';

ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  ColumnAutoSizeModule,
  LocaleModule,
  CellStyleModule,
  RowStyleModule,
  TooltipModule,
  // Warnings about misconfigured grids, in development builds only.
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]);
