"""The platform's `package` stage: collect a job's results into its artifacts.

Runs like any unit (see agent/README.md) after the job's last stages, with
their outputs in GPU_AGENT_INPUT_DIR/<unit>/ (one directory per upstream
unit, e.g. `train` or `sweep#3`). Writes to GPU_AGENT_OUTPUT_DIR:

  checkpoint<...>      the final checkpoint: the one of the best unit
  metrics.jsonl        every unit's metrics, each line tagged with "unit"
  upstream-logs.txt    every unit's logs.txt, one after the other, when the
                       platform passes them along
  summary.json         per unit: files, last metrics, checkpoint; the chosen
                       unit and the rule that chose it

The best unit is the one with a checkpoint whose last metrics line has the
lowest `val_loss` (else `loss`); without such metrics, the last unit with a
checkpoint in name order. A single training unit is simply the final one.
"""

import json
import os
import shutil
import sys

SCORES = ("val_loss", "loss")


def main() -> int:
    input_dir = os.environ["GPU_AGENT_INPUT_DIR"]
    output_dir = os.environ["GPU_AGENT_OUTPUT_DIR"]

    units = [read_unit(input_dir, name) for name in sorted(os.listdir(input_dir))]
    units = [unit for unit in units if unit is not None]
    print(f"package: {len(units)} upstream unit(s)")

    merge_metrics(units, os.path.join(output_dir, "metrics.jsonl"))
    merge_logs(input_dir, units, os.path.join(output_dir, "upstream-logs.txt"))

    best, rule = choose(units)
    checkpoints = []
    if best is not None:
        for name in best["checkpoints"]:
            source = os.path.join(input_dir, best["unit"], name)
            shutil.copyfile(source, os.path.join(output_dir, name))
            checkpoints.append(name)
        print(f"package: final checkpoint from {best['unit']} ({rule})")
    else:
        print("package: no upstream unit wrote a checkpoint")

    summary = {
        "units": [
            {
                "unit": unit["unit"],
                "files": unit["files"],
                "checkpoints": unit["checkpoints"],
                "final_metrics": unit["last_metrics"],
            }
            for unit in units
        ],
        "final_unit": best["unit"] if best else None,
        "final_checkpoints": checkpoints,
        "selection_rule": rule,
    }
    with open(os.path.join(output_dir, "summary.json"), "w", encoding="utf-8") as out:
        json.dump(summary, out, indent=2, sort_keys=True)
    return 0


def read_unit(input_dir: str, name: str):
    directory = os.path.join(input_dir, name)
    if not os.path.isdir(directory):
        return None
    files = sorted(f for f in os.listdir(directory) if os.path.isfile(os.path.join(directory, f)))
    metrics = read_metrics(os.path.join(directory, "metrics.jsonl"))
    return {
        "unit": name,
        "files": files,
        "checkpoints": [f for f in files if f.startswith("checkpoint")],
        "metrics": metrics,
        "last_metrics": metrics[-1] if metrics else None,
    }


def read_metrics(path: str) -> list:
    if not os.path.isfile(path):
        return []
    lines = []
    with open(path, encoding="utf-8") as source:
        for line in source:
            try:
                value = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(value, dict):
                lines.append(value)
    return lines


def choose(units: list):
    with_checkpoint = [unit for unit in units if unit["checkpoints"]]
    if not with_checkpoint:
        return None, "no checkpoint"
    for key in SCORES:
        scored = [u for u in with_checkpoint if is_number((u["last_metrics"] or {}).get(key))]
        if scored:
            best = min(scored, key=lambda u: (u["last_metrics"][key], u["unit"]))
            return best, f"lowest final {key}"
    return with_checkpoint[-1], "last unit with a checkpoint"


def merge_metrics(units: list, path: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for unit in units:
            for line in unit["metrics"]:
                out.write(json.dumps({"unit": unit["unit"], **line}) + "\n")


def merge_logs(input_dir: str, units: list, path: str) -> None:
    logs = [(u["unit"], os.path.join(input_dir, u["unit"], "logs.txt")) for u in units]
    logs = [(unit, log) for unit, log in logs if os.path.isfile(log)]
    if not logs:
        return
    with open(path, "w", encoding="utf-8") as out:
        for unit, log in logs:
            out.write(f"===== {unit} =====\n")
            with open(log, encoding="utf-8", errors="replace") as source:
                shutil.copyfileobj(source, out)
            out.write("\n")


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


if __name__ == "__main__":
    sys.exit(main())
