/**
 * The console's files, checked without a browser: the incremental SHA-256
 * against Node's, every message key the code names present in both
 * languages, and no address of another host anywhere in what is served.
 */
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const PUBLIC = resolve(import.meta.dirname, "../../public");
const CONSOLE = join(PUBLIC, "console");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function messages(lang: string): Record<string, string> {
  return JSON.parse(readFileSync(join(CONSOLE, "i18n", `${lang}.json`), "utf8"));
}

describe("the console's SHA-256", () => {
  it("matches node:crypto for every length around the block boundaries, fed in pieces", async () => {
    const url = pathToFileURL(join(CONSOLE, "upload", "sha256.js")).href;
    const { Sha256 } = (await import(url)) as {
      Sha256: new () => { update(b: Uint8Array): unknown; hex(): string };
    };

    for (const size of [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 70_001]) {
      const bytes = randomBytes(size);
      const hash = new Sha256();
      for (let offset = 0; offset < size; offset += 17 + (offset % 50)) {
        hash.update(bytes.subarray(offset, offset + 17 + (offset % 50)));
      }

      expect(hash.hex(), `${size} bytes`).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });
});

describe("the console's messages", () => {
  it("has the same keys in Chinese and English, none empty", () => {
    const zh = messages("zh");
    const en = messages("en");

    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe("");
    }
  });

  it("defines every key the code names literally", () => {
    const en = messages("en");
    const prefixes = Object.keys(en).map((key) => key.split(".")[0]);
    const pattern = new RegExp(
      `["'\`]((?:${[...new Set(prefixes)].join("|")})\\.[a-z_]+)["'\`]`,
      "g",
    );
    const missing = new Set<string>();

    for (const file of filesUnder(CONSOLE).filter((f) => f.endsWith(".js"))) {
      for (const [, key] of readFileSync(file, "utf8").matchAll(pattern)) {
        if (key && !(key in en)) missing.add(`${key} (${file.slice(CONSOLE.length + 1)})`);
      }
    }

    expect([...missing]).toEqual([]);
  });
});

describe("the served files", () => {
  it("name no other host: no CDN, no web font, no analytics", () => {
    const allowed = new Set(["http://www.w3.org/2000/svg", "https://hooks.example.com/gpu-agent"]);
    const foreign: string[] = [];

    for (const file of filesUnder(PUBLIC)) {
      const text = readFileSync(file, "utf8");
      for (const [address] of text.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)]*/gi)) {
        if (!allowed.has(address)) foreign.push(`${file.slice(PUBLIC.length + 1)}: ${address}`);
      }
    }

    expect(foreign).toEqual([]);
  });
});
