// Building blocks shared by the science preset families (./presets-science-*.ts).
export const mnist = (trainLimit: number, testLimit = 5000) =>
  ({ source: 'builtin', name: 'mnist', trainLimit, testLimit }) as const;
export const grid = (rows: number, cols: number, mask = true) => ({ rows, cols, mask });
export const lenetConv = [
  { rows: 4, cols: 4, kernel: 5, mask: true },
  { rows: 4, cols: 8, kernel: 5, mask: true },
];
