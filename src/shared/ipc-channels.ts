/**
 * Electron IPC channel names, shared by main and the preload. Api calls are invoked on `somlab:<call>`;
 * the others are the shell's own.
 */
export const apiChannel = (call: string): string => `somlab:${call}`;

export const SHELL_CHANNELS = {
  /** preload → main (invoke): a folder dropped on the window, by path (webUtils.getPathForFile). */
  dropped: 'somlab:shell:dropped',
  /** main → preload (send): an application-menu or shell action for the renderer (see ShellAction). */
  action: 'somlab:menu',
  /** main → preload (postMessage): the MessagePort that carries run events. */
  events: 'somlab:events',
} as const;

/** What main tells the renderer: menu commands, and that main opened a project itself. */
export const SHELL_ACTIONS = [
  'new-run',
  'view-runs',
  'view-live',
  'view-compare',
  'view-playground',
  'shortcuts',
  'project-changed',
] as const;
export type ShellAction = (typeof SHELL_ACTIONS)[number];
