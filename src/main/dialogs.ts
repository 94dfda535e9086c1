/** Native folder pickers for the project and dataset folders. */
import { dialog, type BrowserWindow } from 'electron';

export function folderPicker(win: () => BrowserWindow | null) {
  return async (purpose: 'project' | 'dataset'): Promise<string | null> => {
    const w = win();
    const opts = {
      title: purpose === 'project' ? 'Choose or create a project folder' : 'Choose a dataset folder',
      properties:
        purpose === 'project' ? ['openDirectory' as const, 'createDirectory' as const] : ['openDirectory' as const],
    };
    const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
}
