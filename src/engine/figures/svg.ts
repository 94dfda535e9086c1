/**
 * A few SVG helpers for figures drawn in points (1/72 in): a panel is a body of SVG elements plus its size,
 * placed by translation; the document's width and height carry "pt", so 8-unit text is 8 pt on paper and a
 * PNG at N dpi comes out N/72 pixels per unit.
 */
export const FONT = 'Helvetica, Arial, sans-serif';
export const TITLE_PT = 9;
export const LABEL_PT = 8;
export const TICK_PT = 7;

/** A drawn panel: SVG elements in a width × height box (pt). */
export interface Art {
  width: number;
  height: number;
  body: string;
}

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const num = (v: number): string => String(Math.round(v * 100) / 100);

export interface TextOptions {
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  bold?: boolean;
  rotate?: number;
  fill?: string;
  baseline?: 'auto' | 'middle' | 'hanging';
}

export function text(x: number, y: number, s: string, o: TextOptions = {}): string {
  const attrs = [
    `x="${num(x)}"`,
    `y="${num(y)}"`,
    `font-family="${FONT}"`,
    `font-size="${o.size ?? LABEL_PT}"`,
    `fill="${o.fill ?? '#000'}"`,
    o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
    o.bold ? 'font-weight="bold"' : '',
    o.baseline && o.baseline !== 'auto' ? `dominant-baseline="${o.baseline}"` : '',
    o.rotate ? `transform="rotate(${o.rotate} ${num(x)} ${num(y)})"` : '',
  ];
  return `<text ${attrs.filter(Boolean).join(' ')}>${esc(s)}</text>`;
}

export const rect = (x: number, y: number, w: number, h: number, fill: string, extra = ''): string =>
  `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;

export const polygon = (pts: readonly [number, number][], fill: string): string =>
  `<polygon points="${pts.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')}" fill="${fill}"/>`;

export const line = (x1: number, y1: number, x2: number, y2: number, stroke = '#000', width = 0.5): string =>
  `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${stroke}" stroke-width="${width}"/>`;

export const place = (a: Art, x: number, y: number): string =>
  `<g transform="translate(${num(x)} ${num(y)})">${a.body}</g>`;

/** The standalone document: white background, size in points. */
export function svgDocument(a: Art, title?: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `width="${num(a.width)}pt" height="${num(a.height)}pt" viewBox="0 0 ${num(a.width)} ${num(a.height)}">` +
    (title ? `<title>${esc(title)}</title>` : '') +
    rect(0, 0, a.width, a.height, '#fff') +
    a.body +
    '</svg>\n'
  );
}
