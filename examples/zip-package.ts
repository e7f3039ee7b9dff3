/**
 * Zips training-package directories into one package zip, deterministically
 * (the same files always give the same bytes and SHA-256):
 *
 *   node examples/zip-package.ts OUT.zip DIR [DIR...]
 *
 * A file in a later DIR replaces the same path in an earlier one, e.g. the
 * sweep package is `examples/tiny-mlp/package` plus `examples/tiny-mlp-sweep`.
 */
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { zipPackage } from "../agent/package-zip.ts";

const [out, ...dirs] = process.argv.slice(2);
if (out === undefined || dirs.length === 0) {
  console.error("usage: node examples/zip-package.ts OUT.zip DIR [DIR...]");
  process.exit(2);
}

const bytes = await zipPackage(dirs);
await writeFile(out, bytes);
const sha256 = createHash("sha256").update(bytes).digest("hex");
console.log(JSON.stringify({ file: out, size_bytes: bytes.byteLength, sha256 }));
