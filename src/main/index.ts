// Electron main: filled by the lab-app issue (window, projects, training, dialogs, menu modules).
export {};
