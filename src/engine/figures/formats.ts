/**
 * One SVG document in the file formats a paper takes: PDF through pdfkit + svg-to-pdfkit (vector, the page
 * exactly the figure's size), PNG through sharp (librsvg) at a chosen DPI, and an animated GIF of several
 * frames through gifenc (one palette per frame).
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import sharp from 'sharp';
import * as gifModule from 'gifenc';
import type { Art } from './svg';

export async function svgToPdf(svg: string, art: Pick<Art, 'width' | 'height'>, title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: [art.width, art.height], margin: 0, info: { Title: title, Creator: 'SOM Lab' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  SVGtoPDF(doc as never, svg, 0, 0, { width: art.width, height: art.height, assumePt: true });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * The document as sharp should read it: sizes in "pt" are converted by librsvg and then scaled by the density
 * again, so the rasteriser gets plain user units (1 unit = 1 pt) and the density alone sets pixels per inch.
 */
const forRaster = (svg: string): Buffer =>
  Buffer.from(svg.replace(/^(<svg[^>]*?) width="([\d.]+)pt" height="([\d.]+)pt"/, '$1 width="$2" height="$3"'));

export async function svgToPng(svg: string, dpi: number): Promise<Buffer> {
  return sharp(forRaster(svg), { density: dpi })
    .flatten({ background: '#ffffff' })
    .withMetadata({ density: dpi })
    .png()
    .toBuffer();
}

/** RGBA pixels of an SVG at a DPI (frames of a GIF). */
export async function svgToRgba(svg: string, dpi: number): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(forRaster(svg), { density: dpi })
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Node loads gifenc's CommonJS build (functions on its default export), bundlers its ES build (named exports). */
function gifenc(): typeof gifModule.default {
  return typeof gifModule.GIFEncoder === 'function' ? gifModule : gifModule.default;
}

/** Frames of one size as an animated GIF that loops, `delayMs` per frame. */
export function framesToGif(frames: { data: Uint8Array; width: number; height: number }[], delayMs: number): Buffer {
  const { applyPalette, GIFEncoder, quantize } = gifenc();
  const gif = GIFEncoder();
  for (const f of frames) {
    const palette = quantize(f.data, 256);
    gif.writeFrame(applyPalette(f.data, palette), f.width, f.height, { palette, delay: delayMs });
  }
  gif.finish();
  return Buffer.from(gif.bytes());
}
