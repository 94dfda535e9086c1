/** Dense grids of values (SDR heat maps, decision boundaries) and image rows as one embedded PNG each. */
import sharp from 'sharp';

/** An <image> of RGBA pixels stretched over a box, drawn with crisp pixels. */
export async function imageElement(
  px: { data: Uint8ClampedArray; width: number; height: number },
  x: number,
  y: number,
  w: number,
  h: number,
): Promise<string> {
  const png = await sharp(Buffer.from(px.data.buffer, px.data.byteOffset, px.data.byteLength), {
    raw: { width: px.width, height: px.height, channels: 4 },
  })
    .png()
    .toBuffer();
  return (
    `<image x="${x.toFixed(2)}" y="${y.toFixed(2)}" width="${w.toFixed(2)}" height="${h.toFixed(2)}" ` +
    `preserveAspectRatio="none" image-rendering="pixelated" ` +
    `xlink:href="data:image/png;base64,${png.toString('base64')}"/>`
  );
}
