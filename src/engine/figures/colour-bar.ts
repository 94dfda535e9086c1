/** A vertical colour scale with ticks and a label, for map panels that show a quantity. */
import { rgbCss, SCALES, type ScaleName } from '../../shared/charts/colours';
import { axisFor } from '../../shared/charts/ticks';
import { line, rect, text, TICK_PT, type Art } from './svg';

export const COLOUR_BAR_WIDTH = 40;

export function colourBar(scale: ScaleName, range: [number, number], label: string, height: number): Art {
  const steps = 48,
    x = 4,
    w = 7,
    top = 4,
    h = height - 8;
  const cells: string[] = [];
  for (let k = 0; k < steps; k++) {
    const t = 1 - (k + 0.5) / steps;
    cells.push(rect(x, top + (k * h) / steps, w, h / steps + 0.2, rgbCss(SCALES[scale](t))));
  }
  const axis = axisFor(range, { target: 4 });
  const ticks = axis.ticks
    .map((v, i) => ({ v, label: axis.labels[i]! }))
    .filter(({ v }) => v >= range[0] - 1e-12 && v <= range[1] + 1e-12);
  const span = range[1] - range[0] || 1;
  const marks = ticks.map(({ v, label: l }) => {
    const y = top + h * (1 - (v - range[0]) / span);
    return line(x + w, y, x + w + 2, y) + text(x + w + 3, y + TICK_PT * 0.35, l, { size: TICK_PT });
  });
  const name = text(COLOUR_BAR_WIDTH - 2, top + h / 2, label, { size: TICK_PT, anchor: 'middle', rotate: -90 });
  return {
    width: COLOUR_BAR_WIDTH,
    height,
    body: cells.join('') + rect(x, top, w, h, 'none', 'stroke="#000" stroke-width="0.4"') + marks.join('') + name,
  };
}
