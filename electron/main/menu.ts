import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newWindow(): void;
  openWorkbook(): void;
}

/** Dutch application menu. Edit roles keep copy/paste and undo working in inputs and grid editors. */
export function menuTemplate(actions: MenuActions, isMac: boolean): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const, label: 'Werkboek' }] : []),
    {
      label: 'Bestand',
      submenu: [
        { label: 'Nieuw venster', accelerator: 'CmdOrCtrl+N', click: actions.newWindow },
        { label: 'Werkboek openen…', accelerator: 'CmdOrCtrl+O', click: actions.openWorkbook },
        { type: 'separator' },
        { role: 'close', label: 'Venster sluiten' },
        ...(isMac ? [] : [{ role: 'quit' as const, label: 'Afsluiten' }]),
      ],
    },
    {
      label: 'Bewerken',
      submenu: [
        { role: 'undo', label: 'Ongedaan maken' },
        { role: 'redo', label: 'Opnieuw' },
        { type: 'separator' },
        { role: 'cut', label: 'Knippen' },
        { role: 'copy', label: 'Kopiëren' },
        { role: 'paste', label: 'Plakken' },
        { role: 'selectAll', label: 'Alles selecteren' },
      ],
    },
    {
      label: 'Beeld',
      submenu: [
        { role: 'resetZoom', label: 'Werkelijke grootte' },
        { role: 'zoomIn', label: 'Inzoomen' },
        { role: 'zoomOut', label: 'Uitzoomen' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Volledig scherm' },
      ],
    },
    { role: 'windowMenu', label: 'Venster' },
    { label: 'Help', submenu: [{ role: 'about', label: 'Over Werkboek' }] },
  ];
}
