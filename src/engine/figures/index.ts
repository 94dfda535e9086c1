/** Figures rendered in Node for the UI and the CLI alike (SVG, PDF, PNG, pgfplots, CSV, GIF). */
export { exportPanel, renderFigure } from './export';
export { preparePanel } from './panels';
export { projectSource, type FigureSource } from './source';
