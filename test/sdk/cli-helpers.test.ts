/**
 * The CLI's pure helpers: which log lines `jobs watch` has not shown yet,
 * and the file names `artifacts download` gives artifacts that share a name.
 */
import { describe, expect, it } from "vitest";
import { fileNames } from "../../sdk/ts/cli/artifacts-usage.ts";
import { newLines } from "../../sdk/ts/cli/jobs.ts";
import type { Artifact, ComputeUnit } from "../../sdk/ts/index.ts";

describe("jobs watch log lines", () => {
  it("shows only the lines after those already shown", () => {
    expect(newLines(["a", "b", "c"], ["b", "c", "d", "e"])).toEqual(["d", "e"]);
  });

  it("shows the whole tail when nothing overlaps", () => {
    expect(newLines(["a"], ["x", "y"])).toEqual(["x", "y"]);
    expect(newLines([], ["x"])).toEqual(["x"]);
  });

  it("shows nothing when the tail did not move", () => {
    expect(newLines(["a", "b"], ["a", "b"])).toEqual([]);
  });
});

describe("artifacts download file names", () => {
  const unit = (id: string, stage: string, shard_index = 0, shard_count = 1) =>
    ({ id, stage, shard_index, shard_count }) as ComputeUnit;
  const artifact = (id: string, compute_unit_id: string, name: string) =>
    ({ id, compute_unit_id, name }) as Artifact;

  it("keeps unique names and prefixes shared ones with the stage and shard", () => {
    const units = [unit("u1", "prepare"), unit("u2", "sweep", 0, 2), unit("u3", "sweep", 1, 2)];
    const artifacts = [
      artifact("a1", "u1", "logs.txt"),
      artifact("a2", "u2", "logs.txt"),
      artifact("a3", "u3", "logs.txt"),
      artifact("a4", "u2", "checkpoint.pt"),
    ];

    const names = fileNames(artifacts, units);

    expect([...names.values()]).toEqual([
      "prepare-logs.txt",
      "sweep-0-logs.txt",
      "sweep-1-logs.txt",
      "checkpoint.pt",
    ]);
  });

  it("never lets a name climb out of the download folder", () => {
    const names = fileNames([artifact("a1", "u1", "../../etc/passwd")], [unit("u1", "train")]);

    expect(names.get("a1")).toBe("passwd");
  });
});
