/**
 * Native folder dialogs. A folder the user picks is granted (UserFolders) before its path reaches the
 * renderer: picking is what allows the renderer to open it.
 */
import type { FolderKind, UserFolders } from './user-folders';

export interface OpenDialogOptions {
  title: string;
  buttonLabel: string;
  properties: ('openDirectory' | 'createDirectory' | 'promptToCreate')[];
}
export type ShowOpenDialog = (o: OpenDialogOptions) => Promise<{ canceled: boolean; filePaths: string[] }>;

export const DIALOGS: Record<FolderKind | 'new-project', OpenDialogOptions> = {
  project: {
    title: 'Choose a project folder (an existing project, or an empty folder for a new one)',
    buttonLabel: 'Choose',
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  },
  'new-project': {
    title: 'Choose an empty folder for the new project',
    buttonLabel: 'Create project here',
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  },
  dataset: { title: 'Choose a dataset folder', buttonLabel: 'Use this folder', properties: ['openDirectory'] },
};

/** Shows the dialog for `purpose`; the chosen folder is granted as `kind` and returned (null if cancelled). */
export async function pickAndGrant(
  show: ShowOpenDialog,
  folders: UserFolders,
  purpose: keyof typeof DIALOGS,
): Promise<string | null> {
  const r = await show(DIALOGS[purpose]);
  const picked = r.canceled ? undefined : r.filePaths[0];
  return picked ? folders.grant(purpose === 'dataset' ? 'dataset' : 'project', picked) : null;
}
