// The desktop app's native Save / Open dialog for a workspace backup, attached to the console
// window. The chosen path goes back to the console app, which checks it like any other input.
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { FileDialogRequest } from '../console-app';

const FILTERS = [
  { name: 'Workspace backups (.tar.gz)', extensions: ['gz'] },
  { name: 'All files', extensions: ['*'] },
];

/** The chosen file's path, or null when the dialog was cancelled. */
export async function showFileDialog(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  window: BrowserWindow | null,
  request: FileDialogRequest,
): Promise<string | null> {
  const parent = window && !window.isDestroyed() ? window : null;
  if (request.purpose === 'backup') {
    const options: SaveDialogOptions = {
      title: 'Back up the local workspace',
      defaultPath: request.defaultPath,
      buttonLabel: 'Back up',
      filters: FILTERS,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  }
  const options: OpenDialogOptions = {
    title: 'Restore the local workspace from a backup',
    defaultPath: request.defaultPath,
    buttonLabel: 'Choose backup',
    filters: FILTERS,
    properties: ['openFile'],
  };
  const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}
