"""The platform's `prepare` stage: check the dataset and split it.

Runs like any unit (see agent/README.md), with the dataset in
GPU_AGENT_DATA_DIR. Writes to GPU_AGENT_OUTPUT_DIR:

  dataset.json       what was found: every file with its size and SHA-256,
                     the split file, its row counts and the rule used
  train.<ext>        when the dataset holds exactly one tabular file
  validation.<ext>   (.csv, .tsv, .jsonl or .ndjson, or a file without such
                     an extension whose content is CSV, TSV or JSON Lines),
                     its rows split 90/10; <ext> names the format found

The split is deterministic: data row i (0-based, a CSV/TSV header excluded
and repeated in both files) goes to validation when i % 10 == 9, else to
train. The same dataset always gives the same split, on any node.

A dataset with no tabular file, or several, is checked and described but not
split; training then reads GPU_AGENT_DATA_DIR directly. An empty dataset, a
CSV that cannot be parsed or a JSON Lines line that is not JSON fails the
stage with a message saying where.
"""

import contextlib
import csv
import hashlib
import json
import os
import sys

TABULAR = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
VALIDATION_EVERY = 10


def main() -> int:
    data_dir = os.environ["GPU_AGENT_DATA_DIR"]
    output_dir = os.environ["GPU_AGENT_OUTPUT_DIR"]

    files = list_files(data_dir)
    if not files:
        print(f"prepare: the dataset is empty ({data_dir} holds no file)", file=sys.stderr)
        return 1
    print(f"prepare: {len(files)} file(s) in the dataset")

    for f in files:
        f["format"] = file_format(os.path.join(data_dir, f["path"]))
    tabular = [f for f in files if f["format"] is not None]
    summary = {"files": files, "split": None}
    if len(tabular) == 1:
        source = tabular[0]["path"]
        try:
            path = os.path.join(data_dir, source)
            summary["split"] = split(path, tabular[0]["format"], output_dir)
        except ValueError as err:
            print(f"prepare: {source}: {err}", file=sys.stderr)
            return 1
        summary["split"]["source"] = source
        split_info = summary["split"]
        print(
            f"prepare: split {source}: {split_info['train_rows']} train rows, "
            f"{split_info['validation_rows']} validation rows"
        )
    else:
        reason = "no tabular file" if not tabular else f"{len(tabular)} tabular files"
        summary["split_skipped"] = f"{reason}; training reads GPU_AGENT_DATA_DIR"
        print(f"prepare: not split ({summary['split_skipped']})")

    with open(os.path.join(output_dir, "dataset.json"), "w", encoding="utf-8") as out:
        json.dump(summary, out, indent=2, sort_keys=True)
    return 0


def list_files(root: str) -> list:
    found = []
    for directory, subdirs, names in os.walk(root):
        subdirs.sort()
        for name in sorted(names):
            path = os.path.join(directory, name)
            if not os.path.isfile(path) or os.path.islink(path):
                continue
            found.append(
                {
                    "path": os.path.relpath(path, root),
                    "size_bytes": os.path.getsize(path),
                    "sha256": sha256(path),
                }
            )
    return found


def file_format(path: str):
    """csv, tsv or jsonl by extension; for a file without a known one, by its first bytes."""
    ext = extension(path)
    if ext in TABULAR:
        return TABULAR[ext]
    if ext not in ("", ".txt", ".data", ".dat"):
        return None
    with open(path, "rb") as handle:
        sample = handle.read(64 * 1024)
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    if lines[0].lstrip().startswith("{"):
        try:
            json.loads(lines[0])
            return "jsonl"
        except json.JSONDecodeError:
            return None
    try:
        dialect = csv.Sniffer().sniff("\n".join(lines[:20]), delimiters=",\t")
    except csv.Error:
        return None
    return "tsv" if dialect.delimiter == "\t" else "csv"


def split(path: str, kind: str, output_dir: str) -> dict:
    ext = {"csv": ".csv", "tsv": ".tsv", "jsonl": ".jsonl"}[kind]
    train_path = os.path.join(output_dir, "train" + ext)
    validation_path = os.path.join(output_dir, "validation" + ext)
    if kind == "jsonl":
        counts = split_jsonl(path, train_path, validation_path)
    else:
        counts = split_delimited(path, train_path, validation_path, "\t" if kind == "tsv" else ",")
    if counts[0] + counts[1] == 0:
        raise ValueError("the file has no data rows")
    return {
        "format": kind,
        "train": os.path.basename(train_path),
        "validation": os.path.basename(validation_path),
        "train_rows": counts[0],
        "validation_rows": counts[1],
        "rule": f"data row i goes to validation when i % {VALIDATION_EVERY} == "
        f"{VALIDATION_EVERY - 1}, else to train",
    }


def split_delimited(path, train_path, validation_path, delimiter):
    counts = [0, 0]
    with contextlib.ExitStack() as stack:
        source = stack.enter_context(open(path, newline="", encoding="utf-8"))
        train_file = stack.enter_context(open(train_path, "w", newline="", encoding="utf-8"))
        validation_file = stack.enter_context(
            open(validation_path, "w", newline="", encoding="utf-8")
        )
        reader = csv.reader(source, delimiter=delimiter)
        writers = [
            csv.writer(train_file, delimiter=delimiter, lineterminator="\n"),
            csv.writer(validation_file, delimiter=delimiter, lineterminator="\n"),
        ]
        try:
            header = next(reader, None)
            if header is None:
                return counts
            for writer in writers:
                writer.writerow(header)
            index = 0
            for row in reader:
                if not row:
                    continue
                side = 1 if index % VALIDATION_EVERY == VALIDATION_EVERY - 1 else 0
                writers[side].writerow(row)
                counts[side] += 1
                index += 1
        except csv.Error as err:
            raise ValueError(f"line {reader.line_num}: {err}") from err
    return counts


def split_jsonl(path, train_path, validation_path):
    counts = [0, 0]
    with contextlib.ExitStack() as stack:
        source = stack.enter_context(open(path, encoding="utf-8"))
        outputs = [
            stack.enter_context(open(train_path, "w", encoding="utf-8")),
            stack.enter_context(open(validation_path, "w", encoding="utf-8")),
        ]
        index = 0
        for number, line in enumerate(source, start=1):
            if not line.strip():
                continue
            try:
                json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"line {number} is not JSON ({err.msg})") from err
            side = 1 if index % VALIDATION_EVERY == VALIDATION_EVERY - 1 else 0
            outputs[side].write(line if line.endswith("\n") else line + "\n")
            counts[side] += 1
            index += 1
    return counts


def extension(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


if __name__ == "__main__":
    sys.exit(main())
