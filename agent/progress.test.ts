import { describe, expect, it } from "vitest";
import { MAX_MESSAGE_BYTES } from "../src/protocol/messages.ts";
import { fitToFrames, LineCollector, MAX_LINE_CHARS, tailWithin } from "./progress.ts";

describe("output lines", () => {
  it("splits chunks into lines across chunk boundaries", () => {
    const lines = new LineCollector();

    lines.push("epo");
    lines.push("ch 1\r\nepoch 2\npartial");
    lines.end();

    expect(lines.take()).toEqual(["epoch 1", "epoch 2", "partial"]);
    expect(lines.take()).toEqual([]);
  });

  it("cuts an endless line instead of holding it in memory", () => {
    const lines = new LineCollector();

    lines.push("x".repeat(MAX_LINE_CHARS * 3));

    expect(lines.take().map((line) => line.length)).toEqual([MAX_LINE_CHARS]);
  });

  it("summarises a flood beyond one batch and keeps the last 50 lines", () => {
    const lines = new LineCollector();

    lines.push(`${Array.from({ length: 1200 }, (_, i) => `line ${i}`).join("\n")}\n`);

    const batch = lines.take();
    expect(batch).toHaveLength(500);
    expect(batch.at(-1)).toBe("[gpu-agent] 701 more lines not streamed; see logs.txt");
    expect(lines.tail()).toHaveLength(50);
    expect(lines.tail().at(-1)).toBe("line 1199");
  });
});

describe("progress frames", () => {
  it("keeps a small batch in one frame", () => {
    const batch = { lines: ["a", "b"], metrics: [{ loss: 1 }] };

    expect(fitToFrames(batch)).toEqual([batch]);
  });

  it("cuts a batch whose JSON would pass the frame limit, losing nothing", () => {
    const escaped = "\u0001".repeat(MAX_LINE_CHARS);
    const lines = Array.from({ length: 100 }, () => escaped);

    const frames = fitToFrames({ lines, metrics: [] });

    expect(frames.length).toBeGreaterThan(1);
    expect(frames.flatMap((frame) => frame.lines)).toHaveLength(100);
    for (const frame of frames) {
      expect(Buffer.byteLength(JSON.stringify(frame))).toBeLessThan(MAX_MESSAGE_BYTES);
    }
  });

  it("keeps the end of a log tail that would not fit", () => {
    const lines = Array.from(
      { length: 50 },
      (_, i) => `${i}${"\u0001".repeat(MAX_LINE_CHARS - 3)}`,
    );

    const tail = tailWithin(lines);

    expect(tail.length).toBeLessThan(50);
    expect(tail.at(-1)).toBe(lines.at(-1));
  });
});
