// Filled by the lab-app issue: one typed function per API call, exposed with contextBridge.
export {};
