/**
 * @module r2-range-reader
 * A zip.js `Reader` over one R2 object that fetches only the byte ranges
 * zip.js asks for (the end record, the central directory, one small entry),
 * so validating a 2 GiB package reads a few kilobytes, not the whole zip.
 */
import { Reader } from "@zip.js/zip.js";

/**
 * The largest single read allowed. zip.js reads the central directory in one
 * piece; 10,000 entries with long names fit in a few MiB, so a directory past
 * this is a hostile zip, refused before it is loaded into memory.
 */
export const MAX_RANGE_READ_BYTES = 16 * 1024 * 1024;

export class R2RangeReader extends Reader<string> {
  constructor(
    private readonly bucket: R2Bucket,
    private readonly key: string,
    objectSize: number,
  ) {
    super(key);
    this.size = objectSize;
  }

  override async readUint8Array(offset: number, length: number): Promise<Uint8Array> {
    const wanted = Math.max(0, Math.min(length, this.size - offset));
    if (wanted === 0) return new Uint8Array(0);
    if (wanted > MAX_RANGE_READ_BYTES) {
      throw new Error(`a single read of ${wanted} bytes exceeds ${MAX_RANGE_READ_BYTES}`);
    }

    const object = await this.bucket.get(this.key, { range: { offset, length: wanted } });
    if (!object) throw new Error(`the object ${this.key} is gone`);
    return new Uint8Array(await object.arrayBuffer());
  }
}
