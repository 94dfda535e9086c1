/**
 * Float32 rows in a .npy file, written as they stream in and read back by byte range. The writer reserves a
 * header big enough for any row count, appends rows in large writes (settle() lets them land), and at the
 * end writes the real header in place, fsyncs and renames the temp file over the target: a crash never
 * leaves a half-written array under the final name. The reader checks the header against the file's size,
 * so a truncated file is an error before any row is read.
 */
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { npyHeader, npyLayout } from '../../runs/npy';
import type { RowSink } from '../rows';

/** Room for the dict of any 2-D float32 shape (its header is under 100 bytes). */
const HEADER_BYTES = 128;
const FLUSH_ROWS = 8192;

export class NpyRowWriter implements RowSink {
  count = 0;
  private buf: Float32Array;
  private fill = 0;
  private readonly queue: Float32Array[] = [];
  private offset = HEADER_BYTES;

  readonly width: number;
  private readonly tmp: string;
  /** Opened at once, awaited at the first write (a loader's sink factory is synchronous). */
  private readonly file: Promise<FileHandle>;

  /** `shape` is the per-row shape ([F], or [28, 28, 1]); the file's is [count, ...shape]. */
  constructor(
    private readonly path: string,
    private readonly shape: readonly number[],
  ) {
    this.width = shape.reduce((a, b) => a * b, 1);
    this.buf = new Float32Array(this.width * FLUSH_ROWS);
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    this.file = open(this.tmp, 'w');
    this.file.catch(() => undefined); // reported where it is awaited
  }

  add(row: ArrayLike<number>): void {
    this.buf.set(row, this.fill);
    this.fill += this.width;
    this.count++;
    if (this.fill === this.buf.length) this.rotate();
  }

  private rotate(): void {
    this.queue.push(this.buf.subarray(0, this.fill));
    this.buf = new Float32Array(this.width * FLUSH_ROWS);
    this.fill = 0;
  }

  async settle(): Promise<void> {
    const fh = await this.file;
    for (let b = this.queue.shift(); b; b = this.queue.shift()) {
      await fh.write(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), 0, b.byteLength, this.offset);
      this.offset += b.byteLength;
    }
  }

  /** Writes the header for the rows written, and moves the file to its name. */
  async finish(): Promise<void> {
    const fh = await this.file;
    try {
      if (this.fill > 0) this.rotate();
      await this.settle();
      await fh.write(npyHeader('float32', [this.count, ...this.shape], HEADER_BYTES), 0, HEADER_BYTES, 0);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(this.tmp, this.path);
  }

  /** Drops the temp file (the load failed). */
  async abort(): Promise<void> {
    await this.file.then((fh) => fh.close()).catch(() => undefined);
    await unlink(this.tmp).catch(() => undefined);
  }
}

/** Rows of a float32 .npy file, read by range. */
export class NpyRows {
  private constructor(
    private readonly fh: FileHandle,
    private readonly start: number,
    readonly count: number,
    readonly width: number,
  ) {}

  /** Opens `path` and checks it holds exactly `count` rows of `width` float32 values. */
  static async open(path: string, count: number, width: number): Promise<NpyRows> {
    const fh = await open(path, 'r');
    try {
      const head = Buffer.alloc(4096);
      const { bytesRead } = await fh.read(head, 0, head.length, 0);
      const l = npyLayout(head.subarray(0, bytesRead), path);
      const size = (await fh.stat()).size;
      const want = l.start + count * width * 4;
      if (l.dtype !== 'float32' || l.shape[0] !== count || l.count !== count * width)
        throw new Error(`${path}: holds ${l.dtype} (${l.shape.join(', ')}), expected float32 ${count} × ${width}`);
      if (size !== want) throw new Error(`${path}: ${size} bytes, expected ${want} (truncated or overwritten)`);
      return new NpyRows(fh, l.start, count, width);
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  /** Rows [row, row + n) into `into` (allocated when not given). */
  async read(row: number, n: number, into = new Float32Array(n * this.width)): Promise<Float32Array> {
    const bytes = n * this.width * 4;
    const view = new Uint8Array(into.buffer, into.byteOffset, bytes);
    let done = 0;
    while (done < bytes) {
      const pos = this.start + row * this.width * 4 + done;
      const { bytesRead } = await this.fh.read(view, done, bytes - done, pos);
      if (bytesRead === 0) throw new Error(`cache file ended at row ${row + done / (this.width * 4)}`);
      done += bytesRead;
    }
    return into;
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}
