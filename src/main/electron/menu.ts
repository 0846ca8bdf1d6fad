// The Dutch application menu: Bestand, Bewerken, Beeld, Help. Minimal on purpose; the app's own
// navigation is in the window. Developer tools only outside the packaged app.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openDataFolder(): void;
  about(): void;
  privacy?(): void;
  devTools: boolean;
}

export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    {
      label: 'Bestand',
      submenu: [
        { label: 'Gegevensmap openen', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: 'Afsluiten', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: 'Bewerken',
      submenu: [
        { label: 'Ongedaan maken', role: 'undo' },
        { label: 'Opnieuw', role: 'redo' },
        { type: 'separator' },
        { label: 'Knippen', role: 'cut' },
        { label: 'Kopiëren', role: 'copy' },
        { label: 'Plakken', role: 'paste' },
        { label: 'Alles selecteren', role: 'selectAll' },
      ],
    },
    {
      label: 'Beeld',
      submenu: [
        { label: 'Vernieuwen', role: 'reload' },
        { type: 'separator' },
        { label: 'Ware grootte', role: 'resetZoom' },
        { label: 'Inzoomen', role: 'zoomIn' },
        { label: 'Uitzoomen', role: 'zoomOut' },
        { type: 'separator' },
        { label: 'Volledig scherm', role: 'togglefullscreen' },
        ...(actions.devTools ? [{ label: 'Ontwikkelaarshulpmiddelen', role: 'toggleDevTools' } as const] : []),
      ],
    },
    {
      label: 'Help',
      submenu: [
        ...(actions.privacy ? [{ label: 'Privacy', click: () => actions.privacy?.() }] : []),
        { label: 'Over Schoolprotocol', click: () => actions.about() },
      ],
    },
  ];
}
