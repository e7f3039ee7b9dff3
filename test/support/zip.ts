/** Zips files held in memory, for packages made by tests and benchmarks. */
import { TextReader, Uint8ArrayWriter, ZipWriter } from "@zip.js/zip.js";

export async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false });
  for (const [name, text] of Object.entries(files)) await writer.add(name, new TextReader(text));
  return writer.close();
}
